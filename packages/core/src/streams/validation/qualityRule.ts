/**
 * The data quality rules a validator applies to every quote or trade. A tick that breaks a rule is dropped from the
 * clean stream and counted under that rule (locked quotes are only flagged unless configured to drop).
 */
export const QualityRule = {
  /** Not an object, or a required field is missing or of the wrong type. */
  Malformed: 'malformed',
  /** A price, size or timestamp is NaN or infinite. */
  NotFinite: 'not_finite',
  /** A price is zero or negative (a zero bid is allowed when configured: it means "no bid"). */
  NonPositivePrice: 'non_positive_price',
  /** A size is negative, or zero on a side that has a price. */
  NonPositiveSize: 'non_positive_size',
  /** Bid above ask. */
  Crossed: 'crossed',
  /** Bid equal to ask. */
  Locked: 'locked',
  /** Event time further ahead of the clock than `maxFutureMs` (it would poison the ordering checks). */
  Future: 'future',
  /** Event time older than `maxAgeMs` behind the clock. */
  Stale: 'stale',
  /** Event time earlier than the last accepted event of the same instrument and source. */
  OutOfOrder: 'out_of_order',
  /** Event time equal to the last accepted event of the same instrument and source. */
  DuplicateTimestamp: 'duplicate_timestamp',
  /** Price too far from the rolling median of the instrument. */
  Spike: 'spike',
} as const
/** One of {@link QualityRule}. */
export type QualityRule = (typeof QualityRule)[keyof typeof QualityRule]

/** Every rule, in the order the validators evaluate them. */
export const QUALITY_RULES: readonly QualityRule[] = Object.values(QualityRule)
