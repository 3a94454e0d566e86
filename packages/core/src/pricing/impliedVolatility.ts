import type { OptionRight } from '../instruments/instrument.js'
import { IV_ABOVE_MAXIMUM, IV_BELOW_INTRINSIC, IV_EXPIRED, impliedVolatilityKernel } from './internal/ivKernel.js'

/**
 * Outcome of {@link impliedVolatility}: the volatility, or why none exists.
 *
 * - `below_intrinsic`: the price is below the discounted forward intrinsic value (e^{−rT}·max(θ(F − K), 0)).
 *   A price within rounding (8 ulps) of that bound counts as the bound itself and gives `iv: 0`: deep in the
 *   money with minutes left, the time value can be smaller than the last digit of the price, and then the price
 *   does not determine the volatility.
 * - `above_maximum`: the price is at or above S·e^{−qT} (call) or K·e^{−rT} (put); no volatility reaches it.
 * - `expired`: `timeYears` is zero or negative.
 * - `invalid_input`: NaN or infinite numbers, a negative price, a non-positive spot or strike, an unknown right,
 *   or inputs so extreme that the normalised problem leaves double range (|ln(F/K)| or |r·T| above 700).
 */
export type IvResult =
  | { readonly ok: true; readonly iv: number }
  | { readonly ok: false; readonly reason: 'below_intrinsic' | 'above_maximum' | 'expired' | 'invalid_input' }

const BELOW_INTRINSIC: IvResult = Object.freeze({ ok: false, reason: 'below_intrinsic' })
const ABOVE_MAXIMUM: IvResult = Object.freeze({ ok: false, reason: 'above_maximum' })
const EXPIRED: IvResult = Object.freeze({ ok: false, reason: 'expired' })
const INVALID_INPUT: IvResult = Object.freeze({ ok: false, reason: 'invalid_input' })

/**
 * Black–Scholes–Merton implied volatility of a European option with continuous dividend yield, by Jäckel's
 * "Let's Be Rational" method: a four-branch rational initial guess on the normalised price and two third-order
 * Householder steps, accurate to a few ulps wherever the price determines the volatility (including 0DTE options
 * with minutes left and prices of 1e-200). Never returns NaN.
 *
 * @param right - `'call'` or `'put'`.
 * @param price - Option premium (same currency units as spot and strike).
 * @param spot - Spot price of the underlying.
 * @param strike - Strike price.
 * @param timeYears - Time to expiry in years (see `timeToExpiryYears`).
 * @param rate - Continuously compounded risk-free rate (0.05 = 5 %).
 * @param dividendYield - Continuous dividend yield (0.013 = 1.3 %).
 * @returns `{ ok: true, iv }` with the annualised volatility (0.2 = 20 %), or `{ ok: false, reason }`.
 * @example
 * ```ts
 * const result = impliedVolatility('call', 2.5, 500, 502, 1 / 365, 0.05, 0.013)
 * if (result.ok) console.log(result.iv)
 * ```
 */
export function impliedVolatility(
  right: OptionRight,
  price: number,
  spot: number,
  strike: number,
  timeYears: number,
  rate: number,
  dividendYield: number,
): IvResult {
  const theta = right === 'call' ? 1 : right === 'put' ? -1 : 0
  const value = impliedVolatilityKernel(theta, price, spot, strike, timeYears, rate, dividendYield)
  if (value >= 0) return { ok: true, iv: value }
  if (value === IV_BELOW_INTRINSIC) return BELOW_INTRINSIC
  if (value === IV_ABOVE_MAXIMUM) return ABOVE_MAXIMUM
  if (value === IV_EXPIRED) return EXPIRED
  return INVALID_INPUT
}
