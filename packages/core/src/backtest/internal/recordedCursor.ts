import { type TickEvent, TickEventKind, tickEventKind } from '../../archive/tickEvent.js'
import { type MarketEvent, quoteEvent } from '../../feeds/marketEvent.js'
import type { Bar, Trade } from '../../marketData/types.js'

/** A batch of a recording, or `undefined` once it is exhausted; a promise when the recording must be read. */
export type RecordingBatch = readonly MarketEvent[] | undefined
/** Reads a recording batch by batch. */
export type RecordingReader = () => RecordingBatch | Promise<RecordingBatch>

const CHUNK = 4096

/**
 * Reads a synchronous iterable in chunks.
 *
 * @param events - The events.
 * @returns The reader.
 */
export function syncReader<T>(events: Iterable<T>, toEvent: (item: T) => MarketEvent): RecordingReader {
  const iterator = events[Symbol.iterator]()
  return () => {
    const batch: MarketEvent[] = []
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      batch.push(toEvent(next.value))
      if (batch.length >= CHUNK) break
    }
    return batch.length === 0 ? undefined : batch
  }
}

/**
 * Reads an asynchronous iterable of events, or of batches of events, in chunks.
 *
 * @param source - Events or batches.
 * @returns The reader.
 */
export function asyncReader(source: AsyncIterable<MarketEvent | readonly MarketEvent[]>): RecordingReader {
  const iterator = source[Symbol.asyncIterator]()
  return async () => {
    const batch: MarketEvent[] = []
    while (batch.length < CHUNK) {
      const next = await iterator.next()
      if (next.done) break
      if (Array.isArray(next.value)) batch.push(...(next.value as readonly MarketEvent[]))
      else batch.push(next.value as MarketEvent)
    }
    return batch.length === 0 ? undefined : batch
  }
}

/**
 * Tags a raw tick-archive event as a market event.
 *
 * @param event - A decoded archive event.
 * @returns The tagged event.
 */
export function tickToMarketEvent(event: TickEvent): MarketEvent {
  const kind = tickEventKind(event)
  if (kind === TickEventKind.Bar) return { type: 'bar', data: event as Bar }
  if (kind === TickEventKind.Trade) return { type: 'trade', data: event as Trade }
  return quoteEvent(event as Exclude<TickEvent, Bar | Trade>)
}
