import type { OptionContract, OptionRight } from '../../instruments/instrument.js'
import type { OptionQuote } from '../../marketData/types.js'

/** Why a chain quote has no implied volatility. */
export type IvFailure = 'no_mid' | 'no_spot' | 'below_intrinsic' | 'above_maximum' | 'expired' | 'invalid_input'

/**
 * An option quote of the chain, enriched: underlying price, IV of the mid, greeks at that IV, and the contract's
 * strike, right and time to expiry. `iv` and `greeks` are absent when the IV cannot be solved (`ivFailure` says
 * why: a one-sided quote, a mid below intrinsic value …).
 */
export interface ChainQuote extends OptionQuote {
  /** Strike of the contract. */
  readonly strike: number
  /** Call or put. */
  readonly right: OptionRight
  /** Years to the expiration instant at the quote's time (ACT/365, whole seconds). */
  readonly timeToExpiryYears: number
  /** Why `iv` is absent, when it is. */
  readonly ivFailure: IvFailure | undefined
}

/** One side (call or put) of a chain row. */
export interface ChainSide {
  /** The contract. */
  readonly contract: OptionContract
  /** Its canonical id. */
  readonly instrumentId: string
  /** Its latest quote, once one has arrived. */
  readonly quote: ChainQuote | undefined
}

/** One strike of the chain. */
export interface ChainRow {
  /** Strike price. */
  readonly strike: number
  /** The call, when it is in the window. */
  readonly call: ChainSide | undefined
  /** The put, when it is in the window. */
  readonly put: ChainSide | undefined
}

/** Where the chain is in its day. */
export const ChainStatus = {
  /** Asking the feed for today's listed contracts. */
  Listing: 'listing',
  /** Listing failed (or was empty); retrying. */
  ListingFailed: 'listing_failed',
  /** Contracts known, waiting for the first underlying price to centre on. */
  WaitingForSpot: 'waiting_for_spot',
  /** Streaming the window. */
  Live: 'live',
  /** The underlying has no expiration on the current session date (the chain waits for the next one). */
  NoExpiration: 'no_expiration',
} as const
/** One of {@link ChainStatus}. */
export type ChainStatus = (typeof ChainStatus)[keyof typeof ChainStatus]

/** The whole chain at one instant. */
export interface ChainSnapshot {
  /** Underlying symbol (`SPY`, `SPX`). */
  readonly underlying: string
  /** Where the chain is in its day. */
  readonly status: ChainStatus
  /** The expiry the chain streams, `YYYY-MM-DD`; absent on a session without an expiration. */
  readonly expiry: string | undefined
  /** When the expiring series stop trading, epoch ms. */
  readonly expiryMs: number | undefined
  /** Latest underlying mid. */
  readonly underlyingPrice: number | undefined
  /** The centre strike of the window. */
  readonly centerStrike: number | undefined
  /** Years to expiry at `asOfMs`. */
  readonly timeToExpiryYears: number | undefined
  /** Clock time of the snapshot, epoch ms. */
  readonly asOfMs: number
  /** Strikes in the window, ascending. */
  readonly rows: readonly ChainRow[]
  /** Every strike listed for the expiry (the window is a subset). */
  readonly listedStrikes: readonly number[]
  /** Why the last listing failed, while the status is `listing_failed`. */
  readonly listingError: string | undefined
  /** Quotes skipped because they could not be priced (malformed input that skipped validation). */
  readonly rejectedQuotes: number
}
