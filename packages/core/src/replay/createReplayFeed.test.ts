import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { interval } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { createVirtualClock, type VirtualClock } from '../clock/virtualClock.js'
import type { BaseError } from '../errors/baseError.js'
import { ConfigError } from '../errors/configError.js'
import type { ManagedFeed } from '../feeds/createFeed.js'
import type { FeedState } from '../feeds/marketDataFeed.js'
import { eventTimeMs, type MarketEvent, quoteEvent } from '../feeds/marketEvent.js'
import { equity, index } from '../instruments/instrument.js'
import { createNdjsonRecorder } from './createNdjsonRecorder.js'
import { createReplayFeed } from './createReplayFeed.js'
import { ReplayLineError } from './replayErrors.js'
import { SAMPLE_EVENTS } from './sampleEvents.fixture.js'
import { serializeMarketEvent } from './serializeMarketEvent.js'

const T = Date.UTC(2025, 10, 21, 14, 30)
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

function trade(id: string, atMs: number, price = 100): MarketEvent {
  return { type: 'trade', data: { instrumentId: id, price, size: 1, timestampMs: atMs, source: 'test' } }
}

/** Collects every event a feed delivers, tagged, with the virtual time at delivery. */
function collect(feed: ManagedFeed, clock: VirtualClock) {
  const events: { event: MarketEvent; atMs: number }[] = []
  feed.quotes$.subscribe((data) => events.push({ event: quoteEvent(data), atMs: clock.now() }))
  feed.trades$.subscribe((data) => events.push({ event: { type: 'trade', data }, atMs: clock.now() }))
  feed.bars$.subscribe((data) => events.push({ event: { type: 'bar', data }, atMs: clock.now() }))
  return events
}

function closedState(feed: ManagedFeed): Promise<FeedState> {
  return new Promise((resolve) => {
    feed.state$.subscribe((state) => {
      if (state.status === 'closed') resolve(state)
    })
  })
}

