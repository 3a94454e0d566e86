import { firstValueFrom, timer } from 'rxjs'
import { z } from 'zod'
import { type Clock, wallClock } from '../clock/clock.js'
import { yieldToEventLoop } from '../clock/internal/yieldToEventLoop.js'
import { isVirtualClock, type VirtualClock } from '../clock/virtualClock.js'
import { parseConfig } from '../config/parseConfig.js'
import { BaseError } from '../errors/baseError.js'
import { createFeed, type ManagedFeed } from '../feeds/createFeed.js'
import type { FeedAdapter, FeedSessionContext } from '../feeds/feedAdapter.js'
import type { FeedCapabilities } from '../feeds/marketDataFeed.js'
import { eventTimeMs, type MarketEvent } from '../feeds/marketEvent.js'
import { type MalformedLinePolicy, readNdjsonBatches } from './readNdjsonEvents.js'
import { ReplaySourceError } from './replayErrors.js'

/**
 * Where a replay's events come from: an NDJSON recording path, an iterable of events, or an async iterable of events
 * or of batches of events. A batch (any iterable of events) is read lazily, each event delivered before the next is
 * taken, so a batch may end early on its own; events within a batch cost no promise.
 */
export type ReplaySource = string | AsyncIterable<MarketEvent | Iterable<MarketEvent>> | Iterable<MarketEvent>

/** Options of {@link createReplayFeed}. */
export interface ReplayFeedOptions {
  /** An NDJSON recording path, or any (async) iterable of events or batches of events, e.g. a DBN decoder's output. */
  source: ReplaySource
  /** The virtual clock the replay drives: it is advanced to each event's time before the event is delivered. */
  clock: VirtualClock
  /** `max` plays as fast as possible; a number N plays at N× real time, paced by `pacingClock`. @default 'max' */
  speed?: 'max' | number
  /** Real-time clock that paces N× playback; never the replay's own clock. @default wallClock() */
  pacingClock?: Clock
  /** Longest pacing wait before the virtual clock catches up with elapsed real time, ms. @default 50 */
  pacingStepMs?: number
  /** What to do with a malformed recording line (file sources). @default 'fail' */
  onMalformed?: MalformedLinePolicy
  /** Feed name. @default 'replay' */
  name?: string
  /** What the recording holds; defaults claim quotes, trades, bars, options and indices. */
  capabilities?: Partial<FeedCapabilities>
  /** At `max` speed, events delivered between yields to the event loop (so I/O and `close()` get a turn). @default 1024 */
  yieldEvery?: number
}

const optionsSchema = z
  .object({
    source: z.custom<ReplaySource>(
      (value) =>
        typeof value === 'string' ||
        (typeof value === 'object' && value !== null && (Symbol.asyncIterator in value || Symbol.iterator in value)),
      'must be a file path or an iterable of market events',
    ),
    clock: z.custom<VirtualClock>((value) => isVirtualClock(value as Clock), 'must be a VirtualClock'),
    speed: z.union([z.literal('max'), z.number().positive()]).default('max'),
    pacingClock: z
      .custom<Clock>((value) => typeof (value as Clock | undefined)?.now === 'function', 'must be a Clock')
      .optional(),
    pacingStepMs: z.number().positive().default(50),
    onMalformed: z.enum(['fail', 'skip']).default('fail'),
    name: z.string().min(1).default('replay'),
    capabilities: z
      .object({
        quotes: z.boolean(),
        trades: z.boolean(),
        bars: z.boolean(),
        options: z.boolean(),
        indices: z.boolean(),
        vendorGreeks: z.boolean(),
        chainListing: z.boolean(),
        historical: z.boolean(),
      })
      .partial()
      .optional(),
    yieldEvery: z.number().int().positive().default(1024),
  })
  .refine((options) => options.pacingClock !== options.clock, {
    message: 'must not be the replay clock itself',
    path: ['pacingClock'],
  })

/** Whether an item of a replay source is one event rather than a batch of them. */
const isMarketEvent = (item: MarketEvent | Iterable<MarketEvent>): item is MarketEvent => !(Symbol.iterator in item)

const DEFAULT_CAPABILITIES: FeedCapabilities = {
  quotes: true,
  trades: true,
  bars: true,
  options: true,
  indices: true,
  vendorGreeks: false,
  chainListing: false,
  historical: true,
}

