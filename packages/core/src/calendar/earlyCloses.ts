import { checkCalendarYear } from './calendarYears.js'
import { addDays, dayOfWeek, isoDate, nthWeekdayOfMonth, Weekday } from './internal/civilDate.js'

/** Until 2012 a Wednesday July 3 was a full day and the Friday July 5 closed early instead (1996, 2002). */
const WEDNESDAY_JULY_3_FROM_YEAR = 2013

/** One-off 1:00 p.m. closes the rules below do not produce. */
const EXTRA_EARLY_CLOSES: readonly string[] = ['2003-12-26'] // Friday after Christmas 2003

const cache = new Map<number, readonly string[]>()

/**
 * The NYSE's scheduled 1:00 p.m. early closes of a year (options on them trade to 1:15 p.m.):
 * - the day before Independence Day: July 3 when it is a Monday–Thursday; a Friday July 3 is already the
 *   observed holiday (July 4 on Saturday) and a weekend July 3 gives no early close. Before 2013 a Wednesday
 *   July 3 was a full day and Friday July 5 closed early instead (2002 in the supported range);
 * - the day after Thanksgiving;
 * - Christmas Eve, December 24, when it is a Monday–Thursday (a Friday Dec 24 is the observed Christmas holiday);
 * - the one-off 2003-12-26.
 *
 * Matches the NYSE's published lists (2020–2028 checked in the tests) and its history from 2000.
 *
 * @param year - Calendar year within {@link CALENDAR_YEARS}.
 * @returns Early-close dates `YYYY-MM-DD` in order (a fresh array).
 * @throws {CalendarInputError} When the year is not supported.
 * @example
 * ```ts
 * earlyCloseDates(2026) // ['2026-11-27', '2026-12-24']: July 3, 2026 is the observed Independence Day
 * ```
 */
export function earlyCloseDates(year: number): string[] {
  checkCalendarYear(year)
  let dates = cache.get(year)
  if (!dates) {
    dates = computeEarlyCloses(year)
    cache.set(year, dates)
  }
  return [...dates]
}

function isMondayToThursday(date: string): boolean {
  const weekday = dayOfWeek(date)
  return weekday >= Weekday.Monday && weekday <= Weekday.Thursday
}

function computeEarlyCloses(year: number): readonly string[] {
  const dates: string[] = []
  const july3 = isoDate(year, 7, 3)
  const july3Weekday = dayOfWeek(july3)
  if (july3Weekday === Weekday.Wednesday && year < WEDNESDAY_JULY_3_FROM_YEAR) dates.push(isoDate(year, 7, 5))
  else if (isMondayToThursday(july3)) dates.push(july3)
  dates.push(addDays(nthWeekdayOfMonth(year, 11, Weekday.Thursday, 4), 1))
  const christmasEve = isoDate(year, 12, 24)
  if (isMondayToThursday(christmasEve)) dates.push(christmasEve)
  for (const date of EXTRA_EARLY_CLOSES) if (date.startsWith(`${year}-`)) dates.push(date)
  return Object.freeze(dates.sort())
}
