/**
 * Market data events. Prices are plain numbers (hot path); money that changes hands (orders, fills, positions)
 * is `Decimal`. Every event names its instrument by canonical id (see `instrumentId`) and carries the event time
 * in epoch milliseconds (`timestampMs`); sources with nanosecond exchange stamps also fill `timestampNs`.
 */

/** A top-of-book quote. */
export interface Quote {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Best bid price. 0 when there is no bid. */
  readonly bid: number
  /** Best ask price. */
  readonly ask: number
  /** Size at the bid, in contracts or shares. */
  readonly bidSize: number
  /** Size at the ask. */
  readonly askSize: number
  /** Event time, epoch milliseconds. */
  readonly timestampMs: number
  /** Exchange event time in epoch nanoseconds, when the source provides it. */
  readonly timestampNs?: bigint
  /** Exchange or venue code as the source gives it. */
  readonly exchange?: string
  /** Which feed produced the event (`sim`, `massive`, `databento`, `ibkr`, `replay`). */
  readonly source?: string
}

/** A last-sale print. */
export interface Trade {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Trade price. */
  readonly price: number
  /** Trade size. */
  readonly size: number
  /** Event time, epoch milliseconds. */
  readonly timestampMs: number
  /** Exchange event time in epoch nanoseconds, when the source provides it. */
  readonly timestampNs?: bigint
  /** Exchange or venue code. */
  readonly exchange?: string
  /** Sale condition codes as the source gives them. */
  readonly conditions?: readonly number[]
  /** Which feed produced the event. */
  readonly source?: string
}

/** An OHLCV bar. */
export interface Bar {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Bar length in milliseconds. */
  readonly intervalMs: number
  /** Bar start, epoch milliseconds. */
  readonly startMs: number
  /** Open price. */
  readonly open: number
  /** High price. */
  readonly high: number
  /** Low price. */
  readonly low: number
  /** Close price. */
  readonly close: number
  /** Volume traded in the bar. */
  readonly volume: number
  /** Volume-weighted average price, when known. */
  readonly vwap?: number
  /** Which feed produced the event. */
  readonly source?: string
}

/** Sensitivities of an option price, per one unit of each input (vega and rho per 1.00 = 100 vol/rate points). */
export interface Greeks {
  /** ∂V/∂S. */
  readonly delta: number
  /** ∂²V/∂S². */
  readonly gamma: number
  /** ∂V/∂t per year (divide by 365 for per calendar day). */
  readonly theta: number
  /** ∂V/∂σ. */
  readonly vega: number
  /** ∂V/∂r. */
  readonly rho: number
}

/** A quote on an option contract, optionally enriched with greeks and implied volatility. */
export interface OptionQuote extends Quote {
  /** Underlying price used for the greeks and IV. */
  readonly underlyingPrice?: number
  /** Implied volatility of the mid, annualised (0.2 = 20 %). */
  readonly iv?: number
  /** Greeks at `iv`. */
  readonly greeks?: Greeks
  /** Open interest, when the source provides it. */
  readonly openInterest?: number
  /** Contracts traded today, when the source provides it. */
  readonly volume?: number
}

/**
 * Mid price of a quote, or `undefined` when one side is missing.
 *
 * @param quote - The quote.
 * @returns (bid + ask) / 2.
 * @example
 * ```ts
 * midPrice({ bid: 1.2, ask: 1.3 } as Quote) // 1.25
 * ```
 */
export function midPrice(quote: Pick<Quote, 'bid' | 'ask'>): number | undefined {
  if (!(quote.bid > 0) || !(quote.ask > 0)) return undefined
  return (quote.bid + quote.ask) / 2
}
