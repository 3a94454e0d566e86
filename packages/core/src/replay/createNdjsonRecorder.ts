import type { Writable } from 'node:stream'
import { map, merge, type Observable, type Subscription } from 'rxjs'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { type MarketEvent, quoteEvent } from '../feeds/marketEvent.js'
import { serializeMarketEvent } from './serializeMarketEvent.js'

/** A running recording of a feed; see {@link createNdjsonRecorder}. */
export interface NdjsonRecorder {
  /** Events recorded so far (handed to the stream in 64 KB batches, at the latest when the current task ends). */
  readonly eventsWritten: number
  /** Stops recording and ends the output stream (when `endOutput`); resolves once the stream has flushed. */
  stop(): Promise<void>
  /** Resolves when recording ended (feed closed or `stop()`) and the output flushed; rejects on a stream error. */
  readonly done: Promise<void>
}

/** Options of {@link createNdjsonRecorder}. */
export interface NdjsonRecorderOptions {
  /** End the output stream when recording stops. @default true */
  endOutput?: boolean
}

/**
 * Records every quote, option quote, trade and bar a feed delivers, in arrival order, as NDJSON lines (see
 * `serializeMarketEvent`) on a Node writable stream. A replay of the file reproduces the events exactly.
 *
 * @param source - The feed (or any object with `quotes$`, `trades$`, `bars$`) to record. Subscribe it to the
 *   instruments to record; recording stops when its streams complete.
 * @param output - Where the lines go, e.g. `fs.createWriteStream('2025-11-21.ndjson')`.
 * @param options - Whether to end the output at the end.
 * @returns The recorder.
 * @example
 * ```ts
 * const recorder = createNdjsonRecorder(feed, createWriteStream('session.ndjson'))
 * await feed.close()
 * await recorder.done
 * ```
 */
export function createNdjsonRecorder(
  source: Pick<MarketDataFeed, 'quotes$' | 'trades$' | 'bars$'>,
  output: Writable,
  options: NdjsonRecorderOptions = {},
): NdjsonRecorder {
  const endOutput = options.endOutput ?? true
  let eventsWritten = 0
  let stopped = false
  let resolveDone: () => void = () => undefined
  let rejectDone: (error: unknown) => void = () => undefined
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve
    rejectDone = reject
  })
  let subscription: Subscription | undefined
  const onError = (error: unknown) => {
    subscription?.unsubscribe()
    rejectDone(error)
  }
  output.once('error', onError)

  const events: Observable<MarketEvent> = merge(
    source.quotes$.pipe(map(quoteEvent)),
    source.trades$.pipe(map((data): MarketEvent => ({ type: 'trade', data }))),
    source.bars$.pipe(map((data): MarketEvent => ({ type: 'bar', data }))),
  )

  // One stream write per line costs more than serialising it: lines are batched.
  let pending: string[] = []
  let pendingChars = 0
  let flushQueued = false
  const flush = () => {
    flushQueued = false
    if (pending.length === 0) return
    output.write(pending.join(''))
    pending = []
    pendingChars = 0
  }

  function finish(): Promise<void> {
    if (!stopped) {
      stopped = true
      flush()
      if (endOutput) {
        output.end(() => {
          output.off('error', onError)
          resolveDone()
        })
      } else {
        output.off('error', onError)
        resolveDone()
      }
    }
    return done
  }

  subscription = events.subscribe({
    next: (event) => {
      const line = `${serializeMarketEvent(event)}\n`
      pending.push(line)
      pendingChars += line.length
      eventsWritten++
      if (pendingChars >= 65_536) flush()
      else if (!flushQueued) {
        flushQueued = true
        queueMicrotask(flush)
      }
    },
    error: onError,
    complete: () => void finish(),
  })

  return {
    get eventsWritten() {
      return eventsWritten
    },
    stop() {
      subscription?.unsubscribe()
      return finish()
    },
    done,
  }
}
