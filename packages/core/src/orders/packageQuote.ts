import { Decimal } from 'decimal.js'
import type { Quote } from '../marketData/types.js'
import type { OrderLeg } from '../trading/types.js'
import { legIds } from './legIds.js'
import { quoteDecimal } from './quoteDecimal.js'

/**
 * The market for one unit of an order's package, in signed net (positive paid, negative received): `netAsk` is
 * what executing it now costs (buy legs at their ask, sell legs at their bid), `netBid` what the reverse package
 * would fetch. Units are whole packages available at those prices from the displayed sizes.
 */
export interface PackageQuote {
  /** Signed net of the near side: buy legs at bid, sell legs at ask. */
  readonly netBid: Decimal
  /** Signed net of the far side (cost to execute now): buy legs at ask, sell legs at bid. */
  readonly netAsk: Decimal
  /** Whole packages available at `netAsk` (min over legs of displayed size / ratio). */
  readonly askUnits: number
  /** Whole packages available at `netBid`. */
  readonly bidUnits: number
  /** Whether every leg has a positive price on the side it would trade now (buy legs an ask, sell legs a bid). */
  readonly priced: boolean
  /** Whether it is `priced` and every such side also shows size. */
  readonly executable: boolean
  /** The quote of each leg, in leg order. */
  readonly legQuotes: readonly Quote[]
}

/** Looks up the current quote of an instrument by canonical id. */
export type QuoteLookup = (instrumentId: string) => Quote | undefined

/**
 * Combines the legs' top-of-book quotes into the package's net bid and ask: the sum over legs of ratio × price,
 * bought legs positive and sold legs negative, each taken on the side it would trade.
 *
 * @param legs - Legs of the order.
 * @param quoteOf - Current quote of an instrument.
 * @returns The package quote, or `undefined` when a leg has no quote or a crossed quote (bid above ask).
 * @example
 * ```ts
 * const quote = packageQuote(ironCondor({ ... }).legs, (id) => lastQuotes.get(id))
 * quote?.netAsk.toString() // e.g. '-1.35': selling the condor now brings in 1.35
 * ```
 */
export function packageQuote(legs: readonly OrderLeg[], quoteOf: QuoteLookup): PackageQuote | undefined {
  let netBid = new Decimal(0)
  let netAsk = new Decimal(0)
  let askUnits = Number.POSITIVE_INFINITY
  let bidUnits = Number.POSITIVE_INFINITY
  let priced = legs.length > 0
  let sized = legs.length > 0
  const legQuotes: Quote[] = []
  const ids = legIds(legs)
  for (let index = 0; index < legs.length; index++) {
    const leg = legs[index]
    const id = ids[index]
    if (leg === undefined || id === undefined) return undefined
    const quote = quoteOf(id)
    if (!quote || !Number.isFinite(quote.bid) || !Number.isFinite(quote.ask)) return undefined
    if (quote.bid > 0 && quote.ask > 0 && quote.bid > quote.ask) return undefined
    legQuotes.push(quote)
    const bid = quoteDecimal(Math.max(quote.bid, 0)).times(leg.ratio)
    const ask = quoteDecimal(Math.max(quote.ask, 0)).times(leg.ratio)
    const bidSize = Math.floor(Math.max(quote.bidSize, 0) / leg.ratio)
    const askSize = Math.floor(Math.max(quote.askSize, 0) / leg.ratio)
    if (leg.side === 'buy') {
      netAsk = netAsk.plus(ask)
      netBid = netBid.plus(bid)
      askUnits = Math.min(askUnits, askSize)
      bidUnits = Math.min(bidUnits, bidSize)
      if (!(quote.ask > 0)) priced = false
      if (askSize <= 0) sized = false
    } else {
      netAsk = netAsk.minus(bid)
      netBid = netBid.minus(ask)
      askUnits = Math.min(askUnits, bidSize)
      bidUnits = Math.min(bidUnits, askSize)
      if (!(quote.bid > 0)) priced = false
      if (bidSize <= 0) sized = false
    }
  }
  return {
    netBid,
    netAsk,
    askUnits: Number.isFinite(askUnits) ? askUnits : 0,
    bidUnits: Number.isFinite(bidUnits) ? bidUnits : 0,
    priced,
    executable: priced && sized,
    legQuotes,
  }
}
