import type { Clock } from '../clock/clock.js'
import type { BaseError } from '../errors/baseError.js'
import type { Instrument } from '../instruments/instrument.js'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'
import type { FeedCapabilities } from './marketDataFeed.js'
import type { MarketEvent } from './marketEvent.js'

/**
 * What {@link createFeed} hands one connection of an adapter. Everything the session receives goes through it:
 * events, heartbeats, and the news that the connection died. Events of instruments that are not subscribed are
 * dropped here, so an adapter may over-deliver safely.
 */
export interface FeedSessionContext {
  /** The feed's clock; adapters read time from it and put their own timers on `clock.scheduler`. */
  readonly clock: Clock
  /** 1 for the first connection attempt, counting up across consecutive failures. */
  readonly attempt: number
  /** `false` once this session was replaced, failed or the feed closed; a session stops its work then. */
  readonly active: boolean
  /** Delivers a quote or option quote. */
  emitQuote(quote: Quote | OptionQuote): void
  /** Delivers a trade. */
  emitTrade(trade: Trade): void
  /** Delivers a bar. */
  emitBar(bar: Bar): void
  /** Delivers any tagged event. */
  emit(event: MarketEvent): void
  /**
   * Marks protocol traffic that is not an event (pong, status message, vendor heartbeat), so stale detection
   * knows the connection is alive during a quiet market.
   */
  heartbeat(): void
  /** Reports a problem that does not end the session (a message that failed validation, a rejected symbol). */
  reportError(error: BaseError): void
  /**
   * The connection is dead. A retryable error makes the feed reconnect with backoff; a permanent one (bad
   * credentials) closes the feed with that error.
   */
  fail(error: BaseError): void
  /** The source has no more data, ever (a replay reached its end): the feed closes without error. */
  end(): void
  /** Whether `instrumentId` is subscribed right now. */
  isSubscribed(instrumentId: string): boolean
}

/** One open connection of an adapter. */
export interface FeedSession {
  /**
   * Starts streaming `instruments` (a batch; never empty). A thrown or rejected retryable error fails the
   * session; a permanent one is reported on `errors$` and the session carries on.
   */
  subscribe(instruments: readonly Instrument[]): void | Promise<void>
  /** Stops streaming `instruments` (a batch; never empty). */
  unsubscribe(instruments: readonly Instrument[]): void | Promise<void>
  /** Closes the connection. Called once, when the session failed, went stale, or the feed closes. */
  close(): void | Promise<void>
}

/**
 * The protocol half of a feed: how to open a connection, subscribe, and turn vendor messages into core events.
 * {@link createFeed} adds everything else (state, reconnects with backoff, resubscription, stale detection,
 * polling fallback).
 */
export interface FeedAdapter {
  /** Short feed name used in logs and event `source` fields (`massive`, `databento`, `ibkr`, `sim`, `replay`). */
  readonly name: string
  /** What the feed can deliver. */
  readonly capabilities: FeedCapabilities
  /**
   * Opens one connection. Resolve when it is ready to take subscriptions; reject with a {@link BaseError}
   * (retryable or permanent) when it cannot be opened. Other rejections count as retryable.
   */
  open(context: FeedSessionContext): Promise<FeedSession>
  /**
   * Fetches a snapshot (latest quotes, trades, bars) of `instruments` over a request/response API. When present,
   * the feed falls back to polling it while streaming keeps failing.
   */
  poll?(instruments: readonly Instrument[]): Promise<readonly MarketEvent[]>
  /** Lists the option contracts of `underlying` expiring on `expiry` (`YYYY-MM-DD`). */
  listOptionChain?(underlying: string, expiry: string): Promise<readonly Instrument[]>
}
