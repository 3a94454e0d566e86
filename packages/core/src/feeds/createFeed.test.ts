import { describe, expect, it } from 'vitest'
import { createVirtualClock, type VirtualClock } from '../clock/virtualClock.js'
import { PermanentError, RetryableError } from '../errors/baseError.js'
import { ConfigError } from '../errors/configError.js'
import { equity } from '../instruments/instrument.js'
import { backoffCeilingMs } from './backoffDelay.js'
import { createFeed, type ManagedFeed } from './createFeed.js'
import type { CreateFeedOptions } from './createFeedOptions.js'
import { FeedClosedError, FeedConnectionError, FeedRetriesExhaustedError, FeedStaleError } from './feedErrors.js'
import type { FeedState } from './marketDataFeed.js'
import { createScriptedAdapter, type ScriptedAdapter, testQuote } from './scriptedAdapter.fixture.js'

const START = Date.UTC(2025, 10, 21, 14, 30)
const SPY = equity('SPY')
const QQQ = equity('QQQ')
const IWM = equity('IWM')

const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Advances to `targetMs` one timer at a time, letting promises settle at each timer's instant. */
async function runUntil(clock: VirtualClock, targetMs: number): Promise<void> {
  await settle()
  for (let next = clock.nextTimerMs(); next !== undefined && next <= targetMs; next = clock.nextTimerMs()) {
    clock.advanceTo(next)
    await settle()
  }
  clock.advanceTo(targetMs)
  await settle()
}

interface Harness {
  clock: VirtualClock
  adapter: ScriptedAdapter
  feed: ManagedFeed
  states: FeedState[]
}

function setup(options: Partial<CreateFeedOptions> = {}, withPoll = false): Harness {
  const clock = createVirtualClock(START)
  const adapter = createScriptedAdapter({ withPoll, nowMs: () => clock.now() })
  const feed = createFeed(adapter, { clock, ...options })
  const states: FeedState[] = []
  feed.state$.subscribe((state) => states.push(state))
  return { clock, adapter, feed, states }
}

const retryable = (message = 'socket closed') => new RetryableError(message)

