import type { SimSmileConfig } from './simConfig.js'

/**
 * Implied volatility of a strike from the at-the-money level and a skewed smile, in standardised moneyness
 * `k = ln(K/F) / (σ_atm·√T)`: `σ(k) = σ_atm · (1 − skew·tanh(k/2) + curvature·(√(1 + k²) − 1))`. Lower strikes get
 * higher volatility (put skew). Because `k` scales with `1/√T`, the smile steepens in strike terms as expiry
 * nears, as 0DTE smiles do.
 *
 * @param atmVolatility - At-the-money implied volatility.
 * @param logMoneyness - ln(strike / forward).
 * @param sqrtYears - √(time to expiry in years), > 0.
 * @param smile - Skew and curvature.
 * @returns Implied volatility of the strike, ≥ 0.25·σ_atm.
 * @example
 * ```ts
 * smileVolatility(0.2, Math.log(580 / 590), Math.sqrt(1 / 365), { skew: 0.15, curvature: 0.08 }) // > 0.2
 * ```
 */
export function smileVolatility(
  atmVolatility: number,
  logMoneyness: number,
  sqrtYears: number,
  smile: SimSmileConfig,
): number {
  const k = logMoneyness / (atmVolatility * sqrtYears)
  const shape = 1 - smile.skew * Math.tanh(k / 2) + smile.curvature * (Math.sqrt(1 + k * k) - 1)
  return atmVolatility * Math.max(shape, 0.25)
}
