import { interval } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { createVirtualClock } from '../../clock/virtualClock.js'
import { eventTimeMs, type MarketEvent } from '../../feeds/marketEvent.js'
import { sessionEvents } from './sessionEvents.js'

const T0 = Date.UTC(2025, 10, 21, 14, 30)

function quote(id: string, atMs: number): MarketEvent {
  return {
    type: 'quote',
    data: { instrumentId: id, bid: 1, ask: 1.1, bidSize: 1, askSize: 1, timestampMs: atMs, source: 'test' },
  }
}

async function drain(runs: AsyncIterable<Iterable<MarketEvent>>, onEach?: (event: MarketEvent) => void) {
  const out: MarketEvent[] = []
  for await (const run of runs) {
    for (const event of run) {
      out.push(event)
      onEach?.(event)
    }
  }
  return out
}

describe('sessionEvents', () => {
  test('runs each timer instant before the event that passes it and lets its async work finish there', async () => {
    const clock = createVirtualClock(T0)
    const log: string[] = []
    interval(1000, clock.scheduler).subscribe(() => {
      const firedAt = clock.now()
      // A decision round: synchronous start, then asynchronous sends.
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => log.push(`done@${firedAt - T0} clock=${clock.now() - T0}`))
    })
    const events = [quote('SPY', T0 + 500), quote('SPY', T0 + 2500)]
    const batches = [events]
    const source = sessionEvents({
      clock,
      endMs: T0 + 3000,
      pull: () => batches.shift(),
      accept: () => true,
    })
    await drain(source, (event) => log.push(`event@${eventTimeMs(event) - T0}`))
    expect(log).toEqual([
      'event@500',
      'done@1000 clock=1000',
      'done@2000 clock=2000',
      'event@2500',
      'done@3000 clock=3000',
    ])
    expect(clock.now()).toBe(T0 + 3000)
  })

  test('skips events the filter refuses and stops at the session end', async () => {
    const clock = createVirtualClock(T0)
    const seen: MarketEvent[] = []
    const batches = [
      [quote('SPY', T0 + 1), quote('QQQ', T0 + 2)],
      [quote('SPY', T0 + 3), quote('SPY', T0 + 10_000), quote('SPY', T0 + 10_001)],
    ]
    const source = sessionEvents({
      clock,
      endMs: T0 + 10_000,
      pull: () => batches.shift(),
      accept: (event) => event.data.instrumentId === 'SPY',
      onEvent: (event) => seen.push(event),
    })
    const delivered = await drain(source)
    expect(delivered.map((e) => eventTimeMs(e) - T0)).toEqual([1, 3])
    expect(seen).toEqual(delivered)
    expect(clock.now()).toBe(T0 + 10_000)
  })

  test('reads asynchronous batches and paces them exactly like synchronous ones', async () => {
    const run = async (asynchronous: boolean) => {
      const clock = createVirtualClock(T0)
      const fired: number[] = []
      interval(250, clock.scheduler).subscribe(() => fired.push(clock.now() - T0))
      const batches = [[quote('SPY', T0 + 100), quote('SPY', T0 + 600)], [quote('SPY', T0 + 900)]]
      const source = sessionEvents({
        clock,
        endMs: T0 + 1000,
        pull: () => {
          const next = batches.shift()
          return asynchronous ? Promise.resolve(next) : next
        },
        accept: () => true,
      })
      const order: string[] = []
      await drain(source, (event) => order.push(`e${eventTimeMs(event) - T0}:${fired.join(',')}`))
      return order
    }
    expect(await run(true)).toEqual(await run(false))
    expect(await run(false)).toEqual(['e100:', 'e600:250,500', 'e900:250,500,750'])
  })

  test('work started between settle points completes before the next settle point or event', async () => {
    const clock = createVirtualClock(T0)
    const done: number[] = []
    // A timer off the settle grid (every 750 ms) starting asynchronous work.
    interval(750, clock.scheduler).subscribe(() => void Promise.resolve().then(() => done.push(clock.now() - T0)))
    const batches = [[quote('SPY', T0 + 1900)]]
    const source = sessionEvents({ clock, endMs: T0 + 2000, pull: () => batches.shift(), accept: () => true })
    const seen: string[] = []
    await drain(source, (event) => seen.push(`event@${eventTimeMs(event) - T0} done=${done.join(',')}`))
    expect(seen).toEqual(['event@1900 done=1000,1500'])
    // 750's work finished at the 1000 settle point; 1500's before the 1900 event, with the clock still at 1500.
    expect(done).toEqual([1000, 1500])
  })

  test('reads an asynchronous source only when no asynchronous work is pending', async () => {
    const clock = createVirtualClock(T0)
    let pending = 0
    interval(1000, clock.scheduler).subscribe(() => {
      pending++
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => pending--)
    })
    const batches = Array.from({ length: 40 }, (_, i) => [quote('SPY', T0 + i * 250), quote('SPY', T0 + i * 250 + 1)])
    const pendingAtRead: number[] = []
    const source = sessionEvents({
      clock,
      endMs: T0 + 10_000,
      pull: () => {
        pendingAtRead.push(pending)
        return Promise.resolve(batches.shift())
      },
      accept: () => true,
    })
    expect(await drain(source)).toHaveLength(80)
    expect(pendingAtRead.length).toBeGreaterThan(10)
    expect(pendingAtRead.every((n) => n === 0)).toBe(true)
  })
})