describe('createFeed', () => {
  it('goes idle → connecting → live and resolves connect', async () => {
    const { feed, states, clock } = setup()
    expect(feed.currentState()).toEqual({ status: 'idle' })
    await feed.connect()
    expect(states).toEqual([
      { status: 'idle' },
      { status: 'connecting', attempt: 1 },
      { status: 'live', sinceMs: clock.now(), mode: 'streaming' },
    ])
  })

  it('replays the current state to late subscribers', async () => {
    const { feed } = setup()
    await feed.connect()
    const late: FeedState[] = []
    feed.state$.subscribe((state) => late.push(state))
    expect(late.map((state) => state.status)).toEqual(['live'])
  })

  it('backs off exponentially up to the cap', async () => {
    const { feed, adapter, states, clock } = setup({
      initialRetryDelayMs: 1_000,
      maxRetryDelayMs: 8_000,
      random: () => 0.999_999,
    })
    adapter.script.push(...Array.from({ length: 6 }, () => retryable()))
    const connected = feed.connect()
    await runUntil(clock, START + 120_000)
    await connected
    const waits = states.flatMap((state) => (state.status === 'reconnecting' ? [state.retryInMs] : []))
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    const gaps = adapter.openedAtMs.slice(1).map((at, i) => at - (adapter.openedAtMs[i] ?? 0))
    expect(gaps).toEqual(waits)
    expect(states.at(-1)).toMatchObject({ status: 'live' })
  })

  it('numbers attempts and carries the error while reconnecting', async () => {
    const { feed, adapter, states, clock } = setup({ random: () => 0 })
    const error = retryable('refused')
    adapter.script.push(error)
    const connected = feed.connect()
    await runUntil(clock, START + 10)
    await connected
    expect(states.slice(1)).toEqual([
      { status: 'connecting', attempt: 1 },
      { status: 'reconnecting', attempt: 2, retryInMs: 0, error },
      { status: 'connecting', attempt: 2 },
      { status: 'live', sinceMs: START, mode: 'streaming' },
    ])
  })

  it('draws full jitter within [0, ceiling], reproducibly from the default seeded generator', async () => {
    const run = async () => {
      const { feed, adapter, states, clock } = setup({ initialRetryDelayMs: 100, maxRetryDelayMs: 3_200 })
      adapter.script.push(...Array.from({ length: 40 }, () => retryable()))
      const connected = feed.connect()
      await runUntil(clock, START + 200_000)
      await connected
      return states.flatMap((state) => (state.status === 'reconnecting' ? [state.retryInMs] : []))
    }
    const first = await run()
    expect(first).toHaveLength(40)
    first.forEach((waitMs, i) => {
      expect(waitMs).toBeGreaterThanOrEqual(0)
      expect(waitMs).toBeLessThanOrEqual(backoffCeilingMs(i + 1, 100, 3_200))
    })
    const capped = first.slice(6)
    expect(new Set(capped).size).toBeGreaterThan(20)
    expect(Math.min(...capped)).toBeLessThan(1_600)
    expect(Math.max(...capped)).toBeGreaterThan(1_600)
    expect(await run()).toEqual(first)
  })

  it('resubscribes everything subscribed, in one batch, after a reconnect', async () => {
    const { feed, adapter, clock } = setup({ random: () => 0.5 })
    feed.subscribe([SPY, QQQ])
    await feed.connect()
    expect(adapter.latest().subscribeCalls).toEqual([['SPY', 'QQQ']])
    feed.unsubscribe([QQQ])
    feed.subscribe([IWM])
    const first = adapter.latest()
    expect(first.unsubscribeCalls).toEqual([['QQQ']])
    expect(first.subscribeCalls).toEqual([['SPY', 'QQQ'], ['IWM']])
    first.context.fail(retryable())
    expect(first.closed).toBe(true)
    await runUntil(clock, START + 5_000)
    expect(adapter.sessions).toHaveLength(2)
    expect(adapter.latest().subscribeCalls).toEqual([['SPY', 'IWM']])
    expect(feed.subscriptions()).toEqual(new Set(['SPY', 'IWM']))
  })

  it('treats a silent connection as dead after staleAfterMs', async () => {
    const { feed, adapter, states, clock } = setup({ staleAfterMs: 5_000, random: () => 0 })
    feed.subscribe([SPY])
    await feed.connect()
    const first = adapter.latest()
    await runUntil(clock, START + 1_000)
    first.context.emitQuote(testQuote('SPY', clock.now()))
    await runUntil(clock, START + 4_000)
    first.context.heartbeat()
    await runUntil(clock, START + 8_999)
    expect(feed.currentState().status).toBe('live')
    await runUntil(clock, START + 9_000)
    const reconnecting = states.find((state) => state.status === 'reconnecting')
    expect(reconnecting).toMatchObject({ status: 'reconnecting' })
    expect(reconnecting?.status === 'reconnecting' && reconnecting.error).toBeInstanceOf(FeedStaleError)
    expect(reconnecting?.status === 'reconnecting' && (reconnecting.error as FeedStaleError).silentForMs).toBe(5_000)
    expect(first.closed).toBe(true)
    expect(adapter.sessions).toHaveLength(2)
  })

  it('fails an attempt whose open() hangs past openTimeoutMs and retries', async () => {
    const { feed, adapter, states, clock } = setup({ openTimeoutMs: 10_000, random: () => 0 })
    adapter.script.push('hang')
    const connected = feed.connect()
    await runUntil(clock, START + 9_999)
    expect(feed.currentState()).toEqual({ status: 'connecting', attempt: 1 })
    await runUntil(clock, START + 10_000)
    await connected
    const failed = states.find((state) => state.status === 'reconnecting')
    expect(failed?.status === 'reconnecting' && failed.error).toBeInstanceOf(FeedConnectionError)
    expect(adapter.openedAtMs.map((at) => at - START)).toEqual([0, 10_000])
    // The second attempt's open timer was cancelled when it opened: only the stale check is left.
    expect(clock.pendingTimers()).toBe(1)
  })

  it('does not call a feed stale while nothing is subscribed', async () => {
    const { feed, adapter, clock } = setup({ staleAfterMs: 5_000, random: () => 0.5 })
    await feed.connect()
    await runUntil(clock, START + 60_000)
    expect(feed.currentState().status).toBe('live')
    feed.subscribe([SPY])
    await runUntil(clock, START + 64_999)
    expect(feed.currentState().status).toBe('live')
    await runUntil(clock, START + 65_000)
    expect(feed.currentState()).toMatchObject({ status: 'reconnecting', retryInMs: 500 })
    expect(adapter.sessions[0]?.closed).toBe(true)
  })

  it('falls back to polling while streaming keeps failing, then returns to streaming', async () => {
    const { feed, adapter, states, clock } = setup(
      { pollAfterFailures: 2, pollIntervalMs: 5_000, streamRetryIntervalMs: 60_000, staleAfterMs: 0, random: () => 0 },
      true,
    )
    feed.subscribe([SPY])
    adapter.script.push(retryable(), retryable(), retryable())
    adapter.pollScript.push(
      [{ type: 'quote', data: testQuote('SPY', START) }],
      [{ type: 'quote', data: testQuote('QQQ', START) }],
    )
    const quotes: string[] = []
    feed.quotes$.subscribe((quote) => quotes.push(quote.instrumentId))
    const connected = feed.connect()
    await runUntil(clock, START + 30_000)
    await connected
    expect(feed.currentState()).toMatchObject({ status: 'live', mode: 'polling' })
    expect(adapter.polls.map((poll) => poll.atMs - START)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000])
    expect(adapter.polls[0]?.ids).toEqual(['SPY'])
    expect(quotes).toEqual(['SPY'])
    // Streaming is retried every 60 s: the third script entry fails, the fourth open succeeds.
    await runUntil(clock, START + 60_000)
    expect(feed.currentState()).toMatchObject({ status: 'live', mode: 'polling' })
    await runUntil(clock, START + 120_000)
    expect(feed.currentState()).toMatchObject({ status: 'live', mode: 'streaming' })
    const pollsWhenStreaming = adapter.polls.length
    await runUntil(clock, START + 180_000)
    expect(adapter.polls.length).toBe(pollsWhenStreaming)
    expect(adapter.latest().subscribeCalls).toEqual([['SPY']])
    expect(states.filter((state) => state.status === 'connecting')).toHaveLength(2)
  })

  it('reports failing polls as reconnecting and gives up after maxAttempts', async () => {
    const { feed, adapter, clock } = setup({ pollAfterFailures: 1, maxAttempts: 3, random: () => 0 }, true)
    feed.subscribe([SPY])
    adapter.script.push(retryable())
    adapter.pollScript.push(retryable('http 503'), retryable('http 503'), retryable('http 503'))
    const connected = feed.connect().catch((error: unknown) => error)
    await runUntil(clock, START + 4_999)
    expect(feed.currentState()).toMatchObject({ status: 'reconnecting', attempt: 2, retryInMs: 5_000 })
    await runUntil(clock, START + 10_000)
    expect(await connected).toBeInstanceOf(FeedRetriesExhaustedError)
    expect(feed.currentState()).toMatchObject({ status: 'closed' })
  })

  it('closes with a permanent error and stops retrying', async () => {
    const { feed, adapter, clock } = setup()
    const auth = new PermanentError('authentication failed')
    adapter.script.push(auth)
    await expect(feed.connect()).rejects.toBe(auth)
    expect(feed.currentState()).toEqual({ status: 'closed', error: auth })
    await runUntil(clock, START + 600_000)
    expect(adapter.openedAtMs).toHaveLength(1)
  })

  it('closes when a live session reports a permanent error', async () => {
    const { feed, adapter } = setup()
    await feed.connect()
    const revoked = new PermanentError('subscription revoked')
    adapter.latest().context.fail(revoked)
    expect(feed.currentState()).toEqual({ status: 'closed', error: revoked })
    expect(adapter.latest().closed).toBe(true)
  })

  it('gives up after maxAttempts consecutive failures', async () => {
    const { feed, adapter, clock } = setup({ maxAttempts: 3, random: () => 0 })
    adapter.script.push(retryable(), retryable(), retryable(), retryable())
    const connected = feed.connect().catch((reason: unknown) => reason)
    await runUntil(clock, START + 10_000)
    const error = await connected
    expect(error).toBeInstanceOf(FeedRetriesExhaustedError)
    expect((error as FeedRetriesExhaustedError).attempts).toBe(3)
    expect(adapter.openedAtMs).toHaveLength(3)
  })

  it('starts the backoff over once a session delivered a message', async () => {
    const { feed, adapter, states, clock } = setup({ random: () => 0.999_999 })
    await feed.connect()
    adapter.latest().context.fail(retryable())
    await runUntil(clock, START + 1_000)
    adapter.latest().context.fail(retryable())
    await runUntil(clock, START + 3_000)
    adapter.latest().context.heartbeat()
    adapter.latest().context.fail(retryable())
    const waits = states.flatMap((state) => (state.status === 'reconnecting' ? [state.retryInMs] : []))
    expect(waits).toEqual([1_000, 2_000, 1_000])
  })

  it('completes every stream on close and rejects connect afterwards', async () => {
    const { feed, adapter } = setup()
    const completed: string[] = []
    const track = (label: string) => ({ complete: () => completed.push(label) })
    feed.quotes$.subscribe(track('quotes'))
    feed.trades$.subscribe(track('trades'))
    feed.bars$.subscribe(track('bars'))
    feed.state$.subscribe(track('state'))
    feed.errors$.subscribe(track('errors'))
    await feed.connect()
    await feed.close()
    expect(completed.sort()).toEqual(['bars', 'errors', 'quotes', 'state', 'trades'])
    expect(adapter.latest().closed).toBe(true)
    expect(feed.currentState()).toEqual({ status: 'closed' })
    await expect(feed.connect()).rejects.toBeInstanceOf(FeedClosedError)
    await feed.close()
  })

  it('rejects a pending connect when closed before going live', async () => {
    const { feed, adapter, clock } = setup()
    adapter.script.push(retryable())
    const connected = feed.connect()
    await runUntil(clock, START)
    await feed.close()
    await expect(connected).rejects.toBeInstanceOf(FeedClosedError)
  })

  it('subscribes and unsubscribes idempotently', async () => {
    const { feed, adapter } = setup()
    await feed.connect()
    feed.subscribe([SPY])
    feed.subscribe([SPY, equity('spy')])
    feed.unsubscribe([QQQ])
    feed.unsubscribe([SPY])
    feed.unsubscribe([SPY])
    expect(adapter.latest().subscribeCalls).toEqual([['SPY']])
    expect(adapter.latest().unsubscribeCalls).toEqual([['SPY']])
    expect(feed.subscriptions().size).toBe(0)
  })

  it('delivers only subscribed instruments from the current session', async () => {
    const { feed, adapter, clock } = setup({ random: () => 0 })
    feed.subscribe([SPY])
    const seen: string[] = []
    feed.quotes$.subscribe((quote) => seen.push(quote.instrumentId))
    feed.trades$.subscribe((trade) => seen.push(`trade:${trade.instrumentId}`))
    await feed.connect()
    const first = adapter.latest()
    first.context.emitQuote(testQuote('SPY', START))
    first.context.emitQuote(testQuote('QQQ', START))
    first.context.emit({ type: 'trade', data: { instrumentId: 'SPY', price: 1, size: 1, timestampMs: START } })
    first.context.fail(retryable())
    first.context.emitQuote(testQuote('SPY', START))
    expect(first.context.active).toBe(false)
    await runUntil(clock, START + 10)
    adapter.latest().context.emitQuote(testQuote('SPY', START + 10))
    expect(seen).toEqual(['SPY', 'trade:SPY', 'SPY'])
  })

  it('reports a permanent subscription error on errors$ and stays live', async () => {
    const { feed, adapter } = setup()
    const errors: string[] = []
    feed.errors$.subscribe((error) => errors.push(error.shortMessage))
    await feed.connect()
    adapter.subscribeErrors.push(new PermanentError('unknown symbol XYZ'))
    feed.subscribe([equity('XYZ')])
    expect(errors).toEqual(['unknown symbol XYZ'])
    expect(feed.currentState().status).toBe('live')
  })

  it('closes without error when the source ends', async () => {
    const { feed, adapter } = setup()
    await feed.connect()
    adapter.latest().context.end()
    expect(feed.currentState()).toEqual({ status: 'closed' })
  })

  it('validates options', () => {
    const clock = createVirtualClock(START)
    const adapter = createScriptedAdapter({ nowMs: () => clock.now() })
    expect(() => createFeed(adapter, { clock, initialRetryDelayMs: -1 })).toThrow(ConfigError)
    expect(() => createFeed(adapter, { clock, initialRetryDelayMs: 5_000, maxRetryDelayMs: 1_000 })).toThrow(
      /maxRetryDelayMs/,
    )
    expect(() => createFeed(adapter, { clock: {} as VirtualClock })).toThrow(/clock/)
  })
})
