import { finiteOrNull } from '../internal/finite.js'

/**
 * Compound annual growth from a total return over a number of return periods:
 * `(1 + total)^(periodsPerYear / periods) − 1`.
 *
 * @param total - Total return as a fraction.
 * @param periods - Return periods the total spans (for a daily curve, the number of daily returns).
 * @param periodsPerYear - Periods in a year (252 for daily).
 * @returns The annualised return, or `null` for no periods or a total loss of 100 % or more.
 * @example
 * ```ts
 * annualizedReturn(0.1, 126, 252) // ≈ 0.21: +10 % in half a year
 * ```
 */
export function annualizedReturn(total: number | null, periods: number, periodsPerYear: number): number | null {
  if (total === null || !(periods > 0) || !(periodsPerYear > 0) || !(total > -1)) return null
  return finiteOrNull((1 + total) ** (periodsPerYear / periods) - 1)
}
