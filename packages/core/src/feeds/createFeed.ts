import { type Observable, ReplaySubject, type Subscription, timer } from 'rxjs'
import { parseConfig } from '../config/parseConfig.js'
import { BaseError } from '../errors/baseError.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createPrng, hashSeed } from '../sim/prng.js'
import { backoffDelayMs } from './backoffDelay.js'
import { type CreateFeedOptions, createFeedOptionsSchema } from './createFeedOptions.js'
import type { FeedAdapter, FeedSession } from './feedAdapter.js'
import { FeedClosedError, FeedConnectionError, FeedRetriesExhaustedError, FeedStaleError } from './feedErrors.js'
import { FeedOutlets } from './internal/feedOutlets.js'
import { type Attempt, createSessionContext, type SessionHooks } from './internal/sessionContext.js'
import type { FeedState, MarketDataFeed } from './marketDataFeed.js'
import type { MarketEvent } from './marketEvent.js'

/** A {@link MarketDataFeed} built by {@link createFeed}, with its non-fatal errors and a synchronous state read. */
export interface ManagedFeed extends MarketDataFeed {
  /**
   * Problems that did not end the connection: a rejected subscription, a message that failed validation, a
   * malformed recording line. Connection failures show in `state$` instead.
   */
  readonly errors$: Observable<BaseError>
  /** The state `state$` last emitted. */
  currentState(): FeedState
}