/**
 * Plays recorded events through the same feed pipeline as a live feed, on a virtual clock: as fast as possible, or
 * at N× real time. Before each event the virtual clock advances to the event's time (the end of the interval for
 * bars), so every timer downstream fires exactly as it would have live. Events out of time order are delivered as
 * recorded (validation downstream flags them) while the clock never goes backwards. Only subscribed instruments
 * are delivered; subscribe before `connect()`. The feed closes without error when the source is exhausted.
 *
 * @param options - Source, virtual clock, speed.
 * @returns The feed.
 * @throws {ConfigError} When `options` are invalid.
 * @example
 * ```ts
 * const clock = createVirtualClock(nyTimeToMs('2025-11-21', '09:30'))
 * const replay = createReplayFeed({ source: 'recordings/2025-11-21.ndjson', clock, speed: 'max' })
 * replay.subscribe([equity('SPY')])
 * await replay.connect()
 * ```
 */
export function createReplayFeed(options: ReplayFeedOptions): ManagedFeed {
  const config = parseConfig(optionsSchema, options, 'replay feed options')
  const { clock, speed, source } = config
  const pacingClock = config.pacingClock ?? wallClock()
  const adapter: FeedAdapter = {
    name: config.name,
    capabilities: { ...DEFAULT_CAPABILITIES, ...config.capabilities },
    async open(context) {
      void play(context)
      return { subscribe: () => undefined, unsubscribe: () => undefined, close: () => undefined }
    },
  }

  async function play(context: FeedSessionContext): Promise<void> {
    // Let the caller's continuation after `connect()` run (and subscribe) before the first event.
    await yieldToEventLoop()
    const virtualStartMs = clock.now()
    const wallStartMs = pacingClock.now()
    let sinceYield = 0
    const emitAt = (event: MarketEvent, atMs: number): void => {
      clock.advanceTo(atMs)
      context.emit(event)
    }
    const pacedDeliver = async (event: MarketEvent, atMs: number, rate: number): Promise<boolean> => {
      await paceUntil(atMs, virtualStartMs, wallStartMs, rate)
      if (!context.active) return false
      emitAt(event, atMs)
      return true
    }
    /**
     * Delivers one event at its time; false once the feed is closed. Synchronous unless it has to wait (pacing, or
     * the periodic yield), so replaying at full speed costs no promise per event.
     */
    const deliver = (event: MarketEvent): boolean | Promise<boolean> => {
      if (!context.active) return false
      const atMs = eventTimeMs(event)
      if (speed !== 'max') return pacedDeliver(event, atMs, speed)
      emitAt(event, atMs)
      if (++sinceYield >= config.yieldEvery) {
        sinceYield = 0
        return yieldToEventLoop().then(() => true)
      }
      return true
    }
    try {
      if (typeof source === 'string') {
        const options = { onMalformed: config.onMalformed, onMalformedLine: context.reportError }
        for await (const batch of readNdjsonBatches(source, options)) {
          for (const event of batch) {
            const result = deliver(event)
            if (!(typeof result === 'boolean' ? result : await result)) return
          }
        }
      } else {
        for await (const item of source) {
          if (isMarketEvent(item)) {
            const result = deliver(item)
            if (!(typeof result === 'boolean' ? result : await result)) return
            continue
          }
          for (const event of item) {
            const result = deliver(event)
            if (!(typeof result === 'boolean' ? result : await result)) return
          }
        }
      }
      if (context.active) context.end()
    } catch (error) {
      const permanent =
        error instanceof BaseError && !error.retryable
          ? error
          : new ReplaySourceError('Replay source failed', { cause: error })
      context.fail(permanent)
    }
  }

  /** Waits in real time until `atMs` is due at `speed`×, advancing the virtual clock as real time passes. */
  async function paceUntil(atMs: number, virtualStartMs: number, wallStartMs: number, rate: number): Promise<void> {
    const dueWallMs = wallStartMs + (atMs - virtualStartMs) / rate
    for (let wallNow = pacingClock.now(); wallNow < dueWallMs; wallNow = pacingClock.now()) {
      clock.advanceTo(virtualStartMs + (wallNow - wallStartMs) * rate)
      const waitMs = Math.min(dueWallMs - wallNow, config.pacingStepMs)
      await firstValueFrom(timer(waitMs, pacingClock.scheduler))
    }
  }

  return createFeed(adapter, { clock, staleAfterMs: 0, maxAttempts: 1 })
}
