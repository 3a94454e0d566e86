import { checkCalendarYear } from './calendarYears.js'
import { isoDate } from './internal/civilDate.js'

/**
 * Western (Gregorian) Easter Sunday of a year, by the anonymous Gregorian computus (Meeus/Jones/Butcher). The
 * NYSE closes on Good Friday, two days earlier.
 *
 * @param year - Calendar year within {@link CALENDAR_YEARS}.
 * @returns Easter Sunday as `YYYY-MM-DD`.
 * @throws {CalendarInputError} When the year is not supported.
 * @example
 * ```ts
 * easterSunday(2025) // '2025-04-20'
 * ```
 */
export function easterSunday(year: number): string {
  checkCalendarYear(year)
  const a = year % 19 // position in the 19-year Metonic cycle
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30 // epact: age of the moon, so h days after March 21 is the full moon
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7 // days from the full moon to the following Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDate(year, month, day)
}
