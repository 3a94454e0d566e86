import { checkDate } from './internal/checkDate.js'
import { wallTimeToMs } from './internal/nyDayWindow.js'
import { yearCalendar } from './internal/yearCalendar.js'
import { isTradingDay } from './tradingDays.js'

/** The equity session of one trading day, as epoch-ms instants (New York wall times converted DST-correctly). */
export interface TradingSession {
  /** The trading day, `YYYY-MM-DD`. */
  readonly date: string
  /** Pre-market opens, 04:00 New York. */
  readonly preMarketOpenMs: number
  /** Regular session opens, 09:30 New York. */
  readonly regularOpenMs: number
  /** Regular session closes, 16:00 New York, or 13:00 on an early-close day. */
  readonly regularCloseMs: number
  /** After-hours trading ends, 20:00 New York, or 17:00 on an early-close day (NYSE Arca and Nasdaq). */
  readonly afterHoursCloseMs: number
  /** Whether this is a scheduled 1:00 p.m. early close ({@link earlyCloseDates}). */
  readonly earlyClose: boolean
}

// Every trading day from 2000 to 2099 is at most ~25,000 small frozen objects, so the cache needs no eviction.
const cache = new Map<string, TradingSession | null>()

/**
 * The session times of a date, or `undefined` when the market is closed all day. Pre-market 04:00, regular
 * 09:30–16:00 and after-hours to 20:00 New York time; on early-close days the regular session ends at 13:00 and
 * after-hours at 17:00, as the NYSE's holiday notices state. Options hours differ: see {@link optionsCloseMs}
 * and {@link expirationInstantMs}.
 *
 * @param date - Calendar date `YYYY-MM-DD`.
 * @returns The frozen session, or `undefined` on weekends, holidays and unscheduled closures.
 * @throws {CalendarInputError} When the date is malformed or outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * const session = tradingSession('2024-07-03')
 * // session.earlyClose === true, session.regularCloseMs === Date.UTC(2024, 6, 3, 17, 0)
 * ```
 */
export function tradingSession(date: string): TradingSession | undefined {
  const cached = cache.get(date)
  if (cached !== undefined) return cached ?? undefined
  const year = checkDate(date)
  const session = isTradingDay(date) ? buildSession(date, yearCalendar(year).earlyClose.has(date)) : null
  cache.set(date, session)
  return session ?? undefined
}

function buildSession(date: string, earlyClose: boolean): TradingSession {
  return Object.freeze({
    date,
    preMarketOpenMs: wallTimeToMs(date, '04:00'),
    regularOpenMs: wallTimeToMs(date, '09:30'),
    regularCloseMs: wallTimeToMs(date, earlyClose ? '13:00' : '16:00'),
    afterHoursCloseMs: wallTimeToMs(date, earlyClose ? '17:00' : '20:00'),
    earlyClose,
  })
}
