import { finiteOrNull, mean, ZERO_DEVIATION } from '../internal/finite.js'
import { type ReturnConventions, resolveReturnConventions } from './returnConventions.js'

/**
 * Annualised Sharpe ratio of periodic returns.
 *
 * Convention: excess returns `xᵢ = rᵢ − r_f / P` (simple per-period risk-free rate, `P = periodsPerYear`);
 * `Sharpe = mean(x) / stdev(x) × √P` with the sample standard deviation (n − 1 denominator).
 *
 * @param returns - Simple periodic returns (0.01 = +1 %), one sampling frequency.
 * @param conventions - Periods per year and risk-free rate.
 * @returns The ratio, or `null` with fewer than two returns or when the returns do not vary
 *   (standard deviation below 1e-12).
 * @throws {ConfigError} When the conventions are out of range.
 * @example
 * ```ts
 * sharpeRatio([0.01, -0.005, 0.007], { periodsPerYear: 252, riskFreeRateAnnual: 0.04 })
 * ```
 */
export function sharpeRatio(returns: readonly number[], conventions?: ReturnConventions): number | null {
  const { periodsPerYear, riskFreeRateAnnual } = resolveReturnConventions(conventions)
  if (returns.length < 2) return null
  const perPeriod = riskFreeRateAnnual / periodsPerYear
  const excess = returns.map((value) => value - perPeriod)
  const average = mean(excess)
  let squares = 0
  for (const value of excess) squares += (value - average) ** 2
  const deviation = Math.sqrt(squares / (excess.length - 1))
  if (!(deviation > ZERO_DEVIATION)) return null
  return finiteOrNull((average / deviation) * Math.sqrt(periodsPerYear))
}
