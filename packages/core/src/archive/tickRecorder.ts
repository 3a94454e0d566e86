import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { merge, type Subscription } from 'rxjs'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { createTickArchiveEncoder, type TickArchiveOptions } from './tickArchiveEncoder.js'

/** A running recording. */
export interface TickRecorder {
  /** Events written so far. */
  readonly eventCount: () => number
  /** Bytes handed to the output so far (header and finished blocks). */
  readonly byteCount: () => number
  /** Stops recording, writes the last block and ends the output; resolves when the output has finished. */
  stop(): Promise<void>
}

/**
 * Records every quote, trade and bar a feed emits into a tick archive written to `output` (a file stream, say).
 * Blocks are written as they fill, so memory stays bounded however long the session; `stop()` writes the last
 * partial block. Respects back-pressure: when the output's buffer is full, blocks queue in the stream, which the
 * caller can observe through `output.writableLength`.
 *
 * @param feed - The feed to record (live, simulated or replayed).
 * @param output - Where the archive bytes go.
 * @param options - Encoding options.
 * @returns The recorder.
 * @example
 * ```ts
 * const recorder = recordTicks(feed, createWriteStream('session.s0ta'))
 * // … later
 * await recorder.stop()
 * ```
 */
export function recordTicks(feed: MarketDataFeed, output: Writable, options: TickArchiveOptions = {}): TickRecorder {
  const encoder = createTickArchiveEncoder(options)
  let events = 0
  let bytes = 0
  const put = (chunk: Uint8Array) => {
    bytes += chunk.length
    output.write(chunk)
  }
  put(encoder.header)
  const subscription: Subscription = merge(feed.quotes$, feed.trades$, feed.bars$).subscribe((event) => {
    events++
    const block = encoder.write(event)
    if (block) put(block)
  })
  let stopped: Promise<void> | undefined
  return {
    eventCount: () => events,
    byteCount: () => bytes,
    stop() {
      stopped ??= (async () => {
        subscription.unsubscribe()
        const last = encoder.flush()
        if (last) put(last)
        output.end()
        if (!output.writableFinished) await once(output, 'finish')
      })()
      return stopped
    },
  }
}
