/**
 * Per-row outcome codes written by the batch functions ({@link bsGreeksBatch}, {@link impliedVolatilityBatch})
 * into their `status` arrays. The non-zero codes mirror the `reason` of {@link IvResult}.
 */
export const PricingStatus = {
  /** The row was computed. */
  Ok: 0,
  /** The option price is below its no-arbitrage lower bound, the discounted forward intrinsic value. */
  BelowIntrinsic: 1,
  /** The option price is at or above its upper bound (S·e^{−qT} for a call, K·e^{−rT} for a put). */
  AboveMaximum: 2,
  /** The time to expiry is zero or negative. */
  Expired: 3,
  /** An input is NaN, infinite, out of range (non-positive spot or strike, negative vol or price), or the right code is unknown. */
  InvalidInput: 4,
} as const
/** One of {@link PricingStatus}. */
export type PricingStatus = (typeof PricingStatus)[keyof typeof PricingStatus]
