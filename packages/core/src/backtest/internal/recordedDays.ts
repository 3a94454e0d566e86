import { eventTimeMs, type MarketEvent } from '../../feeds/marketEvent.js'
import type { RecordingReader } from './recordedCursor.js'
import type { EventBatchPuller } from './sessionEvents.js'

/**
 * Splits one recording, read once from the start, into the sessions of consecutive trading days. Events before a
 * session's start are skipped (pre-market, overnight); the first event at or after its end closes the session and
 * is kept for the next one. Events are otherwise delivered in recorded order.
 */
export class RecordedDays {
  private pending: readonly MarketEvent[] = []
  private index = 0
  private exhausted = false
  /** Events skipped because they fell outside every session. */
  skippedEvents = 0

  constructor(private readonly read: RecordingReader) {}

  /**
   * The events of one session.
   *
   * @param startMs - Session start, epoch ms.
   * @param endMs - Session end, epoch ms.
   * @returns A puller for `sessionEvents`.
   */
  session(startMs: number, endMs: number): EventBatchPuller {
    let ended = false
    const take = (): readonly MarketEvent[] | undefined => {
      const out: MarketEvent[] = []
      while (this.index < this.pending.length) {
        const event = this.pending[this.index] as MarketEvent
        const atMs = eventTimeMs(event)
        if (atMs >= endMs) {
          ended = true
          break
        }
        this.index++
        if (atMs < startMs) this.skippedEvents++
        else out.push(event)
      }
      return out
    }
    const pull = (): readonly MarketEvent[] | undefined | Promise<readonly MarketEvent[] | undefined> => {
      for (;;) {
        if (ended) return undefined
        if (this.index >= this.pending.length) {
          if (this.exhausted) return undefined
          const next = this.read()
          if (next instanceof Promise) return next.then((batch) => this.accept(batch)).then(pull)
          this.accept(next)
          continue
        }
        const out = take()
        if (out !== undefined && out.length > 0) return out
      }
    }
    return pull
  }

  private accept(batch: readonly MarketEvent[] | undefined): void {
    if (batch === undefined) this.exhausted = true
    else {
      this.pending = batch
      this.index = 0
    }
  }
}
