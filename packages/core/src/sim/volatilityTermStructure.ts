import type { SimRiskPremiumConfig } from './simConfig.js'

/** Parameters of the simulated variance process (annualised variance, trading-year time). */
export interface VarianceProcess {
  /** Mean-reversion speed per year (κ). */
  readonly meanReversionPerYear: number
  /** Long-run variance (θ). */
  readonly longRunVariance: number
  /** Variance jumps per year (λ). */
  readonly jumpsPerYear: number
  /** Mean variance jump (μ). */
  readonly meanJumpVariance: number
}

/** The Cboe volatility indexes the simulator publishes, with the constant maturity each one measures. */
export const VIX_FAMILY = [
  { symbol: 'VIX9D', days: 9 },
  { symbol: 'VIX', days: 30 },
  { symbol: 'VIX3M', days: 93 },
  { symbol: 'VIX6M', days: 184 },
] as const

/**
 * Expected average variance over the next `years` under the simulated process: the mean-reverting (Heston) drift
 * toward the long-run level, which compound jumps raise to θ + λμ/κ.
 *
 * @param variance - Current variance (annualised).
 * @param years - Horizon, > 0.
 * @param process - Process parameters.
 * @returns E[(1/T)∫v dt], annualised.
 * @example
 * ```ts
 * expectedAverageVariance(0.02, 30 / 365, { meanReversionPerYear: 5, longRunVariance: 0.0256, jumpsPerYear: 0, meanJumpVariance: 0 })
 * ```
 */
export function expectedAverageVariance(variance: number, years: number, process: VarianceProcess): number {
  const kappa = process.meanReversionPerYear
  const target = process.longRunVariance + (process.jumpsPerYear * process.meanJumpVariance) / kappa
  const kt = kappa * years
  const weight = kt > 1e-9 ? (1 - Math.exp(-kt)) / kt : 1
  return target + (Math.max(variance, 0) - target) * weight
}

/**
 * Implied variance over `years`: expected variance times one plus the variance risk premium, which rises from
 * `short` to `long` with maturity. The premium is why implied volatility (VIX) sits above realised volatility
 * most of the time, and why the term structure is in contango when variance is near its long-run level.
 *
 * @param variance - Current variance.
 * @param years - Horizon, > 0.
 * @param process - Variance process.
 * @param premium - Risk premium shape.
 * @returns Annualised implied variance.
 * @example
 * ```ts
 * const vix = 100 * Math.sqrt(impliedVariance(v, 30 / 365, process, { short: 0.15, long: 0.45, maturityYears: 0.25 }))
 * ```
 */
export function impliedVariance(
  variance: number,
  years: number,
  process: VarianceProcess,
  premium: SimRiskPremiumConfig,
): number {
  const ramp = 1 - Math.exp(-years / premium.maturityYears)
  return expectedAverageVariance(variance, years, process) * (1 + premium.short + (premium.long - premium.short) * ramp)
}
