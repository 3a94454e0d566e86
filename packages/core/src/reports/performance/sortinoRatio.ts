import { finiteOrNull, mean, ZERO_DEVIATION } from '../internal/finite.js'
import { type ReturnConventions, resolveReturnConventions } from './returnConventions.js'

/**
 * Annualised Sortino ratio of periodic returns.
 *
 * Convention (Sortino & Price): target = the per-period risk-free rate `r_f / P`; excess `xᵢ = rᵢ − r_f / P`;
 * downside deviation `DD = √(Σ min(0, xᵢ)² / n)` over all n periods (periods above target count as zero, the
 * denominator is n, not the number of losing periods); `Sortino = mean(x) / DD × √P`.
 *
 * @param returns - Simple periodic returns, one sampling frequency.
 * @param conventions - Periods per year and risk-free rate.
 * @returns The ratio, or `null` with fewer than two returns or when no period falls below the target
 *   (downside deviation below 1e-12).
 * @throws {ConfigError} When the conventions are out of range.
 * @example
 * ```ts
 * sortinoRatio([0.02, -0.01, 0.01, -0.02], { periodsPerYear: 252 })
 * ```
 */
export function sortinoRatio(returns: readonly number[], conventions?: ReturnConventions): number | null {
  const { periodsPerYear, riskFreeRateAnnual } = resolveReturnConventions(conventions)
  if (returns.length < 2) return null
  const perPeriod = riskFreeRateAnnual / periodsPerYear
  const excess = returns.map((value) => value - perPeriod)
  let squares = 0
  for (const value of excess) if (value < 0) squares += value ** 2
  const downside = Math.sqrt(squares / excess.length)
  if (!(downside > ZERO_DEVIATION)) return null
  return finiteOrNull((mean(excess) / downside) * Math.sqrt(periodsPerYear))
}
