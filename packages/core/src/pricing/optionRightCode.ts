/**
 * Numeric encoding of call/put for batch inputs (an `Int8Array`): +1 for a call, −1 for a put, the sign θ of the
 * payoff θ·(S − K). Any other value marks the row as invalid.
 */
export const OptionRightCode = {
  /** A call. */
  Call: 1,
  /** A put. */
  Put: -1,
} as const
/** One of {@link OptionRightCode}. */
export type OptionRightCode = (typeof OptionRightCode)[keyof typeof OptionRightCode]
