import { yieldToEventLoop } from '../../clock/internal/yieldToEventLoop.js'
import type { VirtualClock } from '../../clock/virtualClock.js'
import { eventTimeMs, type MarketEvent } from '../../feeds/marketEvent.js'

/**
 * The next events of a session, in delivery order, or `undefined` when the session has no more. Synchronous where
 * the source allows (the simulator, data in memory), a promise where it must read (a file, a stream).
 */
export type EventBatchPuller = () => readonly MarketEvent[] | undefined | Promise<readonly MarketEvent[] | undefined>

/** Options of {@link sessionEvents}. */
export interface SessionEventsOptions {
  /** The virtual clock of the system under test, at the session start (the replay feed advances it to each event). */
  readonly clock: VirtualClock
  /** End of the session: events at or after it are not delivered, and timers run up to it. */
  readonly endMs: number
  /** Where events come from. */
  readonly pull: EventBatchPuller
  /** Whether an event is delivered (the instruments subscribed right now). */
  readonly accept: (event: MarketEvent) => boolean
  /** Sees every delivered event just before the replay delivers it (recording, counting). */
  readonly onEvent?: (event: MarketEvent) => void
  /** Clock interval of the settle points, ms from the session start. @default 1000 */
  readonly settleIntervalMs?: number
  /** Lets pending asynchronous work finish. @default one turn of the Node event loop */
  readonly settle?: () => Promise<void>
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined }

/**
 * The events of one backtest session, paced for `createReplayFeed`. Every clock timer runs at its own instant, before
 * the first event past it. At each settle point (every `settleIntervalMs` of clock time from the session start, where
 * the trading system's 1 s and 30 s timers fall) the clock stops and the event loop turns once, so asynchronous work
 * those timers started (a decision round sending orders through the journal, an exit) completes at that instant, as
 * it would live, instead of whenever the replay next yields.
 *
 * Pacing depends only on the delivered events and the timers, never on how the source reads: a source that must
 * await (a file) is read ahead at settle points only, when no work is pending. A session and a replay of its
 * recording (the events passed to `onEvent`) are therefore the same computation. Written as a plain iterator, not
 * an async generator: it is called once per market event, a million times a simulated day.
 *
 * @param options - Clock, end, source, filter.
 * @returns The events to hand to `createReplayFeed`.
 */
export function sessionEvents(options: SessionEventsOptions): AsyncIterable<MarketEvent> & AsyncIterator<MarketEvent> {
  const { clock, endMs, accept, onEvent } = options
  const settle = options.settle ?? yieldToEventLoop
  const settleIntervalMs = options.settleIntervalMs ?? 1000
  let settleAtMs = clock.now() + settleIntervalMs
  let queue: MarketEvent[] = []
  let index = 0
  let exhausted = false
  let asynchronous = false
  let finished: Promise<IteratorResult<MarketEvent>> | undefined

  const lastQueuedMs = () => {
    const last = queue[queue.length - 1]
    return index < queue.length && last !== undefined ? eventTimeMs(last) : Number.NEGATIVE_INFINITY
  }
  const append = (batch: readonly MarketEvent[] | undefined) => {
    if (batch === undefined) {
      exhausted = true
      return
    }
    // Keep only what is still to be delivered, so reading ahead never accumulates the day.
    queue = index >= queue.length ? [...batch] : [...queue.slice(index), ...batch]
    index = 0
  }
  /** Reads until an event at or after `untilMs` is queued (sources that await are read only here and at start). */
  const readAhead = async (untilMs: number): Promise<void> => {
    while (!exhausted && lastQueuedMs() < untilMs) {
      const pulled = options.pull()
      if (pulled instanceof Promise) asynchronous = true
      append(pulled instanceof Promise ? await pulled : pulled)
    }
  }
  /** Runs every timer and settle point up to `untilMs`, each at its own instant. */
  const advance = async (untilMs: number): Promise<void> => {
    for (;;) {
      const dueMs = clock.nextTimerMs() ?? Number.POSITIVE_INFINITY
      const stopMs = Math.min(dueMs, settleAtMs)
      if (stopMs > untilMs) return
      clock.advanceTo(stopMs)
      if (stopMs === settleAtMs) {
        await settle()
        settleAtMs += settleIntervalMs
        if (asynchronous) await readAhead(settleAtMs)
      }
    }
  }
  const finish = (): Promise<IteratorResult<MarketEvent>> => {
    finished ??= advance(endMs).then(() => {
      clock.advanceTo(endMs)
      return DONE
    })
    return finished
  }
  const deliver = (event: MarketEvent): IteratorResult<MarketEvent> | undefined => {
    if (!accept(event)) return undefined
    onEvent?.(event)
    return { done: false, value: event }
  }
  const afterAdvance = (event: MarketEvent, atMs: number): Promise<IteratorResult<MarketEvent>> =>
    advance(atMs).then(() => deliver(event) ?? next())

  function next(): Promise<IteratorResult<MarketEvent>> {
    if (finished) return finished
    for (;;) {
      if (index >= queue.length) {
        if (exhausted) return finish()
        const pulled = options.pull()
        if (pulled instanceof Promise) {
          // The first read of an asynchronous source (nothing is pending yet); later ones happen at settle points.
          asynchronous = true
          return pulled.then((batch) => {
            append(batch)
            return readAhead(settleAtMs).then(next)
          })
        }
        append(pulled)
        continue
      }
      const event = queue[index++] as MarketEvent
      const atMs = eventTimeMs(event)
      if (atMs >= endMs) return finish()
      const dueMs = clock.nextTimerMs()
      if (atMs >= settleAtMs || (dueMs !== undefined && dueMs <= atMs)) return afterAdvance(event, atMs)
      const result = deliver(event)
      if (result) return Promise.resolve(result)
    }
  }

  return {
    next,
    [Symbol.asyncIterator]() {
      return this
    },
  }
}
