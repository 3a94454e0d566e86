import { CalendarInputError } from './calendarInputError.js'
import { nyDayWindow } from './internal/nyDayWindow.js'
import { type TradingSession, tradingSession } from './tradingSession.js'

/** Where an instant falls in the equity trading day. */
export const SessionPhase = {
  /** Weekend, holiday, overnight (20:00–04:00, or 17:00–04:00 after an early close). */
  Closed: 'closed',
  /** 04:00 up to the 09:30 open. */
  PreMarket: 'pre_market',
  /** 09:30 up to the 16:00 close (13:00 on early-close days). */
  Regular: 'regular',
  /** The regular close up to 20:00 (17:00 on early-close days). */
  AfterHours: 'after_hours',
} as const
/** One of {@link SessionPhase}. */
export type SessionPhase = (typeof SessionPhase)[keyof typeof SessionPhase]

// The day last asked about: on the hot path (sampling every quote) successive instants share a day, so a hit
// costs a handful of comparisons and no time-zone work.
let cachedDayStartMs = 0
let cachedDayEndMs = 0
let cachedSession: TradingSession | undefined

/**
 * The session phase at an instant. Each phase is a half-open interval: exactly 09:30:00.000 is `regular`,
 * exactly the close is `after_hours`. Consistent with {@link tradingSession} of the instant's New York date.
 *
 * @param ms - Epoch milliseconds.
 * @returns The phase.
 * @throws {CalendarInputError} When `ms` is not finite or its date is outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * sessionPhaseAt(Date.UTC(2024, 2, 11, 13, 30)) // 'regular': 09:30 EDT
 * sessionPhaseAt(Date.UTC(2024, 2, 8, 13, 30)) // 'pre_market': 08:30 EST
 * ```
 */
export function sessionPhaseAt(ms: number): SessionPhase {
  if (!(ms >= cachedDayStartMs && ms < cachedDayEndMs)) {
    if (!Number.isFinite(ms)) throw new CalendarInputError('instant', String(ms), 'expected finite epoch ms')
    const day = nyDayWindow(ms)
    cachedSession = tradingSession(day.date)
    cachedDayStartMs = day.startMs
    cachedDayEndMs = day.endMs
  }
  const session = cachedSession
  if (!session || ms < session.preMarketOpenMs || ms >= session.afterHoursCloseMs) return 'closed'
  if (ms < session.regularOpenMs) return 'pre_market'
  if (ms < session.regularCloseMs) return 'regular'
  return 'after_hours'
}
