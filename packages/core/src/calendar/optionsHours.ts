import { checkDate } from './internal/checkDate.js'
import { wallTimeToMs } from './internal/nyDayWindow.js'
import { NonTradingDayError } from './nonTradingDayError.js'
import { tradingSession } from './tradingSession.js'

/** ETF options that trade to 16:15 New York, 15 minutes past the equity close, expiring series included. */
const LATE_CLOSE_ETFS: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM', 'DIA'])

/** Cash-settled index options: 09:30–16:15, but expiring p.m.-settled series stop at the 16:00 equity close. */
const PM_SETTLED_INDEXES: ReadonlySet<string> = new Set([
  'SPX',
  'SPXW',
  'XSP',
  'XSPW',
  'NDX',
  'NDXP',
  'RUT',
  'RUTW',
  'MRUT',
])

function sessionOf(date: string, operation: string) {
  checkDate(date)
  const session = tradingSession(date)
  if (!session) throw new NonTradingDayError(date, operation)
  return session
}

/**
 * When regular options trading on a symbol ends on a date, for series that do not expire that day.
 * SPY, QQQ, IWM, DIA and the index options (SPX/SPXW, XSP, NDX, RUT) close at 16:15 New York; single-stock and
 * other options at 16:00. On early-close days everything closes 3 hours earlier (13:15 and 13:00), as the NYSE
 * notices state ("1:15 p.m. for eligible options"). Other broad ETFs that also trade to 16:15 (XLF, TLT, EEM …)
 * are not listed and get the conservative 16:00.
 *
 * @param symbol - Underlying or option root, case-insensitive (`SPY`, `SPXW`).
 * @param date - Trading day `YYYY-MM-DD`.
 * @returns Epoch ms of the close.
 * @throws {NonTradingDayError} When the date has no session.
 * @throws {CalendarInputError} When the date is malformed or outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * optionsCloseMs('SPY', '2024-11-29') // 13:15 New York: day after Thanksgiving
 * ```
 */
export function optionsCloseMs(symbol: string, date: string): number {
  const session = sessionOf(date, 'optionsCloseMs')
  const upper = symbol.toUpperCase()
  const late = LATE_CLOSE_ETFS.has(upper) || PM_SETTLED_INDEXES.has(upper)
  if (session.earlyClose) return wallTimeToMs(date, late ? '13:15' : '13:00')
  return wallTimeToMs(date, late ? '16:15' : '16:00')
}

/**
 * When the series of a symbol that expire on a date stop trading: the last instant a 0DTE position can be
 * closed, and the end of its time value.
 *
 * - SPY, QQQ, IWM, DIA: 16:15 (13:15 on early-close days). Cboe Rule 5.1(b)(2)(C) (as amended by
 *   SR-CBOE-2024-053) lists exactly which options end their last trading day at 16:00, and every entry is a
 *   cash-settled index product that settles on the 16:00 closing value. Physically settled ETF options are not
 *   on it, so expiring SPY series keep the 16:15 late close: automatic exercise uses the 16:00 ETF price, but
 *   holders can still trade until 16:15 and may submit exercise instructions until 17:30, which is why short
 *   expiring SPY options carry after-hours pin risk.
 * - SPX/SPXW, XSP, NDX, RUT p.m.-settled series: 16:00, per the same rule. On early-close days 13:00: the
 *   settlement value is the index's close, which the early close moves to 13:00, while the non-expiring series
 *   run to 13:15 ("1:15 p.m. for eligible options"). A.m.-settled series (standard third-Friday SPX, VIX) stop
 *   the business day before and are not what this returns.
 * - Other symbols: 16:00 (13:00), the equity-option close.
 *
 * It does not check that the symbol lists an expiry on that date: see {@link hasZeroDteExpiration}.
 *
 * @param symbol - Underlying or option root, case-insensitive.
 * @param date - Expiration date `YYYY-MM-DD`, a trading day.
 * @returns Epoch ms when trading in the expiring series ends.
 * @throws {NonTradingDayError} When the date has no session (nothing expires on a closed day).
 * @throws {CalendarInputError} When the date is malformed or outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * expirationInstantMs('SPXW', '2025-06-20') // Date.UTC(2025, 5, 20, 20, 0): 16:00 EDT
 * expirationInstantMs('SPY', '2025-06-20') // Date.UTC(2025, 5, 20, 20, 15): 16:15 EDT
 * ```
 */
export function expirationInstantMs(symbol: string, date: string): number {
  const session = sessionOf(date, 'expirationInstantMs')
  const upper = symbol.toUpperCase()
  if (LATE_CLOSE_ETFS.has(upper)) return wallTimeToMs(date, session.earlyClose ? '13:15' : '16:15')
  return session.regularCloseMs
}
