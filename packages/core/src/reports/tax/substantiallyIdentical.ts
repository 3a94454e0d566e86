import type { Instrument } from '../../instruments/instrument.js'

/** One side of a substantially-identical test: the canonical id and the instrument behind it. */
export interface TaxInstrument {
  /** Canonical instrument id (OSI symbol for options). */
  readonly instrumentId: string
  /** The instrument. */
  readonly instrument: Instrument
}

/**
 * Decides whether a purchase of `candidate` replaces a loss sale of `sold` under the wash-sale rule (IRC §1091:
 * "substantially identical stock or securities", which includes options to acquire them). Any function of that
 * signature works; attach a `bucket` to make the search fast.
 */
export interface SubstantiallyIdentical {
  (sold: TaxInstrument, candidate: TaxInstrument): boolean
  /**
   * Optional coarse key, equal for any two instruments the predicate can match (the instrument id, the
   * underlying). The wash-sale search then tests only lots in the sold lot's bucket instead of every lot opened
   * within the 61-day window. A wrong bucket hides matches, so leave it out when unsure.
   */
  readonly bucket?: (instrument: TaxInstrument) => string
}

/**
 * Builds a {@link SubstantiallyIdentical} predicate with a search bucket.
 *
 * @param matches - The test.
 * @param bucket - Coarse key equal for any two instruments `matches` can accept.
 * @returns The predicate with its bucket attached.
 * @example
 * ```ts
 * // Options on the same underlying with the same right and expiry count as identical.
 * const sameSeries = substantiallyIdentical(
 *   (a, b) => a.instrument.kind === 'option' && b.instrument.kind === 'option' && a.instrument.expiry === b.instrument.expiry,
 *   ({ instrument }) => (instrument.kind === 'option' ? `${instrument.underlying} ${instrument.right}` : instrument.symbol),
 * )
 * ```
 */
export function substantiallyIdentical(
  matches: (sold: TaxInstrument, candidate: TaxInstrument) => boolean,
  bucket: (instrument: TaxInstrument) => string,
): SubstantiallyIdentical {
  return Object.assign((sold: TaxInstrument, candidate: TaxInstrument) => matches(sold, candidate), { bucket })
}

/** Underlying and direction of exposure: shares and calls are `SPY call`, puts `SPY put`. */
function exposureOf(instrument: Instrument): string {
  return instrument.kind === 'option' ? `${instrument.underlying} ${instrument.right}` : `${instrument.symbol} call`
}

/**
 * The default, narrow test: only the identical contract (same OSI symbol) or the same share ticker. This is
 * what brokers apply on Form 1099-B, where they must track wash sales only for identical securities. The IRS
 * has not defined "substantially identical" for options; a different strike or expiry is commonly treated as not
 * identical, but that is a reading, not a ruling. A taxpayer who wants the cautious answer (more losses
 * disallowed, never fewer) should use {@link sameUnderlying} instead.
 *
 * @param sold - The instrument sold at a loss.
 * @param candidate - A purchase within 30 days.
 * @returns `true` when the ids are equal.
 * @example
 * ```ts
 * computeTaxReport(fills, { substantiallyIdentical: sameContract })
 * ```
 */
export const sameContract: SubstantiallyIdentical = substantiallyIdentical(
  (sold, candidate) => sold.instrumentId === candidate.instrumentId,
  ({ instrumentId }) => instrumentId,
)

/**
 * The broad test: any position giving the same-direction exposure to the same underlying (shares of SPY, or any
 * SPY option of the same right). Calls and puts on one underlying are not matched with each other, nor with
 * shares of opposite exposure: a put is not an option to acquire the stock. Quantities are then matched in
 * multiplier-weighted units (1 contract = 100 shares), which can split a lot into fractional units.
 *
 * @param sold - The instrument sold at a loss.
 * @param candidate - A purchase within 30 days.
 * @returns `true` when both track the same underlying the same way.
 * @example
 * ```ts
 * computeTaxReport(fills, { substantiallyIdentical: sameUnderlying })
 * ```
 */
export const sameUnderlying: SubstantiallyIdentical = substantiallyIdentical(
  (sold, candidate) => exposureOf(sold.instrument) === exposureOf(candidate.instrument),
  ({ instrument }) => exposureOf(instrument),
)