describe('createReplayFeed', () => {
  it('reads batches of an async source lazily, delivering each event before taking the next', async () => {
    const clock = createVirtualClock(T)
    const taken: string[] = []
    function* batch(events: MarketEvent[]) {
      for (const event of events) {
        taken.push(`take@${eventTimeMs(event) - T}`)
        yield event
      }
    }
    async function* source() {
      yield batch([trade('SPY', T + 1_000), trade('SPY', T + 2_000)])
      yield trade('SPY', T + 2_500)
      yield batch([trade('QQQ', T + 3_000), trade('SPY', T + 4_000)])
    }
    const feed = createReplayFeed({ source: source(), clock })
    feed.trades$.subscribe((data) => taken.push(`deliver@${data.timestampMs - T}`))
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    expect(await closed).toEqual({ status: 'closed' })
    expect(taken).toEqual([
      'take@1000',
      'deliver@1000',
      'take@2000',
      'deliver@2000',
      'deliver@2500',
      'take@3000',
      'take@4000',
      'deliver@4000',
    ])
  })

  it('delivers subscribed events in order with the clock at each event time, then closes', async () => {
    const clock = createVirtualClock(T)
    const source = [trade('SPY', T + 1_000), trade('QQQ', T + 1_500), trade('SPY', T + 2_000)]
    const feed = createReplayFeed({ source, clock })
    const events = collect(feed, clock)
    const ticks: number[] = []
    interval(500, clock.scheduler).subscribe(() => ticks.push(clock.now() - T))
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    expect(await closed).toEqual({ status: 'closed' })
    expect(events.map(({ event }) => event)).toEqual([source[0], source[2]])
    expect(events.map(({ atMs }) => atMs - T)).toEqual([1_000, 2_000])
    expect(ticks).toEqual([500, 1_000, 1_500, 2_000])
  })

  it('delivers bars at the end of their interval', async () => {
    const clock = createVirtualClock(T)
    const bar = SAMPLE_EVENTS[3] as MarketEvent
    const feed = createReplayFeed({ source: [bar], clock })
    const events = collect(feed, clock)
    feed.subscribe([equity('IWM')])
    const closed = closedState(feed)
    await feed.connect()
    await closed
    expect(events).toEqual([{ event: bar, atMs: eventTimeMs(bar) }])
    expect(eventTimeMs(bar)).toBe(T + 60_000)
  })

  it('passes out-of-order events through without moving the clock backwards', async () => {
    const clock = createVirtualClock(T)
    const source = [trade('SPY', T + 2_000, 1), trade('SPY', T + 1_000, 2), trade('SPY', T + 3_000, 3)]
    const feed = createReplayFeed({ source, clock })
    const events = collect(feed, clock)
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    await closed
    expect(events.map(({ event }) => event.type === 'trade' && event.data.price)).toEqual([1, 2, 3])
    expect(events.map(({ atMs }) => atMs - T)).toEqual([2_000, 2_000, 3_000])
  })

  it('paces N× playback by the pacing clock', async () => {
    const clock = createVirtualClock(T)
    const pacingClock = createVirtualClock(0)
    const source = [trade('SPY', T + 10_000), trade('SPY', T + 20_000)]
    const feed = createReplayFeed({ source, clock, speed: 10, pacingClock })
    const events = collect(feed, clock)
    feed.subscribe([equity('SPY')])
    await feed.connect()
    // Playback starts (and anchors real time) on the next turn of the event loop.
    await settle()
    const step = async (ms: number) => {
      for (let i = 0; i < ms / 50; i++) {
        pacingClock.advanceBy(50)
        await settle()
      }
    }
    await step(950)
    expect(events).toHaveLength(0)
    expect(clock.now()).toBe(T + 9_500)
    await step(100)
    expect(events).toHaveLength(1)
    await step(1_000)
    expect(events.map(({ atMs }) => atMs - T)).toEqual([10_000, 20_000])
    expect(feed.currentState().status).toBe('closed')
  })

  it('replays any async iterable of events, such as a decoder', async () => {
    const clock = createVirtualClock(T)
    async function* decoder() {
      for (let i = 0; i < 3_000; i++) yield trade('SPY', T + i)
    }
    const feed = createReplayFeed({ source: decoder(), clock, yieldEvery: 100 })
    const events = collect(feed, clock)
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    await closed
    expect(events).toHaveLength(3_000)
    expect(clock.now()).toBe(T + 2_999)
  })

  it('stops delivering once closed', async () => {
    const clock = createVirtualClock(T)
    const source = Array.from({ length: 5_000 }, (_, i) => trade('SPY', T + i))
    const feed = createReplayFeed({ source, clock, yieldEvery: 10 })
    const events = collect(feed, clock)
    feed.subscribe([equity('SPY')])
    await feed.connect()
    await settle()
    await feed.close()
    const count = events.length
    await settle()
    await settle()
    expect(events.length).toBe(count)
    expect(count).toBeLessThan(5_000)
  })

  it('reports malformed file lines on errors$ when skipping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replay-'))
    const path = join(dir, 'bad.ndjson')
    await writeFile(
      path,
      [serializeMarketEvent(trade('SPY', T + 1)), '{oops', serializeMarketEvent(trade('SPY', T + 2))].join('\n'),
    )
    const clock = createVirtualClock(T)
    const feed = createReplayFeed({ source: path, clock, onMalformed: 'skip' })
    const events = collect(feed, clock)
    const errors: BaseError[] = []
    feed.errors$.subscribe((error) => errors.push(error))
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    expect(await closed).toEqual({ status: 'closed' })
    expect(events).toHaveLength(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(ReplayLineError)
    expect((errors[0] as ReplayLineError).lineNumber).toBe(2)
  })

  it('closes with the line error when failing on malformed lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replay-'))
    const path = join(dir, 'bad.ndjson')
    await writeFile(path, `${serializeMarketEvent(trade('SPY', T + 1))}\n{"type":"bar"}\n`)
    const clock = createVirtualClock(T)
    const feed = createReplayFeed({ source: path, clock })
    feed.subscribe([equity('SPY')])
    const closed = closedState(feed)
    await feed.connect()
    const state = await closed
    expect(state.status === 'closed' && state.error).toBeInstanceOf(ReplayLineError)
  })

  it('round-trips record → replay → record byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replay-'))
    const events = [...SAMPLE_EVENTS].sort((a, b) => eventTimeMs(a) - eventTimeMs(b))
    const ids = [equity('SPY'), equity('QQQ'), equity('IWM'), index('VIX')]
    const record = async (source: string | MarketEvent[]) => {
      const clock = createVirtualClock(T)
      const feed = createReplayFeed({ source, clock })
      const output = new PassThrough()
      const chunks: Buffer[] = []
      output.on('data', (chunk: Buffer) => chunks.push(chunk))
      const recorder = createNdjsonRecorder(feed, output)
      feed.subscribe([...ids])
      feed.subscribe([
        {
          kind: 'option',
          underlying: 'SPY',
          root: 'SPY',
          expiry: '2025-11-21',
          strike: 590,
          right: 'call',
          multiplier: 100,
        },
      ])
      await feed.connect()
      await recorder.done
      expect(recorder.eventsWritten).toBe(events.length)
      return Buffer.concat(chunks).toString('utf8')
    }
    const first = await record(events)
    expect(
      first
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).type),
    ).toEqual(events.map((e) => e.type))
    const path = join(dir, 'first.ndjson')
    await writeFile(path, first)
    const second = await record(path)
    expect(second).toBe(first)
    expect(await readFile(path, 'utf8')).toBe(second)
  })

  it('validates options', () => {
    const clock = createVirtualClock(T)
    expect(() => createReplayFeed({ source: [], clock, speed: 0 })).toThrow(ConfigError)
    expect(() => createReplayFeed({ source: [], clock, pacingClock: clock, speed: 2 })).toThrow(/pacingClock/)
    expect(() => createReplayFeed({ source: 42 as never, clock })).toThrow(/source/)
  })
})
