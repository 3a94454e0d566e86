import { isTradingDay } from './tradingDays.js'

/**
 * Underlyings and roots with an expiration every trading day (Mon–Fri), so a 0DTE series exists daily:
 * SPY, QQQ, IWM (physically settled ETF options), SPX/SPXW and XSP (cash-settled, p.m.-settled).
 *
 * @example
 * ```ts
 * for (const symbol of ZERO_DTE_SYMBOLS) feed.subscribe([equity(symbol)])
 * ```
 */
export const ZERO_DTE_SYMBOLS = ['SPY', 'QQQ', 'IWM', 'SPX', 'SPXW', 'XSP'] as const
/** One of {@link ZERO_DTE_SYMBOLS}. */
export type ZeroDteSymbol = (typeof ZERO_DTE_SYMBOLS)[number]

const DAILY: ReadonlySet<string> = new Set(ZERO_DTE_SYMBOLS)

/**
 * Whether options on a symbol expire on a date: `true` for {@link ZERO_DTE_SYMBOLS} on every trading day.
 *
 * Scope and limits:
 * - It reflects today's listing schedule. Daily expirations are recent (SPX completed its Monday–Friday set in
 *   May 2022; the other symbols around then or later), so for older dates it reports days that had no expiry;
 *   a backtest should take expiries from its option-chain data.
 * - Other symbols return `false`, even on Fridays: weekly and monthly expirations are out of scope.
 * - When an expiration day becomes a closure (2025-01-09) the exchanges move that expiry to the day before; the
 *   closed day itself returns `false`.
 *
 * @param symbol - Underlying or option root, case-insensitive.
 * @param date - Calendar date `YYYY-MM-DD`.
 * @returns `true` when a series of the symbol expires that day.
 * @throws {CalendarInputError} When the date is malformed or outside {@link CALENDAR_YEARS}.
 * @example
 * ```ts
 * hasZeroDteExpiration('SPY', '2025-06-17') // true
 * hasZeroDteExpiration('AAPL', '2025-06-20') // false: weeklies are out of scope
 * ```
 */
export function hasZeroDteExpiration(symbol: string, date: string): boolean {
  const open = isTradingDay(date)
  return open && DAILY.has(symbol.toUpperCase())
}
