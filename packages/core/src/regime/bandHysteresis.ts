/** Options of {@link BandHysteresis}. */
export interface BandHysteresisOptions {
  /** How far past a boundary the level must go before it counts as in the next band. */
  readonly margin: number
  /** Consecutive observations beyond the margin needed to move to a higher band. */
  readonly confirmRiseObservations: number
  /** Consecutive observations beyond the margin needed to move to a lower band. */
  readonly confirmFallObservations: number
}

/** State after one {@link BandHysteresis} update; bands are indices into the ordered bands. */
export interface BandHysteresisState {
  /** Confirmed band. */
  readonly band: number
  /** Band the level points to (with the margin) while a move is being confirmed, otherwise `null`. */
  readonly pending: number | null
  /** Band before this update, when this update confirmed a move; otherwise `null`. */
  readonly changedFrom: number | null
}

/**
 * Banding with hysteresis: a level moves to a higher band only once it is at least `margin` above that band's
 * lower boundary, to a lower band only once it is more than `margin` below that band's upper boundary, and
 * either move must hold for the configured number of consecutive observations. A level oscillating around a
 * boundary therefore never flaps. Observations that keep pointing the same way (up or down) count towards the
 * same move even when they skip bands; the move lands on the band of the confirming observation.
 *
 * @example
 * ```ts
 * const bands = new BandHysteresis([15, 25, 35], { margin: 0.5, confirmRiseObservations: 1, confirmFallObservations: 2 })
 * bands.update(24) // { band: 1, … } the first level sets the band directly
 * bands.update(25.3) // still 1: not 0.5 above 25
 * bands.update(25.6) // { band: 2, changedFrom: 1, … }
 * ```
 */
export class BandHysteresis {
  private current = -1
  private pendingDirection = 0
  private pendingCount = 0

  /**
   * @param boundaries - Ascending band boundaries; band i spans [boundaries[i−1], boundaries[i]).
   * @param options - Margin and confirmation counts.
   */
  constructor(
    private readonly boundaries: readonly number[],
    private readonly options: BandHysteresisOptions,
  ) {}

  /** The confirmed band, or −1 before the first update. */
  get band(): number {
    return this.current
  }

  /**
   * Feeds one observation.
   *
   * @param level - The observed level.
   * @returns The confirmed band, the pending band and whether this update changed the band.
   */
  update(level: number): BandHysteresisState {
    if (this.current < 0) {
      this.current = this.rawBand(level)
      return { band: this.current, pending: null, changedFrom: null }
    }
    const target = this.target(level)
    if (target === this.current) {
      this.pendingDirection = 0
      this.pendingCount = 0
      return { band: this.current, pending: null, changedFrom: null }
    }
    const direction = Math.sign(target - this.current)
    this.pendingCount = direction === this.pendingDirection ? this.pendingCount + 1 : 1
    this.pendingDirection = direction
    const needed = direction > 0 ? this.options.confirmRiseObservations : this.options.confirmFallObservations
    if (this.pendingCount < needed) return { band: this.current, pending: target, changedFrom: null }
    const from = this.current
    this.current = target
    this.pendingDirection = 0
    this.pendingCount = 0
    return { band: target, pending: null, changedFrom: from }
  }

  /** Band of a level without hysteresis. */
  rawBand(level: number): number {
    let band = 0
    while (band < this.boundaries.length && level >= (this.boundaries[band] ?? Number.POSITIVE_INFINITY)) band++
    return band
  }

  /** The band the level points to from the current band, once the margin is applied. */
  private target(level: number): number {
    const { margin } = this.options
    let up = this.current
    while (up < this.boundaries.length && level >= (this.boundaries[up] ?? Number.POSITIVE_INFINITY) + margin) up++
    if (up > this.current) return up
    let down = this.current
    while (down > 0 && level < (this.boundaries[down - 1] ?? Number.NEGATIVE_INFINITY) - margin) down--
    return down
  }
}
