import { available, type StatisticValue, UnavailableReason, unavailable } from './correlationValue.js'
import { RollingCovariance } from './rollingCovariance.js'

/** Result of one {@link DivergenceDetector} update. */
export interface DivergenceReading {
  /** Z-score of the new spread against the previous ones, or why it is unavailable. */
  readonly zScore: StatisticValue
  /** Mean of the previous spreads in the window. */
  readonly mean: number
  /** Sample standard deviation of the previous spreads (0 when unavailable). */
  readonly std: number
  /** Whether this update starts a new divergence episode (an event should be emitted). */
  readonly fired: boolean
}

/** Options of {@link DivergenceDetector}. */
export interface DivergenceDetectorOptions {
  /** Spreads kept in the rolling window. */
  readonly windowObservations: number
  /** |z| at which an episode starts. */
  readonly zThreshold: number
  /** An episode ends (and the detector re-arms) once |z| < `zThreshold − rearmMargin`. */
  readonly rearmMargin: number
  /** Previous spreads required before a z-score is reported; at least 2. */
  readonly minObservations: number
  /** Exact recomputation period of the rolling sums, see `RollingCovariance`. */
  readonly recomputeEveryUpdates?: number
}

/**
 * Z-score of a spread series against its own rolling mean and standard deviation, with one event per episode:
 * it fires when |z| reaches the threshold, and again only after |z| fell below the re-arm level or the sign
 * flipped. The z-score compares the new spread with the spreads *before* it, so an outlier does not dilute
 * its own score.
 *
 * @example
 * ```ts
 * const detector = new DivergenceDetector({ windowObservations: 60, zThreshold: 2, rearmMargin: 0.5, minObservations: 60 })
 * const reading = detector.update(0.0004)
 * ```
 */
export class DivergenceDetector {
  private readonly history: RollingCovariance
  private activeSign = 0

  /** @param options - Window, thresholds and warm-up, see {@link DivergenceDetectorOptions}. */
  constructor(private readonly options: DivergenceDetectorOptions) {
    this.history = new RollingCovariance(
      options.windowObservations,
      options.recomputeEveryUpdates === undefined ? {} : { recomputeEveryUpdates: options.recomputeEveryUpdates },
    )
  }

  /**
   * Scores a new spread, then adds it to the window.
   *
   * @param spread - The latest spread, finite.
   * @returns The z-score, the reference statistics and whether an event fires.
   */
  update(spread: number): DivergenceReading {
    const reading = this.score(spread)
    this.history.push(spread, spread)
    return reading
  }

  private score(spread: number): DivergenceReading {
    const n = this.history.count
    const mean = this.history.meanX
    if (n < Math.max(2, this.options.minObservations)) {
      return { zScore: unavailable(UnavailableReason.InsufficientData), mean, std: 0, fired: false }
    }
    const m2 = this.history.sumSquaredDeviationsX
    if (!(m2 > 0)) return { zScore: unavailable(UnavailableReason.ZeroVariance), mean, std: 0, fired: false }
    const std = Math.sqrt(m2 / (n - 1))
    const z = (spread - mean) / std
    const { zThreshold, rearmMargin } = this.options
    let fired = false
    if (Math.abs(z) >= zThreshold && Math.sign(z) !== this.activeSign) {
      this.activeSign = Math.sign(z)
      fired = true
    } else if (Math.abs(z) < zThreshold - rearmMargin) {
      this.activeSign = 0
    }
    return { zScore: available(z), mean, std, fired }
  }
}
