import { createHash } from 'node:crypto'
import { interval } from 'rxjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock, type VirtualClock } from '../clock/virtualClock.js'
import { ConfigError } from '../errors/configError.js'
import { quoteEvent } from '../feeds/marketEvent.js'
import { equity, index, type OptionContract, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Bar, Quote, Trade } from '../marketData/types.js'
import { serializeMarketEvent } from '../replay/serializeMarketEvent.js'
import { createSimFeed, type SimFeed } from './createSimFeed.js'
import type { SimFeedOptions } from './simConfig.js'
import { SimConfigError } from './simConfigError.js'
import { SimUnsupportedInstrumentError } from './simUnsupportedInstrumentError.js'

const DATE = '2025-11-21'
const OPEN = nyTimeToMs(DATE, '09:30')
const CLOSE = nyTimeToMs(DATE, '16:00')
const MINUTE = 60_000
const UNDERLYINGS = [equity('SPY'), equity('QQQ'), equity('IWM')]
const VIX_FAMILY = ['VIX9D', 'VIX', 'VIX3M', 'VIX6M'].map((symbol) => index(symbol))
const STEADY = { volOfVol: 0, jumpsPerYear: 0, initial: 0.16, longRun: 0.16, sessionVarianceShare: 1 }

function setup(options: Omit<SimFeedOptions, 'clock'> = {}, startMs = OPEN): { clock: VirtualClock; sim: SimFeed } {
  const clock = createVirtualClock(startMs)
  return { clock, sim: createSimFeed({ clock, ...options }) }
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length
  const mx = x.reduce((a, b) => a + b, 0) / n
  const my = y.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx
    const dy = (y[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / Math.sqrt(sxx * syy)
}

async function chainAround(sim: SimFeed, underlying: string, atm: number, width: number): Promise<OptionContract[]> {
  const chain = await sim.listOptionChain(underlying, DATE)
  return chain.filter((c): c is OptionContract => c.kind === 'option' && Math.abs(c.strike - atm) <= width)
}

describe('createSimFeed: a calm simulated day', () => {
  const returns: Record<string, number[]> = { SPY: [], QQQ: [], IWM: [] }
  const activity = new Array<number>(13).fill(0)
  const vixSamples: number[][] = []
  let crossed = 0
  let badIndex = 0
  let outOfSession = 0
  let backwards = 0
  let quotes = 0
  let sources = new Set<string | undefined>()

  beforeAll(async () => {
    const { clock, sim } = setup({ seed: 2024, volatility: STEADY })
    const lastMid: Record<string, number> = {}
    const lastIndex: Record<string, number> = {}
    const previousMid: Record<string, number> = {}
    const lastTime: Record<string, number> = {}
    const count = (atMs: number) => {
      const bucket = Math.floor((atMs - OPEN) / (30 * MINUTE))
      activity[bucket] = (activity[bucket] ?? 0) + 1
    }
    sim.quotes$.subscribe((quote: Quote) => {
      quotes++
      sources.add(quote.source)
      if (quote.timestampMs < OPEN || quote.timestampMs > CLOSE) outOfSession++
      if (quote.timestampMs < (lastTime[quote.instrumentId] ?? 0)) backwards++
      lastTime[quote.instrumentId] = quote.timestampMs
      if (quote.instrumentId.startsWith('^')) {
        if (quote.bid !== quote.ask) badIndex++
        lastIndex[quote.instrumentId] = quote.bid
        return
      }
      if (!(quote.bid < quote.ask)) crossed++
      lastMid[quote.instrumentId] = (quote.bid + quote.ask) / 2
      if (quote.instrumentId === 'SPY') count(quote.timestampMs)
    })
    sim.trades$.subscribe((trade: Trade) => {
      if (trade.instrumentId === 'SPY') count(trade.timestampMs)
    })
    interval(MINUTE, clock.scheduler).subscribe(() => {
      for (const symbol of Object.keys(returns)) {
        const mid = lastMid[symbol]
        const previous = previousMid[symbol]
        if (mid !== undefined && previous !== undefined) returns[symbol]?.push(Math.log(mid / previous))
        if (mid !== undefined) previousMid[symbol] = mid
      }
      if (clock.now() % (30 * MINUTE) === 0) vixSamples.push(VIX_FAMILY.map((i) => lastIndex[`^${i.symbol}`] ?? 0))
    })
    sim.subscribe([...UNDERLYINGS, ...VIX_FAMILY])
    await sim.connect()
    clock.advanceTo(CLOSE)
    sources = new Set(sources)
  })

  it('labels every event as simulated and keeps each instrument in time order within the session', () => {
    expect(quotes).toBeGreaterThan(100_000)
    expect(sources).toEqual(new Set(['sim']))
    expect(outOfSession).toBe(0)
    expect(backwards).toBe(0)
  })

  it('never crosses or locks equity quotes and publishes indices as one value', () => {
    expect(crossed).toBe(0)
    expect(badIndex).toBe(0)
  })

  it('realises the volatility it was given', () => {
    const realised = (symbol: string) => Math.sqrt((returns[symbol] ?? []).reduce((s, r) => s + r * r, 0) * 252)
    expect(returns.SPY?.length).toBe(389)
    expect(realised('SPY')).toBeGreaterThan(0.16 * 0.85)
    expect(realised('SPY')).toBeLessThan(0.16 * 1.15)
    expect(realised('QQQ')).toBeGreaterThan(0.2 * 0.85)
    expect(realised('QQQ')).toBeLessThan(0.2 * 1.15)
    expect(realised('IWM')).toBeGreaterThan(0.224 * 0.85)
    expect(realised('IWM')).toBeLessThan(0.224 * 1.15)
  })

  it('realises the target correlations', () => {
    const spy = returns.SPY ?? []
    expect(pearson(spy, returns.QQQ ?? [])).toBeCloseTo(0.93, 1)
    expect(pearson(spy, returns.IWM ?? [])).toBeCloseTo(0.83, 1)
    expect(pearson(returns.QQQ ?? [], returns.IWM ?? [])).toBeCloseTo(0.76, 1)
  })

  it('is busiest at the open and the close, quietest at lunch', () => {
    const lunch = Math.min(...activity.slice(4, 9))
    expect(activity[0]).toBeGreaterThan(1.8 * lunch)
    expect(activity[12]).toBeGreaterThan(1.4 * lunch)
  })

  it('keeps the VIX family in contango, above realised volatility by the risk premium', () => {
    expect(vixSamples.length).toBeGreaterThan(10)
    for (const [vix9d = 0, vix = 0, vix3m = 0, vix6m = 0] of vixSamples) {
      expect(vix9d).toBeLessThan(vix)
      expect(vix).toBeLessThan(vix3m)
      expect(vix3m).toBeLessThan(vix6m)
      expect(vix).toBeGreaterThan(16)
      expect(vix).toBeLessThan(20)
    }
  })
})

describe('createSimFeed: behaviour', () => {
  it('inverts the VIX term structure on a stress path', async () => {
    const { clock, sim } = setup({ seed: 5, volatility: { initial: 0.55, jumpsPerYear: 0 } })
    const last: Record<string, number> = {}
    sim.quotes$.subscribe((quote) => {
      last[quote.instrumentId] = quote.bid
    })
    sim.subscribe(VIX_FAMILY)
    await sim.connect()
    clock.advanceBy(60 * MINUTE)
    const [vix9d = 0, vix = 0, vix3m = 0, vix6m = 0] = VIX_FAMILY.map((i) => last[`^${i.symbol}`] ?? 0)
    expect(vix9d).toBeGreaterThan(vix)
    expect(vix).toBeGreaterThan(vix3m)
    expect(vix3m).toBeGreaterThan(vix6m)
    expect(vix).toBeGreaterThan(35)
    expect(sim.snapshot().indices.VIX).toBe(vix)
  })

  it('produces byte-identical events for the same seed and different ones for another', async () => {
    const digest = async (seed: number) => {
      const { clock, sim } = setup({ seed })
      const hash = createHash('sha256')
      let count = 0
      const add = (line: string) => {
        hash.update(line)
        hash.update('\n')
        count++
      }
      sim.quotes$.subscribe((data) => add(serializeMarketEvent(quoteEvent(data))))
      sim.trades$.subscribe((data) => add(serializeMarketEvent({ type: 'trade', data })))
      sim.bars$.subscribe((data) => add(serializeMarketEvent({ type: 'bar', data })))
      sim.subscribe([...UNDERLYINGS, ...VIX_FAMILY, ...(await chainAround(sim, 'SPY', 590, 3))])
      await sim.connect()
      clock.advanceBy(20 * MINUTE)
      return { digest: hash.digest('hex'), count }
    }
    const first = await digest(99)
    expect(first.count).toBeGreaterThan(10_000)
    expect(await digest(99)).toEqual(first)
    expect((await digest(100)).digest).not.toBe(first.digest)
  })

  it('shows the same market at an instant whether it was watched from the open or joined later', async () => {
    const watched = setup({ seed: 3 })
    await watched.sim.connect()
    watched.clock.advanceTo(nyTimeToMs(DATE, '11:00'))
    const joined = setup({ seed: 3 }, nyTimeToMs(DATE, '11:00'))
    await joined.sim.connect()
    joined.clock.advanceBy(0)
    expect(joined.sim.snapshot()).toEqual(watched.sim.snapshot())
  })

  it('lists the day’s 0DTE contracts on the real strike grid', async () => {
    const { sim } = setup()
    const chain = await sim.listOptionChain('SPY', DATE)
    const strikes = [...new Set(chain.map((c) => (c.kind === 'option' ? c.strike : 0)))]
    expect(chain.every((c) => c.kind === 'option' && c.expiry === DATE && c.root === 'SPY')).toBe(true)
    expect(chain).toHaveLength(strikes.length * 2)
    expect(strikes).toContain(590)
    expect(strikes).toContain(591)
    expect(strikes.filter((k) => k > 649).every((k) => k % 5 === 0)).toBe(true)
    expect(await sim.listOptionChain('SPY', '2025-11-22')).toEqual([])
    expect(await sim.listOptionChain('SPY', '2025-11-20')).toEqual([])
    expect(await sim.listOptionChain('AAPL', DATE)).toEqual([])
    expect((await sim.listOptionChain('IWM', DATE)).some((c) => c.kind === 'option' && c.strike === 230)).toBe(true)
  })

  it('quotes only subscribed contracts, so a narrow chain costs measurably less', async () => {
    const count = async (width: number) => {
      const { clock, sim } = setup({ seed: 8 })
      const ids = new Set<string>()
      let optionQuotes = 0
      sim.quotes$.subscribe((quote) => {
        if (quote.instrumentId.length === 21) {
          optionQuotes++
          ids.add(quote.instrumentId)
        }
      })
      const contracts = await chainAround(sim, 'SPY', 590, width)
      sim.subscribe(contracts)
      await sim.connect()
      clock.advanceBy(10 * MINUTE)
      return { optionQuotes, ids: ids.size, subscribed: contracts.length }
    }
    const narrow = await count(10)
    const wide = await count(60)
    expect(narrow.ids).toBe(narrow.subscribed)
    expect(narrow.subscribed).toBe(42)
    expect(wide.optionQuotes).toBeGreaterThan(2 * narrow.optionQuotes)
  })

  it('stops quoting a contract once unsubscribed', async () => {
    const { clock, sim } = setup({ seed: 4, optionQuotesPerSecond: 5 })
    const [call, put] = await chainAround(sim, 'SPY', 590, 0)
    if (!call || !put) throw new Error('no ATM contracts')
    const seen: string[] = []
    sim.quotes$.subscribe((quote) => seen.push(quote.instrumentId))
    sim.subscribe([call, put])
    await sim.connect()
    clock.advanceBy(MINUTE)
    sim.unsubscribe([put])
    const mark = seen.length
    clock.advanceBy(MINUTE)
    expect(new Set(seen.slice(0, mark))).toEqual(new Set([instrumentId(call), instrumentId(put)]))
    expect(new Set(seen.slice(mark))).toEqual(new Set([instrumentId(call)]))
  })

  it('builds one-minute bars from exactly the trades in each minute, published once complete', async () => {
    const { clock, sim } = setup({ seed: 6 })
    const trades: Trade[] = []
    const bars: { bar: Bar; deliveredMs: number }[] = []
    sim.trades$.subscribe((trade) => trades.push(trade))
    sim.bars$.subscribe((bar) => bars.push({ bar, deliveredMs: clock.now() }))
    sim.subscribe([equity('IWM')])
    await sim.connect()
    clock.advanceBy(30 * MINUTE)
    expect(bars.length).toBeGreaterThanOrEqual(28)
    for (const { bar, deliveredMs } of bars) {
      const inside = trades.filter((t) => t.timestampMs >= bar.startMs && t.timestampMs < bar.startMs + bar.intervalMs)
      expect((bar.startMs - OPEN) % MINUTE).toBe(0)
      expect(deliveredMs).toBeGreaterThanOrEqual(bar.startMs + bar.intervalMs)
      expect(bar.volume).toBe(inside.reduce((sum, t) => sum + t.size, 0))
      expect(bar.open).toBe(inside[0]?.price)
      expect(bar.close).toBe(inside.at(-1)?.price)
      expect(bar.high).toBe(Math.max(...inside.map((t) => t.price)))
      expect(bar.low).toBe(Math.min(...inside.map((t) => t.price)))
    }
  })

  it('reports instruments it does not simulate', async () => {
    const { sim } = setup()
    const errors: unknown[] = []
    sim.errors$.subscribe((error) => errors.push(error))
    sim.subscribe([
      equity('AAPL'),
      index('SPX'),
      optionContract({ root: 'TSLA', expiry: DATE, strike: 300, right: 'call' }),
    ])
    await sim.connect()
    expect(errors).toHaveLength(3)
    expect(errors.every((error) => error instanceof SimUnsupportedInstrumentError)).toBe(true)
  })

  it('rolls into the next trading day with a new session, listing and gap', async () => {
    const { clock, sim } = setup({ seed: 12 })
    const days = new Set<string>()
    const spy: Quote[] = []
    sim.quotes$.subscribe((quote) => {
      spy.push(quote)
      days.add(new Date(quote.timestampMs).toISOString().slice(0, 10))
    })
    sim.subscribe([equity('SPY')])
    await sim.connect()
    clock.advanceTo(nyTimeToMs('2025-11-24', '10:00'))
    expect([...days]).toEqual(['2025-11-21', '2025-11-24'])
    const lastFriday = spy.filter((q) => q.timestampMs < CLOSE).at(-1)
    const firstMonday = spy.find((q) => q.timestampMs >= nyTimeToMs('2025-11-24', '09:30'))
    expect(firstMonday?.timestampMs).toBe(nyTimeToMs('2025-11-24', '09:30'))
    expect(Math.abs((firstMonday?.bid ?? 0) / (lastFriday?.bid ?? 1) - 1)).toBeLessThan(0.05)
    expect(sim.snapshot().date).toBe('2025-11-24')
    expect((await sim.listOptionChain('SPY', '2025-11-24')).length).toBeGreaterThan(100)
    expect(await sim.listOptionChain('SPY', DATE)).toEqual([])
  })

  it('rejects inconsistent options', () => {
    const clock = createVirtualClock(OPEN)
    expect(() => createSimFeed({ clock, stepMs: 5 })).toThrow(ConfigError)
    expect(() =>
      createSimFeed({
        clock,
        correlation: [
          [1, 0.5],
          [0.5, 1],
        ],
      }),
    ).toThrow(SimConfigError)
    expect(() => createSimFeed({ clock, stepMs: 300 })).toThrow(SimConfigError)
  })

  it('is marked simulated and historical on a virtual clock', () => {
    const { sim } = setup()
    expect(sim.simulated).toBe(true)
    expect(sim.name).toBe('sim')
    expect(sim.capabilities.historical).toBe(true)
    expect(sim.snapshot().simulated).toBe(true)
  })
})
