import { finiteOrNull } from '../internal/finite.js'

/**
 * Calmar ratio: annualised return divided by the maximum drawdown fraction.
 *
 * @param annualized - Annualised return as a fraction.
 * @param maxDrawdownFraction - Maximum drawdown as a positive fraction (0.1 = 10 %).
 * @returns The ratio, or `null` when either input is missing or the curve never fell (drawdown 0).
 * @example
 * ```ts
 * calmarRatio(0.2, 0.1) // 2
 * ```
 */
export function calmarRatio(annualized: number | null, maxDrawdownFraction: number | null): number | null {
  if (annualized === null || maxDrawdownFraction === null || !(maxDrawdownFraction > 0)) return null
  return finiteOrNull(annualized / maxDrawdownFraction)
}
