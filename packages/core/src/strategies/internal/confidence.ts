/**
 * Clamps to [0, 1]; `NaN` becomes 0.
 *
 * @param value - Any number.
 * @returns The clamped value.
 * @example
 * ```ts
 * clamp01(1.3) // 1
 * ```
 */
export function clamp01(value: number): number {
  if (!(value > 0)) return 0
  return Math.min(value, 1)
}

/**
 * A saturating score in [0, 1): 0 at or below zero, 1 − e^(−excess / scale) above, so each further unit of
 * excess adds less conviction.
 *
 * @param excess - How far a statistic is past its threshold.
 * @param scale - Excess at which the score reaches 1 − 1/e ≈ 0.63.
 * @returns The score.
 * @example
 * ```ts
 * saturate(1, 1) // 0.632…
 * ```
 */
export function saturate(excess: number, scale: number): number {
  if (!(excess > 0) || !(scale > 0)) return 0
  return 1 - Math.exp(-excess / scale)
}
