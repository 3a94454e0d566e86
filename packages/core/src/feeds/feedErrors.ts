import { type BaseErrorOptions, PermanentError, RetryableError } from '../errors/baseError.js'

/**
 * A feed connection failed for a reason the adapter did not classify (a socket error, an unexpected close).
 * Retryable: the feed reconnects with backoff.
 *
 * @example
 * ```ts
 * context.fail(new FeedConnectionError('massive', 'WebSocket closed', { details: 'code 1006' }))
 * ```
 */
export class FeedConnectionError extends RetryableError {
  override name = 'FeedConnectionError'
  /** Name of the feed. */
  readonly feedName: string

  constructor(feedName: string, shortMessage: string, options: BaseErrorOptions = {}) {
    super(`${feedName} feed: ${shortMessage}`, { docsPath: 'guides/feeds.md', ...options })
    this.feedName = feedName
  }
}

/**
 * No message (event or heartbeat) arrived for `staleAfterMs` while instruments were subscribed, so the feed
 * treated the connection as dead and reconnected.
 *
 * @example
 * ```ts
 * feed.state$.subscribe((state) => {
 *   if (state.status === 'reconnecting' && state.error instanceof FeedStaleError) alertOps(state.error)
 * })
 * ```
 */
export class FeedStaleError extends RetryableError {
  override name = 'FeedStaleError'
  /** Name of the feed. */
  readonly feedName: string
  /** How long the connection had been silent, ms. */
  readonly silentForMs: number

  constructor(feedName: string, silentForMs: number) {
    super(`${feedName} feed: no message for ${silentForMs} ms, reconnecting`, { docsPath: 'guides/feeds.md' })
    this.feedName = feedName
    this.silentForMs = silentForMs
  }
}

/**
 * The feed gave up after `maxAttempts` consecutive failed connection attempts (or polls). The last failure is
 * the `cause`.
 *
 * @example
 * ```ts
 * await feed.connect().catch((error) => {
 *   if (error instanceof FeedRetriesExhaustedError) console.error(`gave up after ${error.attempts} attempts`)
 * })
 * ```
 */
export class FeedRetriesExhaustedError extends PermanentError {
  override name = 'FeedRetriesExhaustedError'
  /** Name of the feed. */
  readonly feedName: string
  /** Consecutive failed attempts. */
  readonly attempts: number

  constructor(feedName: string, attempts: number, cause: unknown) {
    super(`${feedName} feed: gave up after ${attempts} failed attempts`, { cause, docsPath: 'guides/feeds.md' })
    this.feedName = feedName
    this.attempts = attempts
  }
}

/**
 * The feed was closed: `connect()` after `close()`, or `close()` while a first connection was still pending.
 *
 * @example
 * ```ts
 * await feed.close()
 * await feed.connect() // rejects with FeedClosedError
 * ```
 */
export class FeedClosedError extends PermanentError {
  override name = 'FeedClosedError'
  /** Name of the feed. */
  readonly feedName: string

  constructor(feedName: string) {
    super(`${feedName} feed is closed`)
    this.feedName = feedName
  }
}
