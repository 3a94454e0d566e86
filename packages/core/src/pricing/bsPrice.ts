import type { OptionRight } from '../instruments/instrument.js'
import { computeScalar, scratchPrice } from './internal/scalarGreeks.js'

/**
 * Black–Scholes–Merton price of a European option with continuous dividend yield. Keeps full relative precision
 * for short-dated and far out-of-the-money options (a 0DTE option with one minute left priced at 1e-30 has 15
 * correct digits), by evaluating the time value through the normalised Black function instead of the difference
 * S·Φ(d1) − K·Φ(d2). With zero total volatility (σ·√T ≤ 1e-150, e.g. σ = 0 or T = 0) it returns the discounted forward intrinsic value.
 *
 * @param right - `'call'` or `'put'`.
 * @param spot - Spot price of the underlying, positive.
 * @param strike - Strike price, positive.
 * @param timeYears - Time to expiry in years, at least 0.
 * @param vol - Annualised volatility, at least 0 (0.2 = 20 %).
 * @param rate - Continuously compounded risk-free rate.
 * @param dividendYield - Continuous dividend yield.
 * @returns The option premium.
 * @throws {PricingInputError} For NaN or infinite inputs, non-positive spot or strike, negative time or vol.
 * @example
 * ```ts
 * bsPrice('call', 42, 40, 0.5, 0.2, 0.1, 0) // 4.759422392871532 (Hull, Example 15.6)
 * ```
 */
export function bsPrice(
  right: OptionRight,
  spot: number,
  strike: number,
  timeYears: number,
  vol: number,
  rate: number,
  dividendYield: number,
): number {
  computeScalar(right, spot, strike, timeYears, vol, rate, dividendYield)
  return scratchPrice[0] as number
}
