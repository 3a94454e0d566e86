import { CalendarInputError } from './calendarInputError.js'

/**
 * Years the market calendar answers for. From 2000 the NYSE rules implemented here (MLK Day, 1:00 p.m. early
 * closes, the July rules) match the exchange's history, checked against the published lists and the known
 * unscheduled closures; years after the latest published NYSE list (2028 at the time of writing) are
 * projections of the current rules and will miss any holiday or closure not yet announced. Dates outside the
 * range throw {@link CalendarInputError} instead of guessing.
 *
 * @example
 * ```ts
 * const inRange = year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last
 * ```
 */
export const CALENDAR_YEARS = { first: 2000, last: 2099 } as const

/**
 * Throws unless `year` is an integer within {@link CALENDAR_YEARS}.
 *
 * @param year - Calendar year.
 * @returns `year`, for chaining.
 * @throws {CalendarInputError} When the year is not supported.
 * @example
 * ```ts
 * const year = checkCalendarYear(2025)
 * ```
 */
export function checkCalendarYear(year: number): number {
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
    throw new CalendarInputError(
      'year',
      String(year),
      `supported years are ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}`,
    )
  }
  return year
}
