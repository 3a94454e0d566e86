import { map, VirtualTimeScheduler } from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { timeToExpiryYears } from '../../calendar/timeToExpiry.js'
import { ConfigError } from '../../errors/configError.js'
import { equity, type OptionContract, optionContract } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { OptionQuote, Quote } from '../../marketData/types.js'
import { bsGreeks } from '../../pricing/bsGreeks.js'
import { bsPrice } from '../../pricing/bsPrice.js'
import { marbleClock } from '../internal/marbleClock.js'
import { timeline } from '../internal/timeline.js'
import type { ChainSnapshot } from './chainTypes.js'
import { createZeroDteChain, type ZeroDteChain } from './createZeroDteChain.js'
import { createFakeFeed, listedContracts } from './internal/fakeFeed.fixture.js'
import type { ZeroDteChainOptions } from './zeroDteChainOptions.js'

const CONTRACTS = listedContracts('SPY', ['2025-03-10', '2025-03-11'], 560, 600)
const TEN_AM = nyTimeToMs('2025-03-10', '10:00')
const EXPIRY_MS = nyTimeToMs('2025-03-10', '16:15')
const listContracts = (_underlying: string, expiry: string) => CONTRACTS.filter((c) => c.expiry === expiry)

function spot(mid: number, timestampMs = TEN_AM): Quote {
  return { instrumentId: 'SPY', bid: mid - 0.01, ask: mid + 0.01, bidSize: 100, askSize: 100, timestampMs }
}

function id(strike: number, right: 'call' | 'put', expiry = '2025-03-10'): string {
  return instrumentId(optionContract({ root: 'SPY', expiry, strike, right }))
}

/** Ids of calls and puts from `from` to `to`. */
function ids(from: number, to: number, expiry = '2025-03-10'): string[] {
  const out: string[] = []
  for (let strike = from; strike <= to; strike++) out.push(id(strike, 'call', expiry), id(strike, 'put', expiry))
  return out
}

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected))

interface MarbleCase {
  readonly baseMs: number
  readonly quotes: ReadonlyArray<readonly [number, Quote | OptionQuote]>
  readonly options?: Partial<ZeroDteChainOptions>
  /** Builds the observable to assert from the chain. */
  readonly observe: (chain: ZeroDteChain) => import('rxjs').Observable<string>
  readonly expected: ReadonlyArray<readonly [number, string]>
  /** Frame at which the subscription ends (the chain's day timers would otherwise run forever). @default 100000 */
  readonly unsubscribeAt?: number
}

function runChain(spec: MarbleCase) {
  const fake = createFakeFeed(CONTRACTS)
  const scheduler = newScheduler()
  scheduler.run(({ hot, expectObservable }) => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const values: Record<string, Quote | OptionQuote> = {}
    spec.quotes.forEach(([, quote], i) => {
      values[letters[i] ?? '?'] = quote
    })
    const quotes$ = hot(timeline(spec.quotes.map(([frame], i) => [frame, letters[i] ?? '?'])), values)
    const chain = createZeroDteChain({
      underlying: 'SPY',
      feed: fake.feed,
      clock: marbleClock(scheduler, spec.baseMs),
      quotes$,
      listContracts,
      selection: { mode: 'strikes', strikesEachSide: 2 },
      ...spec.options,
    })
    const names: Record<string, string> = {}
    const expected = spec.expected.map(([frame, name]) => {
      const letter = letters[Object.keys(names).length] ?? '?'
      const existing = Object.entries(names).find(([, value]) => value === name)?.[0]
      if (existing !== undefined) return [frame, existing] as const
      names[letter] = name
      return [frame, letter] as const
    })
    expectObservable(spec.observe(chain), `^ ${(spec.unsubscribeAt ?? 100_000) - 1}ms !`).toBe(
      timeline(expected),
      names,
    )
  })
  return fake
}

