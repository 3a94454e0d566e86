import type { OptionRight } from '../instruments/instrument.js'
import type { Greeks } from '../marketData/types.js'
import {
  computeScalar,
  scratchDelta,
  scratchGamma,
  scratchPrice,
  scratchRho,
  scratchTheta,
  scratchVega,
} from './internal/scalarGreeks.js'

/**
 * Black–Scholes–Merton price and greeks of a European option with continuous dividend yield, analytically:
 * delta ∂V/∂S, gamma ∂²V/∂S², theta ∂V/∂t per year (calendar time passing, so −∂V/∂T; divide by 365 for a day),
 * vega per 1.00 of volatility and rho per 1.00 of rate (divide by 100 for per point). With zero total volatility
 * (σ·√T ≤ 1e-150) the greeks are the limits of the intrinsic value: delta is a step (half at the money), gamma is 0.
 *
 * @param right - `'call'` or `'put'`.
 * @param spot - Spot price of the underlying, positive.
 * @param strike - Strike price, positive.
 * @param timeYears - Time to expiry in years, at least 0.
 * @param vol - Annualised volatility, at least 0.
 * @param rate - Continuously compounded risk-free rate.
 * @param dividendYield - Continuous dividend yield.
 * @returns The greeks and the price.
 * @throws {PricingInputError} For NaN or infinite inputs, non-positive spot or strike, negative time or vol.
 * @example
 * ```ts
 * const { price, delta, gamma } = bsGreeks('put', 500, 495, 2 / 365 / 24, 0.18, 0.05, 0.013)
 * ```
 */
export function bsGreeks(
  right: OptionRight,
  spot: number,
  strike: number,
  timeYears: number,
  vol: number,
  rate: number,
  dividendYield: number,
): Greeks & { readonly price: number } {
  computeScalar(right, spot, strike, timeYears, vol, rate, dividendYield)
  return {
    price: scratchPrice[0] as number,
    delta: scratchDelta[0] as number,
    gamma: scratchGamma[0] as number,
    theta: scratchTheta[0] as number,
    vega: scratchVega[0] as number,
    rho: scratchRho[0] as number,
  }
}
