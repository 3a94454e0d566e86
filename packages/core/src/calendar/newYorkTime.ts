import { CalendarInputError } from './calendarInputError.js'
import { parseIsoDate } from './internal/civilDate.js'
import { NEW_YORK_ZONE, nyDayWindow, wallTimeToMs } from './internal/nyDayWindow.js'

/**
 * IANA time zone of the US equity and options markets. Every session time in the calendar is New York wall
 * time, so DST shifts the UTC instants (regular open 13:30Z in summer, 14:30Z in winter).
 *
 * @example
 * ```ts
 * formatInTimeZone(clock.now(), NEW_YORK, 'HH:mm')
 * ```
 */
export const NEW_YORK = NEW_YORK_ZONE

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
/** Bound of the memo of validated wall times, so a years-long backtest cannot grow it without limit. */
const VALIDATED_CACHE_SIZE = 4096
const validated = new Map<string, number>()

/**
 * The New York calendar date of an instant, the date that names trading days and option expirations.
 *
 * @param ms - Epoch milliseconds.
 * @returns `YYYY-MM-DD` in America/New_York.
 * @throws {CalendarInputError} When `ms` is not finite.
 * @example
 * ```ts
 * nyDate(Date.UTC(2024, 2, 11, 3, 59)) // '2024-03-10' (23:59 EDT)
 * ```
 */
export function nyDate(ms: number): string {
  if (!Number.isFinite(ms)) throw new CalendarInputError('instant', String(ms), 'expected finite epoch ms')
  return nyDayWindow(ms).date
}

/**
 * Converts a New York wall-clock time on a date to an instant, DST-correct. On the Sunday DST ends the repeated
 * hour (01:00–01:59) resolves to its first, daylight-time occurrence; on the Sunday DST starts the skipped hour
 * (02:00–02:59) moves forward one hour (02:30 → 03:30 EDT). Market sessions never fall in either hour.
 *
 * @param date - Calendar date `YYYY-MM-DD`.
 * @param hhmm - Wall time `HH:mm`, 00:00–23:59.
 * @returns Epoch milliseconds.
 * @throws {CalendarInputError} When the date or time is malformed.
 * @example
 * ```ts
 * nyTimeToMs('2024-03-11', '09:30') // Date.UTC(2024, 2, 11, 13, 30): EDT, UTC−4
 * nyTimeToMs('2024-03-08', '09:30') // Date.UTC(2024, 2, 8, 14, 30): EST, UTC−5
 * ```
 */
export function nyTimeToMs(date: string, hhmm: string): number {
  // Rules ask for the same few wall times every second; a pair that passed validation once is answered at once.
  // The key cannot collide: a valid date has no space and a valid time no space, so it splits back uniquely.
  const key = typeof date === 'string' && typeof hhmm === 'string' ? `${date} ${hhmm}` : undefined
  const known = key === undefined ? undefined : validated.get(key)
  if (known !== undefined) return known
  if (typeof date !== 'string' || !parseIsoDate(date)) {
    throw new CalendarInputError('date', String(date), 'expected a real date as YYYY-MM-DD')
  }
  if (typeof hhmm !== 'string' || !HHMM.test(hhmm)) {
    throw new CalendarInputError('time', String(hhmm), 'expected HH:mm between 00:00 and 23:59')
  }
  const ms = wallTimeToMs(date, hhmm)
  if (validated.size >= VALIDATED_CACHE_SIZE) validated.clear()
  validated.set(`${date} ${hhmm}`, ms)
  return ms
}
