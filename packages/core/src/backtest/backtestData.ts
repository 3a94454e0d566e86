import { z } from 'zod'
import type { MarketEvent } from '../feeds/marketEvent.js'
import type { MalformedLinePolicy } from '../replay/readNdjsonEvents.js'
import type { SimFeedOptions } from '../sim/simConfig.js'
import type { ListContracts } from '../streams/chain/zeroDteChainOptions.js'

/**
 * Kinds of {@link BacktestData}.
 *
 * @example
 * ```ts
 * const data: BacktestData = { kind: BacktestDataKind.Ndjson, path: 'recordings/2025-11-21.ndjson' }
 * ```
 */
export const BacktestDataKind = {
  /** The market simulator (SIMULATED data). */
  Sim: 'sim',
  /** An NDJSON recording file (`createNdjsonRecorder`, or the backtest's own `record` option). */
  Ndjson: 'ndjson',
  /** Market events in memory or from any (async) iterable, e.g. a vendor decoder. */
  Events: 'events',
  /** A tick archive (`encodeTickArchive`) held in memory. */
  TickArchive: 'tick_archive',
} as const
/** One of {@link BacktestDataKind}. */
export type BacktestDataKind = (typeof BacktestDataKind)[keyof typeof BacktestDataKind]

/** Simulated market data: one simulated session per trading day. */
export interface SimBacktestData {
  readonly kind: 'sim'
  /** Run seed; each day's simulator seed is `hashSeed(seed, date)`. @default 1 */
  readonly seed?: number | string
  /** Simulator settings (underlyings, volatility, smile …). @default the simulator's defaults */
  readonly sim?: Omit<SimFeedOptions, 'clock' | 'seed'>
}

/** Settings shared by recorded data. */
interface RecordedDataBase {
  /**
   * Listed contracts for the 0DTE chains. @default the option contracts found in the recording (needs a recording
   * that can be read twice: a file, an array or a tick archive)
   */
  readonly listContracts?: ListContracts
}

/** An NDJSON recording; it may span several days (each session takes its own hours). */
export interface NdjsonBacktestData extends RecordedDataBase {
  readonly kind: 'ndjson'
  /** File path. */
  readonly path: string
  /** What to do with a malformed line. @default 'fail' */
  readonly onMalformed?: MalformedLinePolicy
}

/** Market events from memory or any iterable, in recorded order; they may span several days. */
export interface EventsBacktestData extends RecordedDataBase {
  readonly kind: 'events'
  /** The events. A one-shot iterable (a generator, a decoder stream) needs `listContracts`. */
  readonly events: Iterable<MarketEvent> | AsyncIterable<MarketEvent>
}

/** A tick archive in memory; it may span several days. */
export interface TickArchiveBacktestData extends RecordedDataBase {
  readonly kind: 'tick_archive'
  /** The archive bytes. */
  readonly bytes: Uint8Array
}

/** Where a backtest's market data comes from. */
export type BacktestData = SimBacktestData | NdjsonBacktestData | EventsBacktestData | TickArchiveBacktestData

const isFunction = (value: unknown) => typeof value === 'function'
const listContracts = z.custom<ListContracts>(isFunction, 'must be a function (underlying, expiry) → contracts')

/**
 * Zod schema of {@link BacktestData}: checks the shape (not the contents) of each kind; `runBacktest` applies it.
 *
 * @example
 * ```ts
 * backtestDataSchema.parse({ kind: 'sim' }) // { kind: 'sim', seed: 1 }
 * ```
 */
export const backtestDataSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sim'),
    seed: z.union([z.number().finite(), z.string().min(1)]).default(1),
    sim: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    kind: z.literal('ndjson'),
    path: z.string().min(1),
    onMalformed: z.enum(['fail', 'skip']).default('fail'),
    listContracts: listContracts.optional(),
  }),
  z.object({
    kind: z.literal('events'),
    events: z.custom<Iterable<MarketEvent> | AsyncIterable<MarketEvent>>(
      (value) =>
        typeof value === 'object' && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value),
      'must be an iterable or async iterable of market events',
    ),
    listContracts: listContracts.optional(),
  }),
  z.object({
    kind: z.literal('tick_archive'),
    bytes: z.instanceof(Uint8Array),
    listContracts: listContracts.optional(),
  }),
])
