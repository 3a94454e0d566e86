import { Decimal } from 'decimal.js'
import type { Quote } from '../../marketData/types.js'
import { quoteDecimal } from '../../orders/quoteDecimal.js'

/**
 * The paper broker's view of the market: the last quote of every instrument, with the displayed size that paper
 * fills already took from it. Each new quote of an instrument is fresh liquidity; until it arrives, later orders
 * see only what earlier fills left, so two orders cannot both fill against the same displayed size.
 */
export interface PaperQuoteBook {
  /** Records a new quote (and resets what was taken from the previous one). */
  update(quote: Quote): void
  /** The last quote with sizes reduced by what paper fills took; `undefined` when never quoted. */
  quoteOf(instrumentId: string): Quote | undefined
  /** Takes displayed size after a fill: bought units from the ask, sold units from the bid. */
  consume(instrumentId: string, side: 'bid' | 'ask', quantity: number): void
  /**
   * The mark of an instrument: the mid, the mid against a zero bid when only an offer exists, or the single price of
   * a one-sided quote such as an index value.
   */
  markOf(instrumentId: string): Decimal | undefined
  /**
   * Whether {@link PaperQuoteBook.markOf} would surely answer `undefined` or a price below `level`, judged from the
   * quote's numbers without building the Decimal; `false` when unsure (within a margin of the level).
   */
  markUnder(instrumentId: string, level: number): boolean
}

const HALF = new Decimal(0.5)

/**
 * Margin by which a mark estimated in floating point must stay below a level: the Decimal mark differs from it by
 * at most the 8-decimal rounding of each side (5e-9) plus a few units in the 16th significant digit.
 */
const markMargin = (mark: number, level: number): number => 1e-7 + 1e-9 * (Math.abs(mark) + Math.abs(level))

/**
 * Creates an empty {@link PaperQuoteBook}.
 *
 * @returns The book.
 * @example
 * ```ts
 * const book = createPaperQuoteBook()
 * quotes$.subscribe((quote) => book.update(quote))
 * ```
 */
export function createPaperQuoteBook(): PaperQuoteBook {
  const quotes = new Map<string, Quote>()
  const taken = new Map<string, { bid: number; ask: number }>()
  // The mark is a pure function of bid and ask: computed when first asked for, kept while they stay the same.
  const marks = new Map<string, { readonly bid: number; readonly ask: number; readonly mark: Decimal | undefined }>()
  // The same sides as markOfQuote, in floating point.
  const sideOf = (price: number): number => (Number.isFinite(price) && price > 0 ? price : 0)
  const markOfQuote = (quote: Quote): Decimal | undefined => {
    const bid = Number.isFinite(quote.bid) && quote.bid > 0 ? quote.bid : 0
    const ask = Number.isFinite(quote.ask) && quote.ask > 0 ? quote.ask : 0
    // × 0.5 is ÷ 2: both are the exact half rounded once to the Decimal precision, and multiplying is cheaper.
    if (ask > 0) return quoteDecimal(bid).plus(quoteDecimal(ask)).times(HALF)
    return bid > 0 ? quoteDecimal(bid) : undefined
  }
  return {
    update(quote) {
      quotes.set(quote.instrumentId, quote)
      if (taken.size > 0) taken.delete(quote.instrumentId)
    },
    quoteOf(instrumentId) {
      const quote = quotes.get(instrumentId)
      const used = taken.get(instrumentId)
      if (!quote || !used) return quote
      return {
        ...quote,
        bidSize: Math.max(quote.bidSize - used.bid, 0),
        askSize: Math.max(quote.askSize - used.ask, 0),
      }
    },
    consume(instrumentId, side, quantity) {
      const used = taken.get(instrumentId) ?? { bid: 0, ask: 0 }
      used[side] += quantity
      taken.set(instrumentId, used)
    },
    markOf(instrumentId) {
      const quote = quotes.get(instrumentId)
      if (!quote) return undefined
      const known = marks.get(instrumentId)
      if (known !== undefined && known.bid === quote.bid && known.ask === quote.ask) return known.mark
      const mark = markOfQuote(quote)
      marks.set(instrumentId, { bid: quote.bid, ask: quote.ask, mark })
      return mark
    },
    markUnder(instrumentId, level) {
      const quote = quotes.get(instrumentId)
      if (!quote) return true
      const bid = sideOf(quote.bid)
      const ask = sideOf(quote.ask)
      const mark = ask > 0 ? (bid + ask) / 2 : bid
      if (!(mark > 0)) return true
      return mark + markMargin(mark, level) < level
    },
  }
}
