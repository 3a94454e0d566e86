import { EMPTY, filter, map, merge, type Observable } from 'rxjs'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { type PricePoint, pricePointFromQuote, pricePointFromTrade } from './pricePoint.js'

/** Which feed events become price points. */
export const PriceSource = {
  /** Last-sale prices from `trades$`. */
  Trade: 'trade',
  /** Quote mids from `quotes$`. */
  Mid: 'mid',
  /** Both, merged in arrival order (index values may come either way depending on the vendor). */
  Any: 'any',
} as const
/** One of {@link PriceSource}. */
export type PriceSource = (typeof PriceSource)[keyof typeof PriceSource]

/** Options of {@link pricePointsFromFeed}. */
export interface PricePointsFromFeedOptions {
  /**
   * Which events to use.
   * @default 'any'
   */
  source?: PriceSource
}

/**
 * Price points of the given instruments from a feed's quotes and/or trades. Subscribing to the instruments on
 * the feed stays the caller's job.
 *
 * @param feed - The feed (only its `quotes$` and `trades$` are read).
 * @param instrumentIds - Canonical ids to keep (`SPY`, `^VIX`).
 * @param options - Which events to use, see {@link PricePointsFromFeedOptions}.
 * @returns Price points in arrival order.
 * @example
 * ```ts
 * const prices$ = pricePointsFromFeed(feed, ['SPY', 'QQQ', 'IWM'], { source: 'mid' })
 * ```
 */
export function pricePointsFromFeed(
  feed: Pick<MarketDataFeed, 'quotes$' | 'trades$'>,
  instrumentIds: readonly string[],
  options: PricePointsFromFeedOptions = {},
): Observable<PricePoint> {
  const source = options.source ?? PriceSource.Any
  const wanted = new Set(instrumentIds)
  const fromTrades =
    source === PriceSource.Mid
      ? EMPTY
      : feed.trades$.pipe(
          filter((trade) => wanted.has(trade.instrumentId)),
          map(pricePointFromTrade),
        )
  const fromQuotes =
    source === PriceSource.Trade
      ? EMPTY
      : feed.quotes$.pipe(
          filter((quote) => wanted.has(quote.instrumentId)),
          map(pricePointFromQuote),
        )
  return merge(fromTrades, fromQuotes).pipe(filter((p): p is PricePoint => p !== undefined))
}
