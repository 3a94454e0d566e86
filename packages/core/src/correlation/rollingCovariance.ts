import { ConfigError } from '../errors/configError.js'
import { available, type StatisticValue, UnavailableReason, unavailable } from './correlationValue.js'

/** Options of {@link RollingCovariance}. */
export interface RollingCovarianceOptions {
  /**
   * Recompute the moments exactly (two passes over the window) after this many pushes, which bounds the
   * floating-point drift of the incremental updates at an amortised O(1) cost. `0` never recomputes.
   * @default windowLength
   */
  recomputeEveryUpdates?: number
}

/**
 * Means, variances and covariance of the last `windowLength` (x, y) pairs, updated in O(1) per push.
 *
 * The moments are kept in centred (Welford) form, with an exact inverse update when the oldest pair leaves the
 * window, so large offsets (timestamps, index levels) do not cancel catastrophically; a periodic exact
 * recomputation bounds what drift remains. A series that is constant over the whole window is detected exactly
 * (its variance is exactly 0), so a flat price never produces a spurious correlation.
 *
 * @example
 * ```ts
 * const stats = new RollingCovariance(60)
 * stats.push(0.001, 0.0012)
 * stats.correlation() // { value: null, reason: 'insufficient_data' } until two pairs are in
 * ```
 */
export class RollingCovariance {
  /** Capacity of the window, in pairs. */
  readonly windowLength: number
  private readonly xs: Float64Array
  private readonly ys: Float64Array
  private readonly recomputeEvery: number
  private head = 0
  private size = 0
  private sinceRecompute = 0
  private mx = 0
  private my = 0
  private m2x = 0
  private m2y = 0
  private cxy = 0
  private runX = 0
  private runY = 0

  /**
   * @param windowLength - Number of pairs kept, an integer ≥ 1.
   * @param options - Drift control, see {@link RollingCovarianceOptions}.
   * @throws {ConfigError} When `windowLength` or `recomputeEveryUpdates` is not a valid count.
   */
  constructor(windowLength: number, options: RollingCovarianceOptions = {}) {
    const recomputeEvery = options.recomputeEveryUpdates ?? windowLength
    if (!Number.isInteger(windowLength) || windowLength < 1) {
      throw new ConfigError('rolling covariance', [{ path: 'windowLength', reason: 'must be an integer ≥ 1' }])
    }
    if (!Number.isInteger(recomputeEvery) || recomputeEvery < 0) {
      throw new ConfigError('rolling covariance', [{ path: 'recomputeEveryUpdates', reason: 'must be an integer ≥ 0' }])
    }
    this.windowLength = windowLength
    this.recomputeEvery = recomputeEvery
    this.xs = new Float64Array(windowLength)
    this.ys = new Float64Array(windowLength)
  }

  /** Number of pairs currently in the window. */
  get count(): number {
    return this.size
  }

  /** Whether the window holds `windowLength` pairs. */
  get full(): boolean {
    return this.size === this.windowLength
  }

  /** Mean of x over the window (0 when empty). */
  get meanX(): number {
    return this.mx
  }

  /** Mean of y over the window (0 when empty). */
  get meanY(): number {
    return this.my
  }

  /** Σ(x − x̄)² over the window. */
  get sumSquaredDeviationsX(): number {
    return this.m2x
  }

  /** Σ(y − ȳ)² over the window. */
  get sumSquaredDeviationsY(): number {
    return this.m2y
  }

  /** Σ(x − x̄)(y − ȳ) over the window. */
  get sumCrossDeviations(): number {
    return this.cxy
  }

  /**
   * Adds a pair, evicting the oldest when the window is full.
   *
   * @param x - First value, finite.
   * @param y - Second value, finite.
   * @returns `false` (and nothing changes) when either value is not finite.
   */
  push(x: number, y: number): boolean {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false
    if (this.size === this.windowLength) this.evictOldest()
    const lastIndex = (this.head + this.windowLength - 1) % this.windowLength
    const repeatsX = this.size > 0 && this.xs[lastIndex] === x
    const repeatsY = this.size > 0 && this.ys[lastIndex] === y
    this.xs[this.head] = x
    this.ys[this.head] = y
    this.head = (this.head + 1) % this.windowLength
    this.size += 1
    const dx = x - this.mx
    const dy = y - this.my
    this.mx += dx / this.size
    this.my += dy / this.size
    this.m2x += dx * (x - this.mx)
    this.m2y += dy * (y - this.my)
    this.cxy += dx * (y - this.my)
    this.runX = repeatsX ? this.runX + 1 : 1
    this.runY = repeatsY ? this.runY + 1 : 1
    this.sinceRecompute += 1
    if (this.recomputeEvery > 0 && this.sinceRecompute >= this.recomputeEvery) this.recompute()
    else this.snapConstants()
    return true
  }

