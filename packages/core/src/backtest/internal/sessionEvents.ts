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
 * The events of one backtest session, paced for `createReplayFeed`, as a sequence of runs: each run is a batch the
 * replay reads lazily, one event at a time, and a run ends by itself before the first event that a clock timer or a
 * settle point precedes. Between runs every clock timer runs at its own instant, before the first event past it. At
 * each settle point (every `settleIntervalMs` of clock time from the session start, where the trading system's 1 s
 * and 30 s timers fall) the clock stops and the event loop turns once, so asynchronous work those timers started (a
 * decision round sending orders through the journal, an exit) completes at that instant, as it would live, instead
 * of whenever the replay next yields.
 *
 * Pacing depends only on the delivered events and the timers, never on how the source reads: a source that must
 * await (a file) is read ahead at settle points only, when no work is pending. A session and a replay of its
 * recording (the events passed to `onEvent`) are therefore the same computation. Events within a run cost no
 * promise: a simulated day is over a million events.
 *
 * @param options - Clock, end, source, filter.
 * @returns The runs of events to hand to `createReplayFeed`.
 */
export function sessionEvents(
  options: SessionEventsOptions,
): AsyncIterable<Iterable<MarketEvent>> & AsyncIterator<Iterable<MarketEvent>> {
  const { clock, endMs, accept, onEvent } = options
  const settle = options.settle ?? yieldToEventLoop
  const settleIntervalMs = options.settleIntervalMs ?? 1000
  let settleAtMs = clock.now() + settleIntervalMs
  let queue: MarketEvent[] = []
  let index = 0
  let exhausted = false
  let asynchronous = false
  let pendingRead: Promise<readonly MarketEvent[] | undefined> | undefined
  let finished: Promise<IteratorResult<Iterable<MarketEvent>>> | undefined

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
  const finish = (): Promise<IteratorResult<Iterable<MarketEvent>>> => {
    finished ??= advance(endMs).then(() => {
      clock.advanceTo(endMs)
      return DONE
    })
    return finished
  }
  /**
   * The next queued event, reading synchronous sources as needed; `undefined` when the queue is empty and the source
   * is exhausted or must be awaited (then `pendingRead` holds the read).
   */
  const peek = (): MarketEvent | undefined => {
    while (index >= queue.length) {
      if (pendingRead !== undefined) return undefined
      if (exhausted) return undefined
      const pulled = options.pull()
      if (pulled instanceof Promise) {
        asynchronous = true
        pendingRead = pulled
        return undefined
      }
      append(pulled)
    }
    return queue[index]
  }
  /** Whether the event must wait for a timer or a settle point before it is delivered. */
  const mustWait = (atMs: number): boolean => {
    if (atMs >= settleAtMs) return true
    const dueMs = clock.nextTimerMs()
    return dueMs !== undefined && dueMs <= atMs
  }

  // One run object, reused: its iterator result is reused too (the replay reads `value` before asking again).
  const step: IteratorYieldResult<MarketEvent> = { done: false, value: undefined as unknown as MarketEvent }
  const run: Iterable<MarketEvent> & Iterator<MarketEvent> = {
    [Symbol.iterator]() {
      return this
    },
    next(): IteratorResult<MarketEvent> {
      for (;;) {
        const event = peek()
        if (event === undefined) return DONE
        const atMs = eventTimeMs(event)
        if (atMs >= endMs || mustWait(atMs)) return DONE
        index++
        if (!accept(event)) continue
        onEvent?.(event)
        step.value = event
        return step
      }
    },
  }
  const running: IteratorYieldResult<Iterable<MarketEvent>> = { done: false, value: run }

  async function next(): Promise<IteratorResult<Iterable<MarketEvent>>> {
    if (finished) return finished
    let event = peek()
    while (event === undefined && pendingRead !== undefined) {
      // The first read of an asynchronous source (nothing is pending yet); later ones happen at settle points.
      const read = pendingRead
      pendingRead = undefined
      append(await read)
      await readAhead(settleAtMs)
      event = peek()
    }
    if (event === undefined) return finish()
    const atMs = eventTimeMs(event)
    if (atMs >= endMs) return finish()
    if (mustWait(atMs)) await advance(atMs)
    return running
  }

  return {
    next,
    [Symbol.asyncIterator]() {
      return this
    },
  }
}
