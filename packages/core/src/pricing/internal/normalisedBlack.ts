/**
 * The normalised Black function for an out-of-the-money call, the kernel of pricing and implied volatility.
 *
 * With forward F, strike K, total volatility s = σ·√T and log-moneyness x = ln(F/K) ≤ 0, the undiscounted call
 * price divided by √(F·K) is
 *
 *   b(x, s) = e^{x/2}·Φ(h + t) − e^{−x/2}·Φ(h − t),   h = x/s ≤ 0,  t = s/2,
 *
 * and its derivative in s (the normalised vega) is b'(x, s) = e^{−(h²+t²)/2}/√(2π). Writing Y(z) = Φ(z)/φ(z),
 * b = b'·[Y(h+t) − Y(h−t)]. The bracket (the "scaled" price b/b') is evaluated without cancellation in four
 * regions:
 *
 * - A, h + t ≤ −10: both arguments lie in the far left tail. Y(z) has the asymptotic series
 *   Σ (−1)^k (2k−1)!!/|z|^{2k+1}, and the difference of the two series is summed term by term as
 *   p^n − w^n = (p − w)·Σ p^j w^{n−1−j} with p = 1/|h+t|, w = 1/|h−t|, a sum of positive terms.
 * - B, t ≤ 0.25: Taylor series in t around h, Y(h+t) − Y(h−t) = 2 Σ_{k odd} t^k/k!·M_k(h), where
 *   M_k(h) = ∫₀^∞ u^k e^{hu−u²/2} du are positive and obey M_{k+1} = k·M_{k−1} + h·M_k, M_0 = Y(h).
 * - C−, h + t ≤ 0 otherwise: the plain difference Y(h+t) − Y(h−t) (bounded cancellation there).
 * - C+, h + t > 0 and t > 0.25: the price itself, e^{x/2}Φ(h+t) − b'·Y(h−t), which is more than a third of
 *   e^{x/2}Φ(h+t).
 *
 * Regions A and B carry the cases that matter for 0DTE options, where s is tiny and |h| large.
 */
import { erfcxNonNegative } from './erfc.js'

const ONE_OVER_SQRT_TWO = Math.SQRT1_2
const SQRT_PI_OVER_TWO = 1.2533141373155003
const SQRT_TWO_PI = 2.5066282746310007
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327
/** ln √(2π). */
const LN_SQRT_TWO_PI = 0.9189385332046728
/** Region A starts where h + t is at most −ASYMPTOTIC_LIMIT. */
const ASYMPTOTIC_LIMIT = 16
/** Region B covers t = s/2 up to this value. */
const TAYLOR_LIMIT = 0.25
/** Relative size below which a series term no longer changes the sum. */
const SERIES_TOLERANCE = 1e-17

/**
 * Y(z) = Φ(z)/φ(z) for z ≤ 0, i.e. √(π/2)·erfcx(−z/√2).
 *
 * @param z - Argument, at most 0.
 * @returns Y(z), between 0 and √(π/2).
 */
export function millsY(z: number): number {
  return SQRT_PI_OVER_TWO * erfcxNonNegative(-z * ONE_OVER_SQRT_TWO)
}

/** Y(z) = Φ(z)/φ(z) for any z; Infinity where it overflows (z > 37.6). */
function millsYAnySign(z: number): number {
  if (z <= 0) return millsY(z)
  if (z > 37.6) return Number.POSITIVE_INFINITY
  return SQRT_TWO_PI * Math.exp(0.5 * z * z) - millsY(-z)
}

/**
 * Side results of the last {@link scaledNormalisedBlack} call, for the greeks, which need Y(h+t) and Y(h−t)
 * themselves: [0] the region (see `Region`); [1] in region A, Y(h+t) from the same asymptotic series; in region B,
 * the even part Σ_{k even} t^k/k!·M_k(h) of the Taylor series, so that Y(h±t) = even ± (b/b')/2.
 */
export const scaledBlackScratch = new Float64Array(2)

/** Evaluation regions of the normalised Black function, as stored in {@link scaledBlackScratch}[0]. */
export const Region = { Asymptotic: 0, Taylor: 1, Difference: 2, Direct: 3 } as const

/** Region A: Y(u) − Y(v) for u = h + t ≤ −10, v = h − t, from the asymptotic series. */
function scaledAsymptotic(u: number, v: number, t: number): number {
  const p = -1 / u
  const w = -1 / v
  const d1 = 2 * t * p * w
  const p2 = p * p
  const w2 = w * w
  const pw = d1 * (p + w)
  let dn = d1
  let wn = w
  let pn = p
  let oddFactorial = 1
  let sum = d1
  let millsU = p
  for (let k = 1; k < 60; k++) {
    dn = p2 * dn + wn * pw
    wn *= w2
    pn *= p2
    oddFactorial *= 2 * k - 1
    const term = oddFactorial * dn
    const termU = oddFactorial * pn
    if ((k & 1) === 1) {
      sum -= term
      millsU -= termU
    } else {
      sum += term
      millsU += termU
    }
    if (term <= SERIES_TOLERANCE * sum) break
  }
  scaledBlackScratch[1] = millsU
  return sum
}

