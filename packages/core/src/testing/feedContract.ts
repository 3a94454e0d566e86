import type { Observable } from 'rxjs'
import { afterEach, describe, expect, it } from 'vitest'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { isOptionInstrumentId } from '../feeds/marketEvent.js'
import type { Instrument, OptionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'

/** A feed under test plus what the contract suite needs to drive it. */
export interface FeedContractSubject {
  /** A fresh, unconnected feed. */
  feed: MarketDataFeed
  /** Two instruments (not options) the feed delivers quotes for within a few `advance()` calls. */
  instruments: readonly [Instrument, Instrument]
  /** An option contract that yields option quotes, required when `capabilities.options` is true. */
  option?: OptionContract
  /** Lets events flow for a while: advance a virtual clock, pace a replay, or wait on a live connection. */
  advance(): Promise<void>
  /** Releases what the subject holds (servers, files) after each test. */
  dispose?(): Promise<void>
}

type AnyEvent =
  | { kind: 'quote'; event: Quote | OptionQuote }
  | { kind: 'trade'; event: Trade }
  | { kind: 'bar'; event: Bar }

/** How many `advance()` calls to wait for an expected event before failing. */
const MAX_ADVANCES = 30

function record(feed: MarketDataFeed): AnyEvent[] {
  const events: AnyEvent[] = []
  feed.quotes$.subscribe((event) => events.push({ kind: 'quote', event }))
  feed.trades$.subscribe((event) => events.push({ kind: 'trade', event }))
  feed.bars$.subscribe((event) => events.push({ kind: 'bar', event }))
  return events
}

async function advanceUntil(subject: FeedContractSubject, done: () => boolean): Promise<void> {
  for (let i = 0; i < MAX_ADVANCES && !done(); i++) await subject.advance()
}

function expectWellFormed(item: AnyEvent, feedName: string): void {
  const where = `${feedName} ${item.kind} ${JSON.stringify(item.event, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`
  const e = item.event
  expect(typeof e.instrumentId === 'string' && e.instrumentId.length > 0, where).toBe(true)
  if (e.source !== undefined) expect(typeof e.source, where).toBe('string')
  if (item.kind === 'quote') {
    const q = item.event
    for (const value of [q.bid, q.ask, q.bidSize, q.askSize])
      expect(Number.isFinite(value) && value >= 0, where).toBe(true)
    expect(Number.isFinite(q.timestampMs), where).toBe(true)
    if (q.timestampNs !== undefined) expect(typeof q.timestampNs, where).toBe('bigint')
  } else if (item.kind === 'trade') {
    const t = item.event
    expect(Number.isFinite(t.price) && t.price > 0, where).toBe(true)
    expect(Number.isFinite(t.size) && t.size > 0, where).toBe(true)
    expect(Number.isFinite(t.timestampMs), where).toBe(true)
  } else {
    const b = item.event
    expect(b.intervalMs > 0 && Number.isFinite(b.startMs), where).toBe(true)
    expect(b.high >= Math.max(b.open, b.close, b.low) && b.low <= Math.min(b.open, b.close), where).toBe(true)
    expect(b.volume >= 0, where).toBe(true)
  }
}

/**
 * The behaviour every {@link MarketDataFeed} must show, as a vitest suite: state transitions idle → connecting →
 * live → closed, delivery of subscribed instruments only, unsubscribe, well-formed core events, streams completing
 * on close, idempotent subscriptions, and capabilities that match what is delivered. Call it from a test file of
 * each adapter.
 *
 * @param name - Name shown in the suite title.
 * @param makeSubject - Builds a fresh subject (feed, instruments, `advance`) for each test.
 * @example
 * ```ts
 * testFeedContract('SimFeed', () => {
 *   const clock = createVirtualClock(nyTimeToMs('2025-11-21', '09:30'))
 *   return {
 *     feed: createSimFeed({ clock }),
 *     instruments: [equity('SPY'), equity('QQQ')],
 *     advance: async () => clock.advanceBy(10_000),
 *   }
 * })
 * ```
 */
export function testFeedContract(
  name: string,
  makeSubject: () => FeedContractSubject | Promise<FeedContractSubject>,
): void {
  describe(`${name} (feed contract)`, () => {
    let current: FeedContractSubject | undefined
    const make = async () => {
      current = await makeSubject()
      return current
    }
    afterEach(async () => {
      await current?.feed.close()
      await current?.dispose?.()
      current = undefined
    })

    it('starts idle, goes connecting → live on connect, and ends closed', async () => {
      const { feed } = await make()
      const statuses: string[] = []
      feed.state$.subscribe((state) => statuses.push(state.status))
      expect(statuses).toEqual(['idle'])
      await feed.connect()
      expect(statuses.slice(0, 3)).toEqual(['idle', 'connecting', 'live'])
      await feed.close()
      expect(statuses.at(-1)).toBe('closed')
    })

    it('completes every stream on close and refuses to reconnect', async () => {
      const { feed } = await make()
      const completed: string[] = []
      const streams: [string, Observable<unknown>][] = [
        ['state$', feed.state$],
        ['quotes$', feed.quotes$],
        ['trades$', feed.trades$],
        ['bars$', feed.bars$],
      ]
      for (const [label, stream] of streams) stream.subscribe({ complete: () => completed.push(label) })
      await feed.connect()
      await feed.close()
      expect(completed.sort()).toEqual(['bars$', 'quotes$', 'state$', 'trades$'])
      await expect(feed.connect()).rejects.toThrow()
    })

    it('delivers only subscribed instruments', async () => {
      const subject = await make()
      const [wanted] = subject.instruments
      const events = record(subject.feed)
      subject.feed.subscribe([wanted])
      await subject.feed.connect()
      await advanceUntil(subject, () => events.length >= 5)
      expect(events.length).toBeGreaterThan(0)
      expect(new Set(events.map((item) => item.event.instrumentId))).toEqual(new Set([instrumentId(wanted)]))
    })

    it('stops delivering an instrument after unsubscribe', async () => {
      const subject = await make()
      const [kept, dropped] = subject.instruments
      const droppedId = instrumentId(dropped)
      const keptId = instrumentId(kept)
      const events = record(subject.feed)
      subject.feed.subscribe([kept, dropped])
      await subject.feed.connect()
      await advanceUntil(subject, () => events.some((item) => item.event.instrumentId === droppedId))
      expect(events.some((item) => item.event.instrumentId === droppedId)).toBe(true)
      subject.feed.unsubscribe([dropped])
      const mark = events.length
      await advanceUntil(subject, () => events.slice(mark).some((item) => item.event.instrumentId === keptId))
      const after = events.slice(mark)
      expect(after.some((item) => item.event.instrumentId === keptId)).toBe(true)
      expect(after.filter((item) => item.event.instrumentId === droppedId)).toEqual([])
    })

    it('emits well-formed core events', async () => {
      const subject = await make()
      const events = record(subject.feed)
      subject.feed.subscribe([...subject.instruments, ...(subject.option ? [subject.option] : [])])
      await subject.feed.connect()
      await advanceUntil(subject, () => events.length >= 50)
      expect(events.length).toBeGreaterThan(0)
      for (const item of events) expectWellFormed(item, subject.feed.name)
    })

    it('reports its capabilities honestly', async () => {
      const subject = await make()
      const { capabilities } = subject.feed
      const events = record(subject.feed)
      subject.feed.subscribe([...subject.instruments, ...(subject.option ? [subject.option] : [])])
      await subject.feed.connect()
      const optionId = subject.option && instrumentId(subject.option)
      const sawOption = () => events.some((item) => item.kind === 'quote' && item.event.instrumentId === optionId)
      await advanceUntil(subject, () => events.length >= 50 && (!capabilities.options || !optionId || sawOption()))
      const kinds = new Set(events.map((item) => item.kind))
      if (capabilities.quotes) expect(kinds.has('quote')).toBe(true)
      else expect(kinds.has('quote')).toBe(false)
      if (!capabilities.trades) expect(kinds.has('trade')).toBe(false)
      if (!capabilities.bars) expect(kinds.has('bar')).toBe(false)
      const optionQuotes = events.filter(
        (item) => item.kind === 'quote' && isOptionInstrumentId(item.event.instrumentId),
      )
      if (capabilities.options && optionId) expect(sawOption()).toBe(true)
      if (!capabilities.options) expect(optionQuotes).toEqual([])
      expect(typeof subject.feed.listOptionChain === 'function').toBe(capabilities.chainListing)
    })

    it('subscribes and unsubscribes idempotently', async () => {
      const subject = await make()
      const [a, b] = subject.instruments
      subject.feed.subscribe([a])
      subject.feed.subscribe([a, a])
      expect(subject.feed.subscriptions()).toEqual(new Set([instrumentId(a)]))
      await subject.feed.connect()
      subject.feed.subscribe([b])
      subject.feed.unsubscribe([a])
      subject.feed.unsubscribe([a])
      expect(subject.feed.subscriptions()).toEqual(new Set([instrumentId(b)]))
    })
  })
}
