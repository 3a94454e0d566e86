import type { Subscription } from 'rxjs'
import type { Clock } from '../../clock/clock.js'
import type { BaseError } from '../../errors/baseError.js'
import type { FeedSession, FeedSessionContext } from '../feedAdapter.js'
import type { FeedOutlets } from './feedOutlets.js'

/** One connection attempt and, once open, its session. */
export interface Attempt {
  active: boolean
  session: FeedSession | undefined
  gotMessage: boolean
  lastActivityMs: number
  /** Fails the attempt when `open()` takes longer than `openTimeoutMs`. */
  openTimer: Subscription | undefined
}

/** What a session context reports back to the feed. */
export interface SessionHooks {
  /** A message arrived on this attempt. */
  touch(attempt: Attempt): void
  /** A non-fatal problem. */
  report(error: BaseError): void
  /** The attempt's connection died. */
  fail(attempt: Attempt, error: BaseError): void
  /** The source is exhausted. */
  end(): void
}

/**
 * Builds the context handed to one `open()` call. Everything it receives after the attempt is no longer active
 * (replaced, failed, closed) is ignored, so a late message from a dead socket cannot leak into the streams.
 */
export function createSessionContext(
  attempt: Attempt,
  attemptNumber: number,
  clock: Clock,
  outlets: FeedOutlets,
  hooks: SessionHooks,
): FeedSessionContext {
  return {
    clock,
    attempt: attemptNumber,
    get active() {
      return attempt.active
    },
    emitQuote(quote) {
      if (!attempt.active) return
      hooks.touch(attempt)
      outlets.quote(quote)
    },
    emitTrade(trade) {
      if (!attempt.active) return
      hooks.touch(attempt)
      outlets.trade(trade)
    },
    emitBar(bar) {
      if (!attempt.active) return
      hooks.touch(attempt)
      outlets.bar(bar)
    },
    emit(event) {
      if (!attempt.active) return
      hooks.touch(attempt)
      outlets.event(event)
    },
    heartbeat() {
      if (attempt.active) hooks.touch(attempt)
    },
    reportError(error) {
      if (attempt.active) hooks.report(error)
    },
    fail(error) {
      hooks.fail(attempt, error)
    },
    end() {
      if (attempt.active) hooks.end()
    },
    isSubscribed(instrumentId) {
      return outlets.subscribed.has(instrumentId)
    },
  }
}
