import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import type { BaseError } from '../errors/baseError.js'
import { ConfigError } from '../errors/configError.js'
import { type MarketEvent, quoteEvent } from '../feeds/marketEvent.js'
import { equity, type Instrument, index, type OptionContract } from '../instruments/instrument.js'
import { createSimEventSource } from './createSimEventSource.js'
import { createSimFeed } from './createSimFeed.js'

const DATE = '2025-11-21'
const NEXT = '2025-11-24'
const MINUTE = 60_000
const SETTINGS = { seed: 17, optionQuotesPerSecond: 2 }

interface Driver {
  subscribe(instruments: readonly Instrument[]): void
  unsubscribe(instruments: readonly Instrument[]): void
  /** Events of the next simulation instant that produced any, before `endMs`. */
  pull(endMs: number): MarketEvent[] | undefined
  errors: string[]
}

async function feedDriver(startMs: number, before: readonly Instrument[]): Promise<Driver> {
  const clock = createVirtualClock(startMs)
  const sim = createSimFeed({ ...SETTINGS, clock })
  let produced: MarketEvent[] = []
  const errors: string[] = []
  sim.quotes$.subscribe((data) => produced.push(quoteEvent(data)))
  sim.trades$.subscribe((data) => produced.push({ type: 'trade', data }))
  sim.bars$.subscribe((data) => produced.push({ type: 'bar', data }))
  sim.errors$.subscribe((error) => errors.push(error.message))
  sim.subscribe(before)
  await sim.connect()
  return {
    subscribe: (instruments) => sim.subscribe(instruments),
    unsubscribe: (instruments) => sim.unsubscribe(instruments),
    pull(endMs) {
      while (produced.length === 0) {
        const dueMs = clock.nextTimerMs()
        if (dueMs === undefined || dueMs >= endMs) return undefined
        clock.advanceTo(dueMs)
      }
      const batch = produced
      produced = []
      return batch
    },
    errors,
  }
}

function sourceDriver(startMs: number, before: readonly Instrument[]): Driver {
  const errors: string[] = []
  const sim = createSimEventSource({ ...SETTINGS, startMs, onError: (error: BaseError) => errors.push(error.message) })
  sim.subscribe(before)
  sim.connect()
  return {
    subscribe: (instruments) => sim.subscribe(instruments),
    unsubscribe: (instruments) => sim.unsubscribe(instruments),
    pull(endMs) {
      const batch: MarketEvent[] = []
      while (batch.length === 0) {
        const dueMs = sim.nextDueMs()
        if (dueMs === undefined || dueMs >= endMs) return undefined
        sim.advanceTo(dueMs, batch)
      }
      return batch
    },
    errors,
  }
}

async function contracts(date: string, atMs: number, strikes: readonly number[]): Promise<OptionContract[]> {
  const listing = createSimEventSource({ ...SETTINGS, startMs: atMs })
  const chain = await listing.listOptionChain('SPY', date)
  return chain.filter((c): c is OptionContract => c.kind === 'option' && strikes.includes(c.strike))
}

describe('createSimEventSource', () => {
  it('produces exactly the events of a sim feed stepped from timer to timer, across the close and the next open', async () => {
    const startMs = nyTimeToMs(DATE, '15:40')
    const today = await contracts(DATE, startMs, [588, 589, 590, 591, 592])
    const before: Instrument[] = [
      equity('SPY'),
      equity('QQQ'),
      index('VIX'),
      index('VIX9D'),
      equity('AAPL'),
      ...today.slice(0, 6),
    ]
    const feed = await feedDriver(startMs, before)
    const source = sourceDriver(startMs, before)
    const tomorrow = await contracts(NEXT, nyTimeToMs(DATE, '16:30'), [590, 595])
    const phases: [number, (driver: Driver) => void][] = [
      [nyTimeToMs(DATE, '15:50'), (d) => d.subscribe([...today.slice(6), ...tomorrow, equity('IWM')])],
      [nyTimeToMs(DATE, '15:55'), (d) => d.unsubscribe([today[0] as Instrument, equity('QQQ')])],
      [nyTimeToMs(NEXT, '09:30'), (d) => d.subscribe([index('VIX6M')])],
      [nyTimeToMs(NEXT, '09:35'), (d) => d.subscribe([today[0] as Instrument])],
      [nyTimeToMs(NEXT, '09:40'), () => undefined],
    ]
    let batches = 0
    let events = 0
    const kinds = new Set<string>()
    for (const [endMs, change] of phases) {
      for (;;) {
        const expected = feed.pull(endMs)
        const actual = source.pull(endMs)
        expect(actual).toEqual(expected)
        if (!expected) break
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
        batches++
        events += expected.length
        for (const event of expected) kinds.add(event.type)
      }
      change(feed)
      change(source)
    }
    expect(batches).toBeGreaterThan(1_000)
    expect(events).toBeGreaterThan(10_000)
    expect(kinds).toEqual(new Set(['quote', 'option_quote', 'trade', 'bar']))
    expect(source.errors).toEqual(feed.errors)
    expect(source.errors.some((message) => message.includes('AAPL'))).toBe(true)
    expect(source.errors.some((message) => message.includes('expired'))).toBe(true)
  })

  it('does nothing before connect or after close', () => {
    const startMs = nyTimeToMs(DATE, '10:00')
    const sim = createSimEventSource({ seed: 1, startMs })
    sim.subscribe([equity('SPY')])
    const out: MarketEvent[] = []
    expect(sim.nextDueMs()).toBeUndefined()
    sim.advanceTo(startMs + MINUTE, out)
    expect(out).toEqual([])
    sim.connect()
    expect(sim.nextDueMs()).toBe(startMs)
    sim.advanceTo(startMs + MINUTE, out)
    expect(out.length).toBeGreaterThan(0)
    expect(sim.snapshot().timestampMs).toBe(startMs + MINUTE)
    sim.close()
    expect(sim.nextDueMs()).toBeUndefined()
    const after: MarketEvent[] = []
    sim.advanceTo(startMs + 2 * MINUTE, after)
    expect(after).toEqual([])
  })

  it('rejects invalid settings', () => {
    expect(() => createSimEventSource({ startMs: 0, stepMs: 3 })).toThrow(ConfigError)
  })
})
