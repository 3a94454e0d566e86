/** What a {@link BreakdownDetector} update changed. */
export type BreakdownTransition = 'started' | 'ended' | null

/**
 * Hysteresis on a correlation: a breakdown starts when the correlation falls below `threshold` and ends only
 * once it is back at `threshold + recoveryMargin` or above, so a correlation hovering at the threshold does not
 * flap.
 *
 * @example
 * ```ts
 * const detector = new BreakdownDetector(0.3, 0.1)
 * detector.update(0.25) // 'started'
 * detector.update(0.35) // null, still below 0.4
 * detector.update(0.41) // 'ended'
 * ```
 */
export class BreakdownDetector {
  private active = false

  /**
   * @param threshold - Correlation below which a breakdown starts.
   * @param recoveryMargin - How far above `threshold` the correlation must come back to end it.
   */
  constructor(
    private readonly threshold: number,
    private readonly recoveryMargin: number,
  ) {}

  /** Whether a breakdown is in progress. */
  get inBreakdown(): boolean {
    return this.active
  }

  /**
   * Feeds the latest correlation.
   *
   * @param correlation - The correlation, or `null` when unavailable (the state is then kept).
   * @returns `'started'`, `'ended'`, or `null` when nothing changed.
   */
  update(correlation: number | null): BreakdownTransition {
    if (correlation === null) return null
    if (!this.active && correlation < this.threshold) {
      this.active = true
      return 'started'
    }
    if (this.active && correlation >= this.threshold + this.recoveryMargin) {
      this.active = false
      return 'ended'
    }
    return null
  }
}