/** Region B: Y(h+t) − Y(h−t) from the Taylor series in t with the moments M_k(h). */
function scaledTaylor(h: number, t: number): number {
  const m0 = millsY(h)
  const m1 = 1 + h * m0
  let odd = m1 * t
  let even = m0
  let coefficient = t
  const t2 = t * t
  let mPrev = m0
  let mCur = m1
  for (let k = 1; k < 60; k += 2) {
    const mNext = k * mPrev + h * mCur
    const mNext2 = (k + 1) * mCur + h * mNext
    even += mNext * coefficient * (t / (k + 1))
    coefficient *= t2 / ((k + 1) * (k + 2))
    const term = mNext2 * coefficient
    odd += term
    if (!(term > SERIES_TOLERANCE * odd)) break
    mPrev = mNext
    mCur = mNext2
  }
  scaledBlackScratch[1] = even
  return 2 * odd
}

/**
 * The scaled price b/b' for x ≤ 0 when h + t ≤ 0 or t ≤ 0.25 (regions A, B and C−).
 *
 * @param h - x/s, at most 0.
 * @param t - s/2, positive.
 * @returns Y(h+t) − Y(h−t).
 */
function scaledInner(h: number, t: number): number {
  const u = h + t
  if (u <= -ASYMPTOTIC_LIMIT) {
    scaledBlackScratch[0] = Region.Asymptotic
    return scaledAsymptotic(u, h - t, t)
  }
  if (t <= TAYLOR_LIMIT) {
    scaledBlackScratch[0] = Region.Taylor
    return scaledTaylor(h, t)
  }
  scaledBlackScratch[0] = Region.Difference
  return millsY(u) - millsY(h - t)
}

/** Whether (h, t) lies in region C+, where the price is evaluated directly. */
function isDirectRegion(h: number, t: number): boolean {
  return h + t > 0 && t > TAYLOR_LIMIT
}

/** Region C+: b = e^{x/2}·Φ(h+t) − b'·Y(h−t). */
function directPrice(x: number, h: number, t: number, vega: number): number {
  const u = h + t
  const phiU = 1 - 0.5 * erfcxNonNegative(u * ONE_OVER_SQRT_TWO) * Math.exp(-0.5 * u * u)
  return Math.exp(0.5 * x) * phiU - vega * millsY(h - t)
}

/**
 * Normalised vega b'(x, s) = e^{−(h²+t²)/2}/√(2π).
 *
 * @param x - Log-moneyness.
 * @param s - Total volatility, positive.
 * @returns ∂b/∂s.
 */
export function normalisedVega(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t))
}

/**
 * Normalised out-of-the-money call price b(x, s) for x ≤ 0, s > 0, with full relative precision.
 *
 * @param x - Log-moneyness ln(F/K), at most 0.
 * @param s - Total volatility σ·√T, positive.
 * @returns b(x, s) in [0, e^{x/2}).
 */
export function normalisedBlack(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  const vega = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t))
  if (isDirectRegion(h, t)) return directPrice(x, h, t, vega)
  return vega * scaledInner(h, t)
}

/**
 * ln b(x, s) for x ≤ 0, s > 0, evaluated without forming b where b would underflow.
 *
 * @param x - Log-moneyness, at most 0.
 * @param s - Total volatility, positive.
 * @returns ln b(x, s).
 */
export function lnNormalisedBlack(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  if (isDirectRegion(h, t)) {
    const vega = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t))
    return Math.log(directPrice(x, h, t, vega))
  }
  return Math.log(scaledInner(h, t)) - 0.5 * (h * h + t * t) - LN_SQRT_TWO_PI
}

/**
 * The scaled price b/b' for x ≤ 0 and s small enough that h + t ≤ 0 (s ≤ √(2|x|)) or t ≤ 0.25.
 *
 * @param x - Log-moneyness, at most 0.
 * @param s - Total volatility, positive.
 * @returns b(x, s)/b'(x, s).
 */
export function scaledNormalisedBlack(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  if (isDirectRegion(h, t)) {
    scaledBlackScratch[0] = Region.Direct
    return millsYAnySign(h + t) - millsY(h - t)
  }
  return scaledInner(h, t)
}

/**
 * The scaled complement (e^{x/2} − b)/b' = Y(−h−t) + Y(h−t), a sum of positive terms, for the upper branch.
 *
 * @param x - Log-moneyness, at most 0.
 * @param s - Total volatility, positive.
 * @returns (b_max − b)/b'.
 */
export function scaledNormalisedBlackComplement(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  return millsYAnySign(-(h + t)) + millsY(h - t)
}
