import { checkCalendarYear } from './calendarYears.js'
import { easterSunday } from './easter.js'
import { addDays, dayOfWeek, isoDate, lastWeekdayOfMonth, nthWeekdayOfMonth, Weekday } from './internal/civilDate.js'

/** A day the NYSE (and with it the US options exchanges) is closed all day. */
export interface NyseHoliday {
  /** The closed date, `YYYY-MM-DD`. */
  readonly date: string
  /** What is observed, with ` (observed)` when the holiday moved off a weekend. */
  readonly name: string
}

/** Juneteenth became a federal holiday in June 2021; the NYSE first closed for it on 2022-06-20. */
const JUNETEENTH_FIRST_YEAR = 2022

/**
 * A fixed-date holiday moved off a weekend per NYSE Rule 7.2: Saturday → the Friday before, Sunday → the Monday
 * after. `undefined` when the Saturday rule does not apply (New Year's Day).
 */
function observed(date: string, name: string, saturdayToFriday: boolean): NyseHoliday | undefined {
  const weekday = dayOfWeek(date)
  if (weekday === Weekday.Sunday) return { date: addDays(date, 1), name: `${name} (observed)` }
  if (weekday === Weekday.Saturday) {
    return saturdayToFriday ? { date: addDays(date, -1), name: `${name} (observed)` } : undefined
  }
  return { date, name }
}

const cache = new Map<number, readonly NyseHoliday[]>()

/**
 * The scheduled NYSE holidays of a year, computed by rule: New Year's Day, Martin Luther King, Jr. Day (third
 * Monday of January), Washington's Birthday (third Monday of February), Good Friday (Easter computus), Memorial
 * Day (last Monday of May), Juneteenth (from 2022), Independence Day, Labor Day (first Monday of September),
 * Thanksgiving (fourth Thursday of November) and Christmas.
 *
 * Fixed-date holidays on a Saturday close the market the Friday before and on a Sunday the Monday after (NYSE
 * Rule 7.2) — except New Year's Day on a Saturday, which is not observed at all: the Friday before (Dec 31) ends
 * a month, quarter and year and stays a full trading day (2011, 2022, 2028 have no New Year's holiday).
 *
 * Unscheduled closures (national days of mourning, 9/11, Hurricane Sandy) are not rules and are not listed here;
 * see {@link UNSCHEDULED_CLOSURES} and {@link marketClosures}.
 *
 * @param year - Calendar year within {@link CALENDAR_YEARS}.
 * @returns The holidays in date order (a fresh array).
 * @throws {CalendarInputError} When the year is not supported.
 * @example
 * ```ts
 * nyseHolidays(2027).map((holiday) => holiday.date)
 * // ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', …]
 * ```
 */
export function nyseHolidays(year: number): NyseHoliday[] {
  checkCalendarYear(year)
  let holidays = cache.get(year)
  if (!holidays) {
    holidays = computeHolidays(year)
    cache.set(year, holidays)
  }
  return [...holidays]
}

function computeHolidays(year: number): readonly NyseHoliday[] {
  const list: (NyseHoliday | undefined)[] = [
    observed(isoDate(year, 1, 1), "New Year's Day", false),
    { date: nthWeekdayOfMonth(year, 1, Weekday.Monday, 3), name: 'Martin Luther King, Jr. Day' },
    { date: nthWeekdayOfMonth(year, 2, Weekday.Monday, 3), name: "Washington's Birthday" },
    { date: addDays(easterSunday(year), -2), name: 'Good Friday' },
    { date: lastWeekdayOfMonth(year, 5, Weekday.Monday), name: 'Memorial Day' },
    year >= JUNETEENTH_FIRST_YEAR
      ? observed(isoDate(year, 6, 19), 'Juneteenth National Independence Day', true)
      : undefined,
    observed(isoDate(year, 7, 4), 'Independence Day', true),
    { date: nthWeekdayOfMonth(year, 9, Weekday.Monday, 1), name: 'Labor Day' },
    { date: nthWeekdayOfMonth(year, 11, Weekday.Thursday, 4), name: 'Thanksgiving Day' },
    observed(isoDate(year, 12, 25), 'Christmas Day', true),
  ]
  return Object.freeze(
    list
      .filter((holiday): holiday is NyseHoliday => holiday !== undefined)
      .map((holiday) => Object.freeze(holiday))
      .sort((a, b) => (a.date < b.date ? -1 : 1)),
  )
}
