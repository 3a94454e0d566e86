/**
 * Implied total volatility from a normalised out-of-the-money call price, following the structure of Peter
 * Jäckel's "Let's Be Rational" (Wilmott, January 2015; revised 2016 and later):
 *
 * 1. On the curve β = b(x, s) (x ≤ 0) take the inflection point s_c = √(2|x|), where b_c = b_max·(1 − erfcx(√|x|))/2
 *    and b'(s_c) = b_max/√(2π), and the two points s_l, s_u where its tangent meets 0 and b_max = e^{x/2}.
 * 2. That splits the price range into four branches. The two middle ones interpolate s(β) by a rational cubic
 *    with matched slopes (1/vega) and zero curvature at s_c. The lowest interpolates the transformed price
 *    f = (2π|x|/√27)·Φ(−|x|/(√3·s))³, which shares the asymptotics of b as s → 0; the highest interpolates
 *    f = Φ(−s/2), which shares those of b_max − b as s → ∞. Both maps have closed-form inverses.
 * 3. From that guess, third-order Householder steps on an objective suited to the branch: 1/ln b − 1/ln β at the
 *    bottom, ln(b_max − β) − ln(b_max − b) at the top (above b_max/2), b − β in between. Derivatives come in closed
 *    form from b'' / b' = (h² − t²)/s. Two steps reach machine precision in practice; a bracket with bisection
 *    guards against anything else.
 *
 * The normalised price itself is evaluated by `normalisedBlack.ts`, with full relative precision in the tails.
 */

import { inverseNormalCdf } from '../inverseNormalCdf.js'
import { normalCdfUnchecked } from '../normalCdf.js'
import { erfCentral, erfcxNonNegative, expMinusHalfSquare } from './erfc.js'
import {
  normalisedBlack,
  normalisedVega,
  scaledNormalisedBlack,
  scaledNormalisedBlackComplement,
} from './normalisedBlack.js'
import {
  controlParameterForLeftCurvature,
  controlParameterForRightCurvature,
  rationalCubicInterpolation,
} from './rationalCubic.js'

const SQRT_TWO = Math.SQRT2
const ONE_OVER_SQRT_TWO = Math.SQRT1_2
/** Below this |z| Φ(z) is evaluated by the central erf approximation. */
const CENTRAL_LIMIT = 0.6629126073623883
const SQRT_THREE = 1.7320508075688772
const SQRT_TWO_PI = 2.5066282746310007
const SQRT_PI_OVER_TWO = 1.2533141373155003
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327
const LN_SQRT_TWO_PI = 0.9189385332046728
/** 2π/√27, the scale of the lower map. */
const TWO_PI_OVER_SQRT_27 = 1.2091995761561452
/** A Householder step smaller than this (relative) leaves an error far below one ulp after it is applied. */
const STEP_TOLERANCE = 1e-5
const MAX_ITERATIONS = 12

const Objective = { LowerLog: 0, Plain: 1, UpperLog: 2 } as const
type Objective = (typeof Objective)[keyof typeof Objective]

/** 1 − erfcx(y) for y ≥ 0 without cancellation for small y. */
function oneMinusErfcx(y: number): number {
  if (y <= 0.46875) {
    const y2 = y * y
    return Math.exp(y2) * erfCentral(y) - Math.expm1(y2)
  }
  return 1 - erfcxNonNegative(y)
}

function normalPdf(z: number): number {
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * z * z)
}

/** b''/b' at (x, s). */
function curvatureRatio(x: number, s: number): number {
  const h = x / s
  const t = 0.5 * s
  return (h * h - t * t) / s
}

/** Initial guess in the lowest branch (β < b_l), via the lower map f and its inverse. */
function lowestBranchGuess(beta: number, x: number, sl: number, bl: number, vl: number): number {
  const a = -x / SQRT_THREE
  const scale = TWO_PI_OVER_SQRT_27 * -x
  const z = -a / sl
  const gauss = expMinusHalfSquare(z)
  const pdf = ONE_OVER_SQRT_TWO_PI * gauss
  const cdf = z < -CENTRAL_LIMIT ? 0.5 * erfcxNonNegative(-z * ONE_OVER_SQRT_TWO) * gauss : normalCdfUnchecked(z)
  const dz = a / (sl * sl)
  const fl = scale * cdf * cdf * cdf
  const dfds = 3 * scale * cdf * cdf * pdf * dz
  const d2fds2 = 3 * scale * cdf * pdf * (dz * dz * (2 * pdf - cdf * z) - (2 * cdf * dz) / sl)
  const dfdb = dfds / vl
  const d2fdb2 = (d2fds2 - dfds * curvatureRatio(x, sl)) / (vl * vl)
  const r = controlParameterForRightCurvature(0, bl, 0, fl, 1, dfdb, d2fdb2)
  let f = rationalCubicInterpolation(beta, 0, bl, 0, fl, 1, dfdb, r)
  if (!(f > 0)) {
    const w = beta / bl
    f = (fl * w + bl * (1 - w)) * w
  }
  const p = Math.cbrt(f / scale)
  if (!(p > 0 && p < 0.5)) return 0.5 * sl
  const s = -a / inverseNormalCdf(p)
  return s > 0 && s < sl ? s : 0.5 * sl
}

