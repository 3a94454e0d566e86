import { erfCentral, erfcxNonNegative, expMinusHalfSquare } from './internal/erfc.js'
import { PricingInputError } from './pricingInputError.js'

const ONE_OVER_SQRT_TWO = Math.SQRT1_2
/** Below this |x| the central erf approximation applies to x/√2 (0.46875·√2). */
const CENTRAL_LIMIT = 0.6629126073623883

/**
 * Standard normal cumulative distribution function Φ(x), accurate to a few ulps in relative terms everywhere,
 * including deep in the left tail (Φ(-37) ≈ 5.7e-300 keeps about 15 significant digits). Built on Cody's scaled
 * complementary error function with the Gaussian factor e^{-x²/2} formed from an exact square. Returns 0 below
 * x ≈ -38.5 (underflow) and 1 above x ≈ 8.3 (rounding).
 *
 * @param x - Point at which to evaluate; ±Infinity give 0 and 1.
 * @returns Φ(x) = P(Z ≤ x) for a standard normal Z.
 * @throws {PricingInputError} When `x` is NaN.
 * @example
 * ```ts
 * normalCdf(0) // 0.5
 * normalCdf(-10) // 7.619853024160527e-24
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new PricingInputError('x', x, 'a number')
  return normalCdfUnchecked(x)
}

/** {@link normalCdf} without the NaN check, for internal hot paths whose arguments are known to be numbers. */
export function normalCdfUnchecked(x: number): number {
  if (x < -CENTRAL_LIMIT) {
    if (x < -38.5) return 0
    return 0.5 * erfcxNonNegative(-x * ONE_OVER_SQRT_TWO) * expMinusHalfSquare(x)
  }
  if (x <= CENTRAL_LIMIT) return 0.5 + 0.5 * erfCentral(x * ONE_OVER_SQRT_TWO)
  if (x > 38.5) return 1
  return 1 - 0.5 * erfcxNonNegative(x * ONE_OVER_SQRT_TWO) * expMinusHalfSquare(x)
}
