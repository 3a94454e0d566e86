/** Why a correlation (or a z-score) could not be computed. */
export const UnavailableReason = {
  /** Fewer observations than the window needs before it reports. */
  InsufficientData: 'insufficient_data',
  /** One of the series did not move over the window: the statistic is undefined, not 0. */
  ZeroVariance: 'zero_variance',
} as const
/** One of {@link UnavailableReason}. */
export type UnavailableReason = (typeof UnavailableReason)[keyof typeof UnavailableReason]

/**
 * A statistic that is either a finite number or absent with the reason. Never `NaN`: a flat series yields
 * `{ value: null, reason: 'zero_variance' }`.
 */
export type StatisticValue =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: UnavailableReason }

/**
 * Wraps a computed number as an available {@link StatisticValue}.
 *
 * @param value - A finite number.
 * @returns `{ value, reason: null }`.
 * @example
 * ```ts
 * available(0.82) // { value: 0.82, reason: null }
 * ```
 */
export function available(value: number): StatisticValue {
  return { value, reason: null }
}

/**
 * An absent {@link StatisticValue} with its reason.
 *
 * @param reason - Why the statistic is absent.
 * @returns `{ value: null, reason }`.
 * @example
 * ```ts
 * unavailable(UnavailableReason.ZeroVariance) // { value: null, reason: 'zero_variance' }
 * ```
 */
export function unavailable(reason: UnavailableReason): StatisticValue {
  return { value: null, reason }
}
