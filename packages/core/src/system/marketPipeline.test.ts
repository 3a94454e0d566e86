import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { driveVirtualClock } from '../clock/driveVirtualClock.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import { createSimFeed } from '../sim/createSimFeed.js'
import { createMarketPipeline } from './marketPipeline.js'

const DAY = '2025-11-21'

async function runPipeline(minutes: number) {
  const clock = createVirtualClock(nyTimeToMs(DAY, '09:30'))
  const feed = createSimFeed({ clock, seed: 7 })
  const pipeline = createMarketPipeline({ feed, clock, correlation: { windows: [5, 20] } })
  const changes: string[] = []
  pipeline.regimeChanges$.subscribe((change) => changes.push(`${change.from}->${change.to}`))
  pipeline.start()
  await feed.connect()
  await driveVirtualClock(clock, { untilMs: clock.now() + minutes * 60_000 })
  const state = pipeline.state()
  const quality = pipeline.quality()
  const subscriptions = new Set(feed.subscriptions())
  pipeline.stop()
  const afterStop = new Set(feed.subscriptions())
  await feed.close()
  return { state, quality, changes, subscriptions, afterStop }
}

describe('market pipeline on the simulator', () => {
  test('streams live 0DTE chains with IV and greeks, the regime and correlations', async () => {
    const { state, quality, subscriptions, afterStop } = await runPipeline(15)
    expect([...state.chains.keys()].sort()).toEqual(['IWM', 'QQQ', 'SPY'])
    for (const [underlying, chain] of state.chains) {
      expect(chain.status, underlying).toBe('live')
      expect(chain.expiry).toBe(DAY)
      expect(chain.rows.length).toBe(21)
      const atm = chain.rows.find((row) => row.strike === chain.centerStrike)
      const call = atm?.call?.quote
      expect(call?.iv, `${underlying} ATM call IV`).toBeGreaterThan(0.03)
      expect(call?.iv).toBeLessThan(2)
      expect(call?.greeks?.delta).toBeGreaterThan(0.2)
      expect(call?.greeks?.delta).toBeLessThan(0.8)
      expect(state.underlyingPrices.get(underlying)).toBeGreaterThan(0)
    }
    expect(state.regime?.vix).toBeGreaterThan(5)
    expect(['low', 'normal', 'high', 'extreme']).toContain(state.regime?.band)
    const shortWindow = state.correlation?.windows.find((w) => w.windowObservations === 5)
    const spyQqq = shortWindow?.pairs.find((p) => p.a === 'SPY' && p.b === 'QQQ')
    expect(spyQqq?.correlation).toBeTypeOf('number')
    expect(quality.tradable.accepted).toBeGreaterThan(10_000)
    expect(quality.indices.accepted).toBeGreaterThan(100)
    // Only the window is streamed: 3 underlyings × 21 strikes × 2 rights, plus 3 underlyings and 4 VIX series.
    expect(subscriptions.size).toBe(3 * 21 * 2 + 3 + 4)
    // Stopping releases the option contracts the chains asked for.
    expect(afterStop.size).toBe(3 + 4)
  })

  test('analytics read a session-sampled stream while execution keeps every validated quote', async () => {
    const clock = createVirtualClock(nyTimeToMs(DAY, '10:00'))
    const feed = createSimFeed({ clock, seed: 3 })
    const pipeline = createMarketPipeline({ feed, clock })
    const full = new Map<string, number[]>()
    const sampled = new Map<string, number[]>()
    const record = (into: Map<string, number[]>) => (q: { instrumentId: string }) => {
      const list = into.get(q.instrumentId) ?? []
      list.push(clock.now())
      into.set(q.instrumentId, list)
    }
    const recording = [pipeline.quotes$.subscribe(record(full)), pipeline.analyticQuotes$.subscribe(record(sampled))]
    pipeline.start()
    await feed.connect()
    await driveVirtualClock(clock, { untilMs: clock.now() + 10 * 60_000 })
    // Stop recording first: closing the feed completes the sampler, which releases the values it still holds.
    for (const subscription of recording) subscription.unsubscribe()
    pipeline.stop()
    await feed.close()
    const count = (m: Map<string, number[]>) => [...m.values()].reduce((n, l) => n + l.length, 0)
    expect(count(sampled)).toBeLessThan(count(full))
    // Regular hours, seeds' intervals: at most one SPY value per second, one value per option per 5 s.
    const gaps = (times: readonly number[]) => times.slice(1).map((t, i) => t - (times[i] as number))
    expect(Math.min(...gaps(sampled.get('SPY') ?? []))).toBeGreaterThanOrEqual(1000)
    const option = [...sampled.keys()].find((id) => id.startsWith('SPY   ')) ?? ''
    expect(Math.min(...gaps(sampled.get(option) ?? []))).toBeGreaterThanOrEqual(5000)
    expect((full.get('SPY')?.length ?? 0) / (sampled.get('SPY')?.length ?? 1)).toBeGreaterThan(2)
  })
})
