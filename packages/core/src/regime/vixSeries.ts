/**
 * Canonical instrument ids of the VIX family (see `instrumentId`): the 9-day, 30-day, 3-month and 6-month Cboe
 * volatility indices.
 */
export const VixSeries = {
  /** Cboe S&P 500 9-Day Volatility Index. */
  Vix9d: '^VIX9D',
  /** Cboe Volatility Index (30-day). */
  Vix: '^VIX',
  /** Cboe S&P 500 3-Month Volatility Index. */
  Vix3m: '^VIX3M',
  /** Cboe S&P 500 6-Month Volatility Index. */
  Vix6m: '^VIX6M',
} as const
/** One of {@link VixSeries}. */
export type VixSeries = (typeof VixSeries)[keyof typeof VixSeries]

/** The VIX family ids from the shortest to the longest tenor. */
export const VIX_FAMILY_IDS: readonly VixSeries[] = [VixSeries.Vix9d, VixSeries.Vix, VixSeries.Vix3m, VixSeries.Vix6m]

/**
 * Whether an instrument id is one of the VIX family.
 *
 * @param instrumentId - A canonical instrument id.
 * @returns `true` for `^VIX9D`, `^VIX`, `^VIX3M`, `^VIX6M`.
 * @example
 * ```ts
 * isVixSeries('^VIX3M') // true
 * isVixSeries('SPY') // false
 * ```
 */
export function isVixSeries(instrumentId: string): instrumentId is VixSeries {
  return (VIX_FAMILY_IDS as readonly string[]).includes(instrumentId)
}
