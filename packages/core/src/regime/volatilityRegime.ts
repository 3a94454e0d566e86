import type { UnavailableReason } from '../correlation/correlationValue.js'
import type { VixFamilyValues, VixTermStructure } from './termStructure.js'
import type { VolatilityBand } from './volatilityBand.js'

/** The volatility regime at one VIX observation. */
export interface VolatilityRegime {
  /** Event time of the VIX observation, epoch milliseconds. */
  readonly timestampMs: number
  /** VIX level. */
  readonly vix: number
  /** Confirmed band (with hysteresis): what strategies and sizing should act on. */
  readonly band: VolatilityBand
  /** Band of the level alone, without hysteresis. */
  readonly rawBand: VolatilityBand
  /** Band a change is being confirmed towards, or `null`. */
  readonly pendingBand: VolatilityBand | null
  /** Position-size multiplier of the confirmed band, in [0, 1]. */
  readonly positionSizeFactor: number
  /** Mid-rank percentile of the VIX in the rolling window (current observation included), 0–100. */
  readonly percentile: number
  /** Observations in the percentile window so far. */
  readonly percentileObservations: number
  /** Least-squares slope of the VIX over the slope window, in vol points per hour; `null` until the window is full. */
  readonly slopePerHour: number | null
  /** Why `slopePerHour` is `null`; `null` when it is a number. */
  readonly slopeReason: UnavailableReason | null
  /** VIX family values used for the term structure (`null` when missing or stale). */
  readonly values: VixFamilyValues
  /** Term structure ratios and their classification. */
  readonly termStructure: VixTermStructure
}

/** A confirmed move of the VIX from one band to another. */
export interface RegimeChange {
  /** Event time of the VIX observation that confirmed the move, epoch milliseconds. */
  readonly timestampMs: number
  /** Band before. */
  readonly from: VolatilityBand
  /** Band after. */
  readonly to: VolatilityBand
  /** `rising` towards higher volatility, `falling` towards lower. */
  readonly direction: 'rising' | 'falling'
  /** VIX level at confirmation. */
  readonly vix: number
  /** Position-size multiplier of `from`. */
  readonly previousPositionSizeFactor: number
  /** Position-size multiplier of `to`. */
  readonly positionSizeFactor: number
}