function asFeedError(feedName: string, error: unknown): BaseError {
  if (error instanceof BaseError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new FeedConnectionError(feedName, message, { cause: error })
}

/**
 * Turns a {@link FeedAdapter} (which only speaks its protocol) into a full {@link MarketDataFeed}: connection state
 * as an observable union, reconnects with capped exponential backoff and full jitter, resubscription of everything
 * subscribed after each reconnect, stale detection, fallback to polling when streaming keeps failing (and a return
 * to streaming later), and a clean close on permanent errors. Only events of subscribed instruments pass.
 *
 * @param adapter - The protocol: `open`, optional `poll` and `listOptionChain`.
 * @param options - Clock and retry policy, validated with zod.
 * @returns The feed.
 * @throws {ConfigError} When `options` are invalid.
 * @example
 * ```ts
 * const feed = createFeed(myWebSocketAdapter, { clock: wallClock(), maxRetryDelayMs: 10_000 })
 * feed.quotes$.subscribe((quote) => handle(quote))
 * feed.subscribe([equity('SPY')])
 * await feed.connect()
 * ```
 */
export function createFeed(adapter: FeedAdapter, options: CreateFeedOptions): ManagedFeed {
  const config = parseConfig(createFeedOptionsSchema, options, `${adapter.name} feed options`)
  const { clock } = config
  const scheduler = clock.scheduler
  const random = config.random ?? seededRandom(adapter.name, clock.now())
  const name = adapter.name

  let state: FeedState = { status: 'idle' }
  const state$ = new ReplaySubject<FeedState>(1)
  state$.next(state)
  const outlets = new FeedOutlets()
  const subscribed = outlets.subscribed

  let closed = false
  let current: Attempt | undefined
  let failures = 0
  let polling = false
  let pollInFlight = false
  let pollFailures = 0
  let retryTimer: Subscription | undefined
  let staleTimer: Subscription | undefined
  let pollTimer: Subscription | undefined
  let connectPromise: Promise<void> | undefined
  let settleConnect: ((error?: BaseError) => void) | undefined

  function setState(next: FeedState): void {
    state = next
    state$.next(next)
  }

  function report(error: unknown): void {
    if (!closed) outlets.errors$.next(asFeedError(name, error))
  }

  function live(mode: 'streaming' | 'polling'): void {
    if (state.status !== 'live' || state.mode !== mode) setState({ status: 'live', sinceMs: clock.now(), mode })
    settleConnect?.()
    settleConnect = undefined
  }

  const trackActivity = config.staleAfterMs > 0

  function touch(attempt: Attempt): void {
    if (trackActivity) attempt.lastActivityMs = clock.now()
    if (!attempt.gotMessage) {
      // A session that delivered something counts as healthy: the backoff sequence starts over.
      attempt.gotMessage = true
      failures = 0
    }
  }

  const hooks: SessionHooks = {
    touch,
    report,
    fail: (attempt, error) => failAttempt(attempt, error),
    end: () => void finish(undefined),
  }

  function startAttempt(): void {
    retryTimer = undefined
    if (closed) return
    const attempt: Attempt = {
      active: true,
      session: undefined,
      gotMessage: false,
      lastActivityMs: clock.now(),
      openTimer: undefined,
    }
    current = attempt
    const attemptNumber = failures + 1
    // While polling, streaming is retried in the background: the state stays `live` (polling) meanwhile.
    if (!polling) setState({ status: 'connecting', attempt: attemptNumber })
    let opening: Promise<FeedSession>
    try {
      opening = adapter.open(createSessionContext(attempt, attemptNumber, clock, outlets, hooks))
    } catch (error) {
      opening = Promise.reject(error)
    }
    const timeoutMs = config.openTimeoutMs
    if (timeoutMs > 0) {
      // A connect that hangs (a silently dropped SYN, a gateway that never answers) must not stall the feed.
      attempt.openTimer = timer(timeoutMs, scheduler).subscribe(() =>
        failAttempt(attempt, new FeedConnectionError(name, `no connection after ${timeoutMs} ms`)),
      )
    }
    opening.then(
      (session) => {
        attempt.openTimer?.unsubscribe()
        onOpen(attempt, session)
      },
      (error: unknown) => {
        attempt.openTimer?.unsubscribe()
        failAttempt(attempt, asFeedError(name, error))
      },
    )
  }

  function onOpen(attempt: Attempt, session: FeedSession): void {
    if (!attempt.active) {
      void closeSession(session)
      return
    }
    attempt.session = session
    attempt.lastActivityMs = clock.now()
    stopPolling()
    live('streaming')
    if (subscribed.size > 0) sendToSession(attempt, 'subscribe', [...subscribed.values()])
    armStaleCheck(attempt, config.staleAfterMs)
  }

  function failAttempt(attempt: Attempt, error: BaseError): void {
    if (!attempt.active) return
    attempt.active = false
    attempt.openTimer?.unsubscribe()
    if (current === attempt) current = undefined
    staleTimer?.unsubscribe()
    staleTimer = undefined
    if (attempt.session) void closeSession(attempt.session)
    if (!error.retryable) {
      void finish(error)
      return
    }
    failures++
    if (polling) {
      scheduleAttempt(config.streamRetryIntervalMs)
      return
    }
    if (adapter.poll && failures >= config.pollAfterFailures) {
      startPolling()
      return
    }
    if (failures >= config.maxAttempts) {
      void finish(new FeedRetriesExhaustedError(name, failures, error))
      return
    }
    const delayMs = backoffDelayMs(failures, config.initialRetryDelayMs, config.maxRetryDelayMs, random)
    setState({ status: 'reconnecting', attempt: failures + 1, retryInMs: delayMs, error })
    scheduleAttempt(delayMs)
  }

  function scheduleAttempt(delayMs: number): void {
    retryTimer?.unsubscribe()
    retryTimer = timer(delayMs, scheduler).subscribe(startAttempt)
  }

  function armStaleCheck(attempt: Attempt, delayMs: number): void {
    staleTimer?.unsubscribe()
    staleTimer = undefined
    if (config.staleAfterMs === 0) return
    staleTimer = timer(delayMs, scheduler).subscribe(() => {
      if (!attempt.active) return
      const now = clock.now()
      // With nothing subscribed a healthy feed may say nothing at all.
      if (subscribed.size === 0) attempt.lastActivityMs = now
      const silentForMs = now - attempt.lastActivityMs
      if (silentForMs >= config.staleAfterMs) failAttempt(attempt, new FeedStaleError(name, silentForMs))
      else armStaleCheck(attempt, config.staleAfterMs - silentForMs)
    })
  }

  function startPolling(): void {
    polling = true
    pollFailures = 0
    pollTimer?.unsubscribe()
    pollTimer = timer(0, config.pollIntervalMs, scheduler).subscribe(pollOnce)
    scheduleAttempt(config.streamRetryIntervalMs)
  }

  function stopPolling(): void {
    polling = false
    pollTimer?.unsubscribe()
    pollTimer = undefined
  }

  function pollOnce(): void {
    const poll = adapter.poll
    if (!poll || pollInFlight || closed) return
    if (subscribed.size === 0) {
      live('polling')
      return
    }
    pollInFlight = true
    let request: Promise<readonly MarketEvent[]>
    try {
      request = poll.call(adapter, [...subscribed.values()])
    } catch (error) {
      request = Promise.reject(error)
    }
    request.then(
      (events) => {
        pollInFlight = false
        if (!polling || closed) return
        pollFailures = 0
        live('polling')
        for (const event of events) outlets.event(event)
      },
      (error: unknown) => {
        pollInFlight = false
        if (!polling || closed) return
        const feedError = asFeedError(name, error)
        pollFailures++
        if (!feedError.retryable) void finish(feedError)
        else if (pollFailures >= config.maxAttempts)
          void finish(new FeedRetriesExhaustedError(name, pollFailures, error))
        else
          setState({
            status: 'reconnecting',
            attempt: pollFailures + 1,
            retryInMs: config.pollIntervalMs,
            error: feedError,
          })
      },
    )
  }

  function sendToSession(attempt: Attempt, method: 'subscribe' | 'unsubscribe', batch: Instrument[]): void {
    const session = attempt.session
    if (!session || !attempt.active) return
    const onError = (error: unknown) => {
      const feedError = asFeedError(name, error)
      if (feedError.retryable) failAttempt(attempt, feedError)
      else report(feedError)
    }
    try {
      const result = session[method](batch)
      if (result) result.catch(onError)
    } catch (error) {
      onError(error)
    }
  }

  async function closeSession(session: FeedSession): Promise<void> {
    try {
      await session.close()
    } catch (error) {
      report(error)
    }
  }

  function finish(error: BaseError | undefined): Promise<void> {
    if (closed) return Promise.resolve()
    const attempt = current
    current = undefined
    retryTimer?.unsubscribe()
    staleTimer?.unsubscribe()
    stopPolling()
    let sessionClosed = Promise.resolve()
    if (attempt) {
      attempt.active = false
      attempt.openTimer?.unsubscribe()
      if (attempt.session) sessionClosed = closeSession(attempt.session)
    }
    closed = true
    setState(error ? { status: 'closed', error } : { status: 'closed' })
    settleConnect?.(error ?? new FeedClosedError(name))
    settleConnect = undefined
    state$.complete()
    outlets.complete()
    return sessionClosed
  }

  function changeSubscriptions(instruments: readonly Instrument[], add: boolean): void {
    if (closed) return
    const batch: Instrument[] = []
    const wasEmpty = subscribed.size === 0
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (subscribed.has(id) === add) continue
      if (add) subscribed.set(id, instrument)
      else subscribed.delete(id)
      batch.push(instrument)
    }
    if (batch.length === 0 || !current) return
    // Silence before the first subscription says nothing about the connection.
    if (add && wasEmpty) current.lastActivityMs = clock.now()
    sendToSession(current, add ? 'subscribe' : 'unsubscribe', batch)
  }

  const feed: ManagedFeed = {
    name,
    capabilities: adapter.capabilities,
    state$: state$.asObservable(),
    quotes$: outlets.quotes$.observable,
    trades$: outlets.trades$.observable,
    bars$: outlets.bars$.observable,
    errors$: outlets.errors$.asObservable(),
    currentState: () => state,
    connect() {
      if (closed) return Promise.reject(new FeedClosedError(name))
      if (!connectPromise) {
        connectPromise = new Promise<void>((resolve, reject) => {
          settleConnect = (error) => (error ? reject(error) : resolve())
        })
        startAttempt()
      }
      return connectPromise
    },
    subscribe: (instruments) => changeSubscriptions(instruments, true),
    unsubscribe: (instruments) => changeSubscriptions(instruments, false),
    subscriptions: () => new Set(subscribed.keys()),
    close: () => finish(undefined),
  }
  if (adapter.listOptionChain) {
    const list = adapter.listOptionChain.bind(adapter)
    return { ...feed, listOptionChain: (underlying, expiry) => list(underlying, expiry) }
  }
  return feed
}

function seededRandom(feedName: string, nowMs: number): () => number {
  const prng = createPrng(hashSeed(feedName, nowMs))
  return () => prng.next()
}
