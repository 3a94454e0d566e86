import type { Observable } from 'rxjs'
import type { BaseError } from '../errors/baseError.js'
import type { Instrument } from '../instruments/instrument.js'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'

/**
 * Connection state of a feed, as a discriminated union on `status`.
 * idle → connecting → live ⇄ reconnecting → closed.
 */
export type FeedState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting'; readonly attempt: number }
  | { readonly status: 'live'; readonly sinceMs: number; readonly mode: 'streaming' | 'polling' }
  | {
      readonly status: 'reconnecting'
      readonly attempt: number
      readonly retryInMs: number
      readonly error: BaseError
    }
  | { readonly status: 'closed'; readonly error?: BaseError }

/** One of the `status` values of {@link FeedState}. */
export type FeedStatus = FeedState['status']

/** What a feed can deliver. */
export interface FeedCapabilities {
  /** Delivers top-of-book quotes. */
  readonly quotes: boolean
  /** Delivers trades. */
  readonly trades: boolean
  /** Delivers bars. */
  readonly bars: boolean
  /** Delivers option quotes (and can stream option contracts). */
  readonly options: boolean
  /** Delivers cash index values (VIX family, SPX). */
  readonly indices: boolean
  /** Delivers the feed's own greeks / IV with option quotes. */
  readonly vendorGreeks: boolean
  /** Can answer `listOptionChain` with today's listed contracts. */
  readonly chainListing: boolean
  /** Events are historical and driven by a virtual clock (replay, simulator in accelerated mode). */
  readonly historical: boolean
}

/**
 * A source of market data: a vendor WebSocket, a broker, the simulator or a replay. Events of every instrument
 * subscribed arrive on `quotes$`, `trades$` and `bars$`; option quotes arrive on `quotes$` as
 * {@link OptionQuote}. Streams are hot: subscribe before `connect()` to see everything.
 */
export interface MarketDataFeed {
  /** Short name used in logs and `source` fields (`sim`, `massive`, `databento`, `ibkr`, `replay`). */
  readonly name: string
  /** What this feed can deliver. */
  readonly capabilities: FeedCapabilities
  /** Connection state; replays the current state to new subscribers. */
  readonly state$: Observable<FeedState>
  /** Quotes (and option quotes) of subscribed instruments. */
  readonly quotes$: Observable<Quote | OptionQuote>
  /** Trades of subscribed instruments. */
  readonly trades$: Observable<Trade>
  /** Bars of subscribed instruments. */
  readonly bars$: Observable<Bar>
  /** Opens the connection; resolves when live for the first time, rejects on a permanent error. */
  connect(): Promise<void>
  /** Adds instruments; idempotent, and remembered across reconnects. */
  subscribe(instruments: readonly Instrument[]): void
  /** Removes instruments; idempotent. */
  unsubscribe(instruments: readonly Instrument[]): void
  /** Instruments currently subscribed, by canonical id. */
  subscriptions(): ReadonlySet<string>
  /**
   * Lists the option contracts of `underlying` expiring on `expiry` (`YYYY-MM-DD`), when
   * `capabilities.chainListing` is true.
   */
  listOptionChain?(underlying: string, expiry: string): Promise<readonly Instrument[]>
  /** Closes the connection and completes every stream. */
  close(): Promise<void>
}
