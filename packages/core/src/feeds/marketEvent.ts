import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'

/** The kinds of {@link MarketEvent}, also the `type` field of each NDJSON recording line. */
export const MarketEventType = {
  /** A quote on an equity, ETF or index. */
  Quote: 'quote',
  /** A quote on an option contract. */
  OptionQuote: 'option_quote',
  /** A last-sale print. */
  Trade: 'trade',
  /** An OHLCV bar. */
  Bar: 'bar',
} as const
/** One of {@link MarketEventType}. */
export type MarketEventType = (typeof MarketEventType)[keyof typeof MarketEventType]

/**
 * Any market data event, tagged with its kind: what feeds emit when their streams are merged, what recordings
 * hold, and what a replay plays back.
 */
export type MarketEvent =
  | { readonly type: 'quote'; readonly data: Quote }
  | { readonly type: 'option_quote'; readonly data: OptionQuote }
  | { readonly type: 'trade'; readonly data: Trade }
  | { readonly type: 'bar'; readonly data: Bar }

const OSI_ID = /^[A-Z][A-Z0-9 ]{5}\d{6}[CP]\d{8}$/

/**
 * Whether a canonical instrument id names an option contract (a 21-character OSI symbol).
 *
 * @param instrumentId - Canonical id, as in every market data event.
 * @returns `true` for option ids.
 * @example
 * ```ts
 * isOptionInstrumentId('SPY   251121C00500000') // true
 * isOptionInstrumentId('SPY') // false
 * ```
 */
export function isOptionInstrumentId(instrumentId: string): boolean {
  return instrumentId.length === 21 && OSI_ID.test(instrumentId)
}

/**
 * Tags a quote from a feed's `quotes$` as `quote` or `option_quote`, by its instrument id.
 *
 * @param quote - A quote or option quote.
 * @returns The tagged event.
 * @example
 * ```ts
 * feed.quotes$.subscribe((quote) => recorder.write(quoteEvent(quote)))
 * ```
 */
export function quoteEvent(quote: Quote | OptionQuote): MarketEvent {
  return isOptionInstrumentId(quote.instrumentId)
    ? { type: 'option_quote', data: quote }
    : { type: 'quote', data: quote }
}

/**
 * The instant an event became known: the quote or trade time, or the end of a bar (a bar is complete only when its
 * interval has ended). Replays advance the virtual clock to this instant before delivering the event.
 *
 * @param event - Any market event.
 * @returns Epoch milliseconds.
 * @example
 * ```ts
 * clock.advanceTo(eventTimeMs(event))
 * ```
 */
export function eventTimeMs(event: MarketEvent): number {
  return event.type === 'bar' ? event.data.startMs + event.data.intervalMs : event.data.timestampMs
}
