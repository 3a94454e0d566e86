import { checkDate } from './internal/checkDate.js'
import { addDays, dayOfWeek, Weekday } from './internal/civilDate.js'
import { yearCalendar } from './internal/yearCalendar.js'

function isOpen(date: string, year: number): boolean {
  const weekday = dayOfWeek(date)
  if (weekday === Weekday.Saturday || weekday === Weekday.Sunday) return false
  return !yearCalendar(year).closed.has(date)
}

/**
 * Whether the NYSE and the US options exchanges hold a session on a date: a weekday that is neither a scheduled
 * holiday ({@link nyseHolidays}) nor a known unscheduled closure ({@link UNSCHEDULED_CLOSURES}). Early-close
 * days are trading days.
 *
 * @param date - Calendar date `YYYY-MM-DD` (New York).
 * @returns `true` when there is a session.
 * @throws {CalendarInputError} When the date is malformed or outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * isTradingDay('2025-07-04') // false: Independence Day
 * isTradingDay('2021-12-31') // true: New Year's Day 2022 (a Saturday) is not observed
 * ```
 */
export function isTradingDay(date: string): boolean {
  return isOpen(date, checkDate(date))
}

function step(date: string, direction: 1 | -1): string {
  let candidate = date
  // Ends within days (the longest closure run, 9/11, was four weekdays); checkDate throws past the supported years.
  for (;;) {
    candidate = addDays(candidate, direction)
    if (isOpen(candidate, checkDate(candidate))) return candidate
  }
}

/**
 * The first trading day strictly after a date (which need not be a trading day itself).
 *
 * @param date - Calendar date `YYYY-MM-DD`.
 * @returns The next trading day `YYYY-MM-DD`.
 * @throws {CalendarInputError} When the date, or the answer, is outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * nextTradingDay('2024-11-27') // '2024-11-29': skips Thanksgiving
 * ```
 */
export function nextTradingDay(date: string): string {
  checkDate(date)
  return step(date, 1)
}

/**
 * The last trading day strictly before a date (which need not be a trading day itself).
 *
 * @param date - Calendar date `YYYY-MM-DD`.
 * @returns The previous trading day `YYYY-MM-DD`.
 * @throws {CalendarInputError} When the date, or the answer, is outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * previousTradingDay('2023-01-03') // '2022-12-30': skips the weekend and the observed New Year's Day
 * ```
 */
export function previousTradingDay(date: string): string {
  checkDate(date)
  return step(date, -1)
}
