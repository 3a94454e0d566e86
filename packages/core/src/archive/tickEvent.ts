import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'

/** Any raw market data event a tick archive stores. */
export type TickEvent = Quote | OptionQuote | Trade | Bar

/** Kind codes of {@link TickEvent} as stored in the archive. */
export const TickEventKind = { Quote: 0, Trade: 1, Bar: 2 } as const
/** One of {@link TickEventKind}. */
export type TickEventKind = (typeof TickEventKind)[keyof typeof TickEventKind]

/**
 * Tells which kind of event this is, by its shape: bars have `intervalMs`, trades `price`, quotes `bid`.
 *
 * @param event - A market data event.
 * @returns Its kind code.
 * @example
 * ```ts
 * tickEventKind({ instrumentId: 'SPY', price: 590, size: 100, timestampMs: 0 }) // TickEventKind.Trade
 * ```
 */
export function tickEventKind(event: TickEvent): TickEventKind {
  if ('intervalMs' in event) return TickEventKind.Bar
  if ('price' in event) return TickEventKind.Trade
  return TickEventKind.Quote
}
