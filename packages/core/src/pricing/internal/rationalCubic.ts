/**
 * Rational cubic Hermite interpolation (R. Delbourgo and J. A. Gregory, "Shape preserving piecewise rational
 * interpolation", SIAM J. Sci. Stat. Comput. 6 (1985)). On [xl, xr] with values yl, yr, slopes dl, dr and the
 * control parameter r, with h = xr − xl and s = (x − xl)/h:
 *
 *   R(x) = [yr·s³ + (r·yr − h·dr)·s²(1−s) + (r·yl + h·dl)·s(1−s)² + yl·(1−s)³] / [1 + (r − 3)·s(1−s)].
 *
 * r = 3 gives the ordinary cubic; r → ∞ tends to the straight line. Its second derivatives at the ends are
 *
 *   R''(xl) = 2·[r·(Δ − dl) + dl − dr]/h,   R''(xr) = 2·[r·(dr − Δ) + dl − dr]/h,   Δ = (yr − yl)/h,
 *
 * which lets r be chosen to match a known curvature at one end.
 */

/** Control parameters at or above this value mean linear interpolation. */
const LINEAR_LIMIT = 1e12

/**
 * Evaluates the rational cubic interpolant.
 *
 * @param x - Where to evaluate, in [xl, xr].
 * @param xl - Left node.
 * @param xr - Right node.
 * @param yl - Value at xl.
 * @param yr - Value at xr.
 * @param dl - Slope at xl.
 * @param dr - Slope at xr.
 * @param r - Control parameter, at least 0.
 * @returns R(x).
 */
export function rationalCubicInterpolation(
  x: number,
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  r: number,
): number {
  const h = xr - xl
  if (!(Math.abs(h) > 0)) return 0.5 * (yl + yr)
  const s = (x - xl) / h
  const c = 1 - s
  if (!(r < LINEAR_LIMIT)) return yr * s + yl * c
  const s2 = s * s
  const c2 = c * c
  return (yr * s2 * s + (r * yr - h * dr) * s2 * c + (r * yl + h * dl) * s * c2 + yl * c2 * c) / (1 + (r - 3) * s * c)
}

/** Smallest r that keeps the interpolant monotone and, for convex or concave data, of the same curvature sign at both ends. */
function minimumControlParameter(dl: number, dr: number, delta: number): number {
  let r = 0
  const monotone = (dl >= 0 && dr >= 0 && delta > 0) || (dl <= 0 && dr <= 0 && delta < 0)
  if (monotone) r = (dl + dr) / delta
  const convex = dl < delta && delta < dr
  const concave = dl > delta && delta > dr
  if (convex || concave) {
    const left = (dr - dl) / (delta - dl)
    const right = (dr - dl) / (dr - delta)
    if (left > r) r = left
    if (right > r) r = right
  }
  return Math.max(r, 0)
}

function finalise(r: number, minimum: number): number {
  if (Number.isNaN(r) || r >= LINEAR_LIMIT) return LINEAR_LIMIT
  return Math.max(r, minimum)
}

/**
 * Control parameter that makes R''(xl) equal `secondLeft`, raised to the shape-preserving minimum when needed.
 *
 * @returns The control parameter r.
 */
export function controlParameterForLeftCurvature(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondLeft: number,
): number {
  const h = xr - xl
  const delta = (yr - yl) / h
  const denominator = delta - dl
  const r = Math.abs(denominator) > 0 ? (0.5 * h * secondLeft + (dr - dl)) / denominator : LINEAR_LIMIT
  return finalise(r, minimumControlParameter(dl, dr, delta))
}

/**
 * Control parameter that makes R''(xr) equal `secondRight`, raised to the shape-preserving minimum when needed.
 *
 * @returns The control parameter r.
 */
export function controlParameterForRightCurvature(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondRight: number,
): number {
  const h = xr - xl
  const delta = (yr - yl) / h
  const denominator = dr - delta
  const r = Math.abs(denominator) > 0 ? (0.5 * h * secondRight + (dr - dl)) / denominator : LINEAR_LIMIT
  return finalise(r, minimumControlParameter(dl, dr, delta))
}
