import { checkCalendarYear } from './calendarYears.js'
import { type NyseHoliday, nyseHolidays } from './nyseHolidays.js'
import { UNSCHEDULED_CLOSURES } from './unscheduledClosures.js'

/**
 * Every weekday of a year the market is closed all day: the scheduled {@link nyseHolidays} plus the
 * {@link UNSCHEDULED_CLOSURES} of that year.
 *
 * @param year - Calendar year within {@link CALENDAR_YEARS}.
 * @returns Closures in date order (a fresh array).
 * @throws {CalendarInputError} When the year is not supported.
 * @example
 * ```ts
 * marketClosures(2025).find((closure) => closure.date === '2025-01-09')?.name
 * // 'National Day of Mourning for President Jimmy Carter'
 * ```
 */
export function marketClosures(year: number): NyseHoliday[] {
  checkCalendarYear(year)
  const prefix = `${year}-`
  return [...nyseHolidays(year), ...UNSCHEDULED_CLOSURES.filter((closure) => closure.date.startsWith(prefix))].sort(
    (a, b) => (a.date < b.date ? -1 : 1),
  )
}