  /** Recomputes every moment exactly from the window (two passes). Called automatically, see the options. */
  recompute(): void {
    this.sinceRecompute = 0
    if (this.size === 0) {
      this.mx = this.my = this.m2x = this.m2y = this.cxy = 0
      return
    }
    let sx = 0
    let sy = 0
    for (let k = 0; k < this.size; k++) {
      const i = this.indexOf(k)
      sx += this.xs[i] ?? 0
      sy += this.ys[i] ?? 0
    }
    const mx = sx / this.size
    const my = sy / this.size
    let m2x = 0
    let m2y = 0
    let cxy = 0
    for (let k = 0; k < this.size; k++) {
      const i = this.indexOf(k)
      const dx = (this.xs[i] ?? 0) - mx
      const dy = (this.ys[i] ?? 0) - my
      m2x += dx * dx
      m2y += dy * dy
      cxy += dx * dy
    }
    this.mx = mx
    this.my = my
    this.m2x = m2x
    this.m2y = m2y
    this.cxy = cxy
    this.snapConstants()
  }

  /**
   * Pearson correlation of x and y over the window.
   *
   * @param minObservations - Pairs required before a value is reported; at least 2.
   * @returns The correlation in [−1, 1], or the reason it is undefined (too few pairs, a flat series).
   */
  correlation(minObservations = 2): StatisticValue {
    if (this.size < Math.max(2, minObservations)) return unavailable(UnavailableReason.InsufficientData)
    if (!(this.m2x > 0) || !(this.m2y > 0)) return unavailable(UnavailableReason.ZeroVariance)
    const r = this.cxy / Math.sqrt(this.m2x * this.m2y)
    return available(Math.min(1, Math.max(-1, r)))
  }

  /**
   * Least-squares slope of y on x over the window (units of y per unit of x).
   *
   * @param minObservations - Pairs required before a value is reported; at least 2.
   * @returns The slope, or the reason it is undefined (too few pairs, all x equal).
   */
  slope(minObservations = 2): StatisticValue {
    if (this.size < Math.max(2, minObservations)) return unavailable(UnavailableReason.InsufficientData)
    if (!(this.m2x > 0)) return unavailable(UnavailableReason.ZeroVariance)
    return available(this.cxy / this.m2x)
  }

  /** Empties the window. */
  clear(): void {
    this.head = this.size = this.sinceRecompute = this.runX = this.runY = 0
    this.mx = this.my = this.m2x = this.m2y = this.cxy = 0
  }

  /** Ring index of the k-th oldest pair. */
  private indexOf(k: number): number {
    return (this.head - this.size + k + 2 * this.windowLength) % this.windowLength
  }

  /** Inverse Welford step: removes the oldest pair from the centred moments. */
  private evictOldest(): void {
    const i = this.indexOf(0)
    const x = this.xs[i] ?? 0
    const y = this.ys[i] ?? 0
    this.size -= 1
    if (this.size === 0) {
      this.mx = this.my = this.m2x = this.m2y = this.cxy = 0
      return
    }
    const mxAfter = this.mx - (x - this.mx) / this.size
    const myAfter = this.my - (y - this.my) / this.size
    this.m2x = Math.max(0, this.m2x - (x - mxAfter) * (x - this.mx))
    this.m2y = Math.max(0, this.m2y - (y - myAfter) * (y - this.my))
    this.cxy -= (x - mxAfter) * (y - this.my)
    this.mx = mxAfter
    this.my = myAfter
  }

  /** A series equal to one value over the whole window has exactly zero spread; say so instead of ~1e-20. */
  private snapConstants(): void {
    if (this.size === 0) return
    const last = (this.head + this.windowLength - 1) % this.windowLength
    if (this.runX >= this.size) {
      this.mx = this.xs[last] ?? 0
      this.m2x = 0
      this.cxy = 0
    }
    if (this.runY >= this.size) {
      this.my = this.ys[last] ?? 0
      this.m2y = 0
      this.cxy = 0
    }
  }
}
