import type { OptionContract } from '../../instruments/instrument.js'
import type { ChainQuote, ChainSide } from '../../streams/chain/chainTypes.js'

/** What makes a chain quote good enough to build a signal on. */
export interface QuoteFilter {
  /** Decision time, epoch ms. */
  readonly nowMs: number
  /** Quotes older than this at `nowMs` are stale. */
  readonly maxQuoteAgeMs: number
  /** Largest (ask − bid) / mid accepted. */
  readonly maxSpreadFraction: number
}

/** A contract of the chain with a live two-sided quote. */
export interface UsableLeg {
  /** The contract. */
  readonly contract: OptionContract
  /** Its latest quote. */
  readonly quote: ChainQuote
  /** (bid + ask) / 2. */
  readonly mid: number
  /** ask − bid. */
  readonly spread: number
}

/**
 * The contract of a chain side when its quote is two-sided (bid and ask positive, not crossed), fresh and not
 * wider than the filter allows. A one-sided or stale quote cannot price a structure honestly, so such a contract
 * is never chosen.
 *
 * @param side - A call or put of a chain row.
 * @param filter - Freshness and width limits.
 * @returns The usable leg, or `undefined`.
 * @example
 * ```ts
 * const call = usableLeg(row.call, { nowMs, maxQuoteAgeMs: 30_000, maxSpreadFraction: 1 })
 * ```
 */
export function usableLeg(side: ChainSide | undefined, filter: QuoteFilter): UsableLeg | undefined {
  const quote = side?.quote
  if (!side || !quote) return undefined
  const { bid, ask } = quote
  if (!Number.isFinite(bid) || !Number.isFinite(ask) || !(bid > 0) || !(ask >= bid)) return undefined
  if (!Number.isFinite(quote.timestampMs) || filter.nowMs - quote.timestampMs > filter.maxQuoteAgeMs) return undefined
  const mid = (bid + ask) / 2
  const spread = ask - bid
  if (spread / mid > filter.maxSpreadFraction) return undefined
  return { contract: side.contract, quote, mid, spread }
}
