/**
 * The shared implied-volatility kernel behind {@link impliedVolatility} and {@link impliedVolatilityBatch}: one
 * monomorphic function on plain numbers that returns either the volatility (≥ 0) or a negative status code, so the
 * batch loop allocates nothing.
 */
import { normalisedImpliedVolatility } from './letsBeRational.js'
import { logMoneyness } from './moneyness.js'

/** Returned for a price below the discounted intrinsic value. */
export const IV_BELOW_INTRINSIC = -1
/** Returned for a price at or above the discounted forward (call) or discounted strike (put). */
export const IV_ABOVE_MAXIMUM = -2
/** Returned when the time to expiry is not positive. */
export const IV_EXPIRED = -3
/** Returned for NaN, infinite or out-of-range inputs, or inputs whose normalised form is not representable. */
export const IV_INVALID_INPUT = -4

/** Largest |ln(F/K)| and |r·T| accepted: beyond e^{±700} the normalised price leaves double range. */
const MAX_EXPONENT = 700
/**
 * Rounding noise, relative to the price, of a time value obtained as price minus intrinsic value. A time
 * value within this band of zero is indistinguishable from none: the price is the intrinsic value and the
 * volatility it implies is 0, neither an arbitrage violation nor a meaningful positive number.
 */
const INTRINSIC_TOLERANCE = 8 * Number.EPSILON

/**
 * Implied Black–Scholes–Merton volatility of a European option.
 *
 * @param theta - +1 for a call, −1 for a put.
 * @param price - Option premium.
 * @param spot - Spot price of the underlying.
 * @param strike - Strike.
 * @param timeYears - Time to expiry in years.
 * @param rate - Continuously compounded risk-free rate.
 * @param dividendYield - Continuous dividend yield.
 * @returns The annualised volatility (≥ 0), or one of the negative IV_* codes.
 */
export function impliedVolatilityKernel(
  theta: number,
  price: number,
  spot: number,
  strike: number,
  timeYears: number,
  rate: number,
  dividendYield: number,
): number {
  if (
    !(theta === 1 || theta === -1) ||
    !(price >= 0 && price < Number.POSITIVE_INFINITY) ||
    !(spot > 0 && spot < Number.POSITIVE_INFINITY) ||
    !(strike > 0 && strike < Number.POSITIVE_INFINITY) ||
    !(timeYears > Number.NEGATIVE_INFINITY && timeYears < Number.POSITIVE_INFINITY) ||
    !(rate > Number.NEGATIVE_INFINITY && rate < Number.POSITIVE_INFINITY) ||
    !(dividendYield > Number.NEGATIVE_INFINITY && dividendYield < Number.POSITIVE_INFINITY)
  ) {
    return IV_INVALID_INPUT
  }
  if (timeYears <= 0) return IV_EXPIRED
  const rateT = rate * timeYears
  const x = logMoneyness(spot, strike, rateT - dividendYield * timeYears)
  if (!(Math.abs(x) <= MAX_EXPONENT && Math.abs(rateT) <= MAX_EXPONENT)) return IV_INVALID_INPUT
  // In the money, the out-of-the-money counterpart (put–call parity) carries the information: subtract the
  // discounted intrinsic value S·e^{−qT} − K·e^{−rT}, formed as (S − K) + S·(e^{−qT} − 1) − K·(e^{−rT} − 1) so that
  // its rounding error stays at the level of the price's own last digit.
  const otmPrice =
    theta * x > 0
      ? price - theta * (spot - strike + spot * Math.expm1(-dividendYield * timeYears) - strike * Math.expm1(-rateT))
      : price
  if (!(otmPrice > INTRINSIC_TOLERANCE * price)) {
    if (otmPrice >= -INTRINSIC_TOLERANCE * price) return 0
    return IV_BELOW_INTRINSIC
  }
  // Normalise by √(F·K)·e^{−rT} = K·e^{x/2 − rT}; the counterpart is an out-of-the-money call at −|x|, worth less
  // than e^{−|x|/2}. That bound is the same as a call below S·e^{−qT} and a put below K·e^{−rT}.
  const otmX = -Math.abs(x)
  const beta = otmPrice / (strike * Math.exp(0.5 * x - rateT))
  const bMax = Math.exp(0.5 * otmX)
  if (beta >= bMax) return IV_ABOVE_MAXIMUM
  const s = normalisedImpliedVolatility(beta, otmX, bMax)
  const vol = s / Math.sqrt(timeYears)
  return vol >= 0 && vol < Number.POSITIVE_INFINITY ? vol : IV_INVALID_INPUT
}