const centre = (chain: ZeroDteChain) =>
  chain.snapshots$.pipe(map((s: ChainSnapshot) => `${s.expiry} ${s.status} ${s.centerStrike}`))

describe('createZeroDteChain', () => {
  test('centres on the nearest strike and re-centres only past the hysteresis threshold', () => {
    runChain({
      baseMs: TEN_AM,
      // 580.2 centres on 580; 580.9, 581.4 and 579.0 stay within 1.5 strikes; 581.6 moves the centre to 582;
      // 580.6 is 1.4 strikes from 582 (no change); 580.4 is 1.6 away, back to 580.
      quotes: [
        [10, spot(580.2)],
        [20, spot(580.9)],
        [30, spot(581.4)],
        [40, spot(579.0)],
        [50, spot(581.6)],
        [60, spot(580.6)],
        [70, spot(580.4)],
      ],
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
        [50, '2025-03-10 live 582'],
        [70, '2025-03-10 live 580'],
      ],
    })
  })

  test('small oscillations around a half strike never re-centre', () => {
    const quotes = Array.from({ length: 20 }, (_, i) => [10 + i * 10, spot(i % 2 === 0 ? 580.45 : 580.55)] as const)
    const fake = runChain({
      baseMs: TEN_AM,
      quotes,
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
      ],
    })
    // Subscribe the underlying, subscribe the window, unsubscribe everything at teardown: nothing in between.
    expect(fake.calls.map((call) => call.op)).toEqual(['subscribe', 'subscribe', 'unsubscribe'])
  })

  test('subscribes exactly the contracts entering the window and unsubscribes those leaving, leaving first', () => {
    const fake = runChain({
      baseMs: TEN_AM,
      quotes: [
        [10, spot(580.2)],
        [20, spot(581.6)],
      ],
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
        [20, '2025-03-10 live 582'],
      ],
      unsubscribeAt: 30,
    })
    expect(fake.calls).toEqual([
      { op: 'subscribe', ids: ['SPY'] },
      { op: 'subscribe', ids: ids(578, 582) },
      { op: 'unsubscribe', ids: ids(578, 579) },
      { op: 'subscribe', ids: ids(583, 584) },
      // Teardown when the last subscriber leaves.
      { op: 'unsubscribe', ids: ['SPY', ...ids(580, 584)] },
    ])
    expect(fake.subscribed.size).toBe(0)
  })

  test('leaves subscriptions it did not make alone', () => {
    const fake = createFakeFeed(CONTRACTS)
    const held = optionContract({ root: 'SPY', expiry: '2025-03-10', strike: 578, right: 'put' })
    fake.feed.subscribe([held, equity('SPY')])
    const scheduler = newScheduler()
    scheduler.run(() => {
      const clock = marbleClock(scheduler, TEN_AM)
      const chain = createZeroDteChain({ underlying: 'SPY', feed: fake.feed, clock, listContracts })
      const subscription = chain.snapshots$.subscribe()
      fake.quotes.next(spot(580.2))
      fake.quotes.next(spot(590.2))
      subscription.unsubscribe()
    })
    expect(fake.subscribed).toEqual(new Set([instrumentId(held), 'SPY']))
    expect(fake.calls.flatMap((call) => call.ids).filter((x) => x === instrumentId(held) || x === 'SPY')).toEqual([
      instrumentId(held),
      'SPY',
    ])
  })

  test('snapshots carry calls and puts by strike, the underlying, the centre and the time to expiry', () => {
    const scheduler = newScheduler()
    const fake = createFakeFeed(CONTRACTS)
    let snapshot: ChainSnapshot | undefined
    const vol = 0.15
    const quoteAt = TEN_AM + 20
    const years = timeToExpiryYears(quoteAt, EXPIRY_MS)
    const price = bsPrice('call', 580.2, 580, years, vol, 0.04, 0.01)
    scheduler.run(({ hot, expectObservable }) => {
      const values = {
        s: spot(580.2),
        c: {
          instrumentId: id(580, 'call'),
          bid: price - 0.005,
          ask: price + 0.005,
          bidSize: 10,
          askSize: 12,
          timestampMs: quoteAt,
          volume: 1500,
        },
        o: { ...spot(1), instrumentId: id(590, 'call') },
      }
      const quotes$ = hot('-s-c-o', values)
      const clock = marbleClock(scheduler, TEN_AM)
      const chain = createZeroDteChain({
        underlying: 'SPY',
        feed: fake.feed,
        clock,
        quotes$,
        listContracts,
        rate: 0.04,
        dividendYield: 0.01,
        selection: { mode: 'strikes', strikesEachSide: 1 },
      })
      const ivs = chain.updates$.pipe(map((quote) => (quote.iv === undefined ? 'none' : quote.iv.toFixed(6))))
      // The 590 call is outside the window: its quote is ignored.
      expectObservable(ivs, '^ 9ms !').toBe('---v--', { v: vol.toFixed(6) })
      scheduler.schedule(() => {
        snapshot = chain.snapshot()
      }, 4)
    })
    expect(snapshot?.underlyingPrice).toBeCloseTo(580.2, 10)
    expect(snapshot?.centerStrike).toBe(580)
    expect(snapshot?.timeToExpiryYears).toBe(timeToExpiryYears(TEN_AM + 4, EXPIRY_MS))
    expect(snapshot?.rows.map((row) => row.strike)).toEqual([579, 580, 581])
    expect(snapshot?.listedStrikes).toHaveLength(41)
    const row = snapshot?.rows[1]
    expect(row?.put?.instrumentId).toBe(id(580, 'put'))
    expect(row?.put?.quote).toBeUndefined()
    const quote = row?.call?.quote
    expect(quote?.volume).toBe(1500)
    expect(quote?.strike).toBe(580)
    expect(quote?.underlyingPrice).toBeCloseTo(580.2, 10)
    expect(quote?.ivFailure).toBeUndefined()
    const expected = bsGreeks('call', 580.2, 580, years, vol, 0.04, 0.01)
    expect(quote?.greeks?.delta).toBeCloseTo(expected.delta, 6)
    expect(quote?.greeks?.gamma).toBeCloseTo(expected.gamma, 4)
  })

  test('a one-sided quote has no IV and says why', () => {
    runChain({
      baseMs: TEN_AM,
      quotes: [
        [10, spot(580.2)],
        [20, { ...spot(0.05), instrumentId: id(582, 'call'), bid: 0, bidSize: 0 }],
      ],
      observe: (chain) => chain.updates$.pipe(map((quote) => `${quote.iv} ${quote.ivFailure}`)),
      expected: [[20, 'undefined no_mid']],
    })
  })

  test("rolls over to the next day's expiry when today's series stop trading", () => {
    const fake = runChain({
      baseMs: nyTimeToMs('2025-03-10', '16:14'),
      quotes: [[10, spot(580.2)]],
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
        [60_000, '2025-03-11 listing undefined'],
        [60_000, '2025-03-11 live 580'],
      ],
      unsubscribeAt: 70_000,
    })
    expect(fake.calls.slice(1, 4)).toEqual([
      { op: 'subscribe', ids: ids(578, 582) },
      { op: 'unsubscribe', ids: ids(578, 582) },
      { op: 'subscribe', ids: ids(578, 582, '2025-03-11') },
    ])
  })

  test('percent selection takes strikes within ± x % of the centre', () => {
    const fake = runChain({
      baseMs: TEN_AM,
      quotes: [[10, spot(580.2)]],
      options: { selection: { mode: 'percent', percent: 0.5 } },
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
      ],
    })
    // 0.5 % of 580 is 2.9: strikes 578 to 582.
    expect(fake.calls[1]).toEqual({ op: 'subscribe', ids: ids(578, 582) })
  })

  test('delta selection keeps contracts whose |delta| is inside the band', () => {
    const fake = runChain({
      baseMs: TEN_AM,
      quotes: [[10, spot(580.2)]],
      options: { selection: { mode: 'delta', minAbsDelta: 0.1, maxAbsDelta: 0.5, assumedVolatility: 0.2 } },
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
      ],
    })
    const years = timeToExpiryYears(TEN_AM + 10, EXPIRY_MS)
    const mid = (580.19 + 580.21) / 2
    const wanted = CONTRACTS.filter((c: OptionContract) => {
      if (c.expiry !== '2025-03-10') return false
      const delta = Math.abs(bsGreeks(c.right, mid, c.strike, years, 0.2, 0, 0).delta)
      return delta >= 0.1 && delta <= 0.5
    }).map(instrumentId)
    expect(wanted.length).toBeGreaterThan(4)
    // Out-of-the-money calls above the spot and puts below it only.
    expect(wanted.every((x) => (x.includes('C') ? x > id(580, 'call') : x < id(581, 'put')))).toBe(true)
    expect([...(fake.calls[1]?.ids ?? [])].sort()).toEqual([...wanted].sort())
  })

  test('retries a failed listing after listRetryMs', () => {
    let attempts = 0
    runChain({
      baseMs: TEN_AM,
      quotes: [[10, spot(580.2)]],
      options: {
        listRetryMs: 1000,
        listContracts: (underlying, expiry) => {
          attempts++
          if (attempts === 1) throw new Error('HTTP 503')
          return listContracts(underlying, expiry)
        },
      },
      observe: (chain) => chain.snapshots$.pipe(map((s) => `${s.status} ${s.listingError}`)),
      expected: [
        [0, 'listing undefined'],
        [0, 'listing_failed HTTP 503'],
        [1000, 'live undefined'],
      ],
    })
    expect(attempts).toBe(2)
  })

  test('emits a snapshot every snapshotIntervalMs besides structural changes', () => {
    runChain({
      baseMs: TEN_AM,
      quotes: [[10, spot(580.2)]],
      options: { snapshotIntervalMs: 1000 },
      observe: centre,
      expected: [
        [0, '2025-03-10 listing undefined'],
        [0, '2025-03-10 waiting_for_spot undefined'],
        [10, '2025-03-10 live 580'],
        [1000, '2025-03-10 live 580'],
        [2000, '2025-03-10 live 580'],
      ],
      unsubscribeAt: 2500,
    })
  })

  test('waits on a session without an expiration', () => {
    runChain({
      baseMs: TEN_AM,
      quotes: [],
      options: { underlying: 'AAPL' },
      observe: centre,
      expected: [[0, 'undefined no_expiration undefined']],
      unsubscribeAt: 10,
    })
  })

  test("lists contracts through the feed's asynchronous listOptionChain", async () => {
    const fake = createFakeFeed(CONTRACTS)
    const scheduler = new VirtualTimeScheduler()
    const clock = { now: () => TEN_AM + scheduler.now(), scheduler, kind: 'virtual' as const }
    const chain = createZeroDteChain({ underlying: 'SPY', feed: fake.feed, clock })
    const statuses: string[] = []
    const subscription = chain.snapshots$.subscribe((s) => statuses.push(s.status))
    fake.quotes.next(spot(580.2))
    await Promise.resolve()
    await Promise.resolve()
    expect(statuses).toEqual(['listing', 'live'])
    expect(chain.snapshot()?.rows).toHaveLength(21)
    subscription.unsubscribe()
    expect(chain.snapshot()).toBeUndefined()
  })

  test('refuses a feed that cannot list contracts when no listContracts is given', () => {
    const fake = createFakeFeed(CONTRACTS)
    const { listOptionChain: _omit, ...feed } = fake.feed
    const clock = { now: () => TEN_AM, scheduler: new VirtualTimeScheduler(), kind: 'virtual' as const }
    expect(() => createZeroDteChain({ underlying: 'SPY', feed, clock })).toThrow(ConfigError)
  })
})
