import { type Bar, midPrice, type Quote, type Trade } from '../marketData/types.js'

/**
 * One observed price (or index value) of an instrument at an event time: the input of the regime and
 * correlation analytics, whatever the source (trade, quote mid, bar close, a replay file).
 */
export interface PricePoint {
  /** Canonical instrument id (`SPY`, `^VIX`), see `instrumentId`. */
  readonly instrumentId: string
  /** Price or index level, finite and positive. */
  readonly price: number
  /** Event time, epoch milliseconds. */
  readonly timestampMs: number
}

/**
 * Maps a trade to a price point (the last-sale price).
 *
 * @param trade - A trade event.
 * @returns The price point, or `undefined` when the price is not a positive finite number.
 * @example
 * ```ts
 * pricePointFromTrade({ instrumentId: 'SPY', price: 512.3, size: 100, timestampMs: 0 })
 * // { instrumentId: 'SPY', price: 512.3, timestampMs: 0 }
 * ```
 */
export function pricePointFromTrade(trade: Trade): PricePoint | undefined {
  return point(trade.instrumentId, trade.price, trade.timestampMs)
}

/**
 * Maps a quote to a price point at its mid. Index feeds that publish a value as a quote with bid = ask give
 * that value.
 *
 * @param quote - A quote event.
 * @returns The price point, or `undefined` when a side is missing.
 * @example
 * ```ts
 * pricePointFromQuote({ instrumentId: '^VIX', bid: 14.1, ask: 14.1, bidSize: 0, askSize: 0, timestampMs: 0 })
 * // { instrumentId: '^VIX', price: 14.1, timestampMs: 0 }
 * ```
 */
export function pricePointFromQuote(quote: Quote): PricePoint | undefined {
  const mid = midPrice(quote)
  return mid === undefined ? undefined : point(quote.instrumentId, mid, quote.timestampMs)
}

/**
 * Maps a bar to a price point at its close, stamped at the end of the bar (when the close was known).
 *
 * @param bar - An OHLCV bar.
 * @returns The price point, or `undefined` when the close is not a positive finite number.
 * @example
 * ```ts
 * pricePointFromBar({ instrumentId: 'QQQ', intervalMs: 60_000, startMs: 0, open: 1, high: 1, low: 1, close: 1, volume: 0 })
 * // { instrumentId: 'QQQ', price: 1, timestampMs: 60_000 }
 * ```
 */
export function pricePointFromBar(bar: Bar): PricePoint | undefined {
  return point(bar.instrumentId, bar.close, bar.startMs + bar.intervalMs)
}

function point(instrumentId: string, price: number, timestampMs: number): PricePoint | undefined {
  if (!Number.isFinite(price) || price <= 0 || !Number.isFinite(timestampMs)) return undefined
  return { instrumentId, price, timestampMs }
}
