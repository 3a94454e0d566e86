/** Level bands of the VIX, from calm to crisis. */
export const VolatilityBand = {
  /** Below the low threshold (15 by default). */
  Low: 'low',
  /** Below the normal threshold (25 by default). */
  Normal: 'normal',
  /** Below the high threshold (35 by default). */
  High: 'high',
  /** At or above the high threshold. */
  Extreme: 'extreme',
} as const
/** One of {@link VolatilityBand}. */
export type VolatilityBand = (typeof VolatilityBand)[keyof typeof VolatilityBand]

/** The bands in ascending order of volatility; a band's index is its rank. */
export const VOLATILITY_BANDS: readonly VolatilityBand[] = [
  VolatilityBand.Low,
  VolatilityBand.Normal,
  VolatilityBand.High,
  VolatilityBand.Extreme,
]

/** Upper bounds (exclusive) of the low, normal and high bands, in VIX points. */
export interface BandThresholds {
  /** Low below this. */
  readonly lowBelow: number
  /** Normal below this. */
  readonly normalBelow: number
  /** High below this; extreme at or above. */
  readonly highBelow: number
}

/**
 * The band of a VIX level, without hysteresis.
 *
 * @param level - VIX value.
 * @param thresholds - Band upper bounds.
 * @returns The band.
 * @example
 * ```ts
 * bandOf(18.2, { lowBelow: 15, normalBelow: 25, highBelow: 35 }) // 'normal'
 * ```
 */
export function bandOf(level: number, thresholds: BandThresholds): VolatilityBand {
  if (level < thresholds.lowBelow) return VolatilityBand.Low
  if (level < thresholds.normalBelow) return VolatilityBand.Normal
  if (level < thresholds.highBelow) return VolatilityBand.High
  return VolatilityBand.Extreme
}
