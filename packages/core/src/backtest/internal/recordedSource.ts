import { decodeTickArchive, forEachTickEvent } from '../../archive/tickArchiveDecoder.js'
import { ConfigError } from '../../errors/configError.js'
import type { MarketEvent } from '../../feeds/marketEvent.js'
import { readNdjsonBatches } from '../../replay/readNdjsonEvents.js'
import type { ListContracts } from '../../streams/chain/zeroDteChainOptions.js'
import type { EventsBacktestData, NdjsonBacktestData, TickArchiveBacktestData } from '../backtestData.js'
import type { DaySource } from './daySource.js'
import { asyncReader, type RecordingReader, syncReader, tickToMarketEvent } from './recordedCursor.js'
import { RecordedDays } from './recordedDays.js'
import { RecordedListing } from './recordedListing.js'

/** A recording opened for a backtest: one source per session, read once in order. */
export interface RecordedSource {
  /**
   * The source of one session.
   *
   * @param startMs - Session start, epoch ms.
   * @param endMs - Session end, epoch ms.
   */
  day(startMs: number, endMs: number): DaySource
  /** Events outside every session so far. */
  skippedEvents(): number
}

type RecordedData = NdjsonBacktestData | EventsBacktestData | TickArchiveBacktestData

const identity = (event: MarketEvent) => event

function missingListing(): never {
  throw new ConfigError('backtest options', [
    {
      path: 'data.listContracts',
      reason: 'a one-shot iterable cannot be scanned for its option contracts; pass listContracts (or an array)',
    },
  ])
}

async function openReader(data: RecordedData): Promise<{ read: RecordingReader; listing: ListContracts }> {
  const given = data.listContracts
  const listing = new RecordedListing()
  const derived: ListContracts = (underlying, expiry) => listing.list(underlying, expiry)
  switch (data.kind) {
    case 'ndjson': {
      const options = { onMalformed: data.onMalformed ?? 'fail' }
      if (!given) {
        for await (const batch of readNdjsonBatches(data.path, options)) {
          for (const event of batch) listing.add(event.data.instrumentId)
        }
      }
      return { read: asyncReader(readNdjsonBatches(data.path, options)), listing: given ?? derived }
    }
    case 'tick_archive':
      if (!given) forEachTickEvent(data.bytes, (event) => listing.add(event.instrumentId))
      return { read: syncReader(decodeTickArchive(data.bytes), tickToMarketEvent), listing: given ?? derived }
    case 'events': {
      const { events } = data
      if (Array.isArray(events)) {
        if (!given) for (const event of events as readonly MarketEvent[]) listing.add(event.data.instrumentId)
        return { read: syncReader(events as readonly MarketEvent[], identity), listing: given ?? derived }
      }
      if (!given) missingListing()
      const read =
        Symbol.asyncIterator in events
          ? asyncReader(events as AsyncIterable<MarketEvent>)
          : syncReader(events as Iterable<MarketEvent>, identity)
      return { read, listing: given }
    }
  }
}

/**
 * Opens recorded data for a backtest: a reader over the whole recording and a chain listing (the caller's, or the
 * option contracts the recording holds, found by reading it once first).
 *
 * @param data - The recording.
 * @returns The source, ready for its first session.
 * @throws {ConfigError} When a one-shot iterable comes without `listContracts`.
 */
export async function openRecordedSource(data: RecordedData): Promise<RecordedSource> {
  const { read, listing } = await openReader(data)
  const days = new RecordedDays(read)
  return {
    day(startMs, endMs): DaySource {
      return {
        simulated: false,
        pull: days.session(startMs, endMs),
        listOptionChain: async (underlying, expiry) => listing(underlying, expiry),
        subscribe: () => undefined,
        unsubscribe: () => undefined,
        connect: async () => undefined,
        close: async () => undefined,
      }
    },
    skippedEvents: () => days.skippedEvents,
  }
}