/** Initial guess in the highest branch (β > b_u), via the upper map f = Φ(−s/2) and its inverse. */
function highestBranchGuess(beta: number, x: number, bMax: number, su: number, bu: number): number {
  const fu = normalCdfUnchecked(-0.5 * su)
  const pdf = normalPdf(0.5 * su)
  const dfds = -0.5 * pdf
  const d2fds2 = 0.125 * su * pdf
  const vu = normalisedVega(x, su)
  const dfdb = dfds / vu
  const d2fdb2 = (d2fds2 - dfds * curvatureRatio(x, su)) / (vu * vu)
  let f = 0
  if (Number.isFinite(d2fdb2)) {
    const r = controlParameterForLeftCurvature(bu, bMax, fu, 0, dfdb, -0.5, d2fdb2)
    f = rationalCubicInterpolation(beta, bu, bMax, fu, 0, dfdb, -0.5, r)
  }
  if (!(f > 0)) {
    const w = (beta - bu) / (bMax - bu)
    f = (fu * (1 - w) + 0.5 * (bMax - bu) * w) * (1 - w)
  }
  if (!(f > 0 && f < 0.5)) return 2 * su
  const s = -2 * inverseNormalCdf(f)
  return s > su ? s : 2 * su
}

/**
 * Householder steps from `start` inside the bracket [left, right] on the chosen objective. Returns the root.
 */
function refine(
  beta: number,
  x: number,
  bMax: number,
  start: number,
  bracketLeft: number,
  bracketRight: number,
  objective: Objective,
): number {
  let s = start
  let left = bracketLeft
  let right = bracketRight
  const lnBeta = objective === Objective.LowerLog ? Math.log(beta) : 0
  const lnBetaBar = objective === Objective.UpperLog ? Math.log(bMax - beta) : 0
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const h = x / s
    const t = 0.5 * s
    const p2 = (h * h - t * t) / s
    const p3 = p2 * p2 - (3 * h * h) / (s * s) - 0.25
    let nu: number
    let h2: number
    let h3: number
    let tooHigh: boolean
    if (objective === Objective.LowerLog) {
      const bx = scaledNormalisedBlack(x, s)
      const lnB = Math.log(bx) - 0.5 * (h * h + t * t) - LN_SQRT_TWO_PI
      const q1 = 1 / bx
      const lambda = 1 / lnB
      const otl = 1 + 2 * lambda
      nu = ((lnBeta - lnB) * lnB * bx) / lnBeta
      h2 = p2 - q1 * otl
      h3 = p3 + q1 * q1 * (2 + 6 * lambda * (1 + lambda)) - 3 * p2 * q1 * otl
      tooHigh = lnB > lnBeta
    } else if (objective === Objective.UpperLog) {
      const barX = scaledNormalisedBlackComplement(x, s)
      const lnBar = Math.log(barX) - 0.5 * (h * h + t * t) - LN_SQRT_TWO_PI
      const r1 = 1 / barX
      nu = (lnBar - lnBetaBar) * barX
      h2 = p2 + r1
      h3 = p3 + r1 * (3 * p2 + 2 * r1)
      tooHigh = lnBar < lnBetaBar
    } else {
      const b = normalisedBlack(x, s)
      const vega = normalisedVega(x, s)
      nu = (beta - b) / vega
      h2 = p2
      h3 = p3
      tooHigh = b > beta
    }
    if (tooHigh) {
      if (s < right) right = s
    } else if (s > left) left = s
    const step = (nu * (1 + 0.5 * h2 * nu)) / (1 + nu * (h2 + (h3 * nu) / 6))
    if (Math.abs(step) <= STEP_TOLERANCE * s) return s + step
    let next = s + step
    if (!(next > left && next < right)) {
      next = right < Number.POSITIVE_INFINITY ? 0.5 * (left + right) : 2 * left
      if (!(right - left > 1e-15 * next)) return next
    }
    s = next
  }
  return s
}

/**
 * Normalised implied volatility s = σ·√T for the normalised out-of-the-money call price β at log-moneyness x ≤ 0.
 * The caller guarantees 0 < β < e^{x/2}.
 *
 * @param beta - Normalised price, in (0, e^{x/2}).
 * @param x - Log-moneyness ln(F/K), at most 0.
 * @param bMax - e^{x/2}, the supremum of b.
 * @returns s with b(x, s) = β.
 */
export function normalisedImpliedVolatility(beta: number, x: number, bMax: number): number {
  const sqrtAx = Math.sqrt(-x)
  const sc = SQRT_TWO * sqrtAx
  const ome = oneMinusErfcx(sqrtAx)
  const bc = 0.5 * bMax * ome
  if (beta < bc) {
    const sl = sc - SQRT_PI_OVER_TWO * ome
    const vl = normalisedVega(x, sl)
    const bl = vl * scaledNormalisedBlack(x, sl)
    if (beta < bl) {
      const guess = lowestBranchGuess(beta, x, sl, bl, vl)
      return refine(beta, x, bMax, guess, 0, sl, Objective.LowerLog)
    }
    const invVl = 1 / vl
    const invVc = SQRT_TWO_PI / bMax
    const r = controlParameterForRightCurvature(bl, bc, sl, sc, invVl, invVc, 0)
    const guess = rationalCubicInterpolation(beta, bl, bc, sl, sc, invVl, invVc, r)
    return refine(beta, x, bMax, guess, sl, sc, Objective.Plain)
  }
  const su = sc + SQRT_PI_OVER_TWO * (2 - ome)
  const bu = normalisedBlack(x, su)
  if (beta <= bu) {
    const invVu = 1 / normalisedVega(x, su)
    const invVc = SQRT_TWO_PI / bMax
    const r = controlParameterForLeftCurvature(bc, bu, sc, su, invVc, invVu, 0)
    const guess = rationalCubicInterpolation(beta, bc, bu, sc, su, invVc, invVu, r)
    return refine(beta, x, bMax, guess, sc, su, Objective.Plain)
  }
  const guess = highestBranchGuess(beta, x, bMax, su, bu)
  const objective = beta > 0.5 * bMax ? Objective.UpperLog : Objective.Plain
  return refine(beta, x, bMax, guess, su, Number.POSITIVE_INFINITY, objective)
}
