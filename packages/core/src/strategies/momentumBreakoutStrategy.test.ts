import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { createMomentumBreakoutStrategy } from './momentumBreakoutStrategy.js'
import { at, chainFixture, contextFixture, describeLegs, strikeRange } from './strategyContext.fixture.js'

/** A quiet range around `centre` (±0.2) for 30 samples, then `latest`. */
function history(centre: number, latest: number): number[] {
  return [...Array.from({ length: 30 }, (_, i) => centre + 0.2 * Math.sin(i)), latest]
}

function context(input: { spot: number; latest?: number; nowMs?: number; underlying?: string; inPosition?: boolean }) {
  const nowMs = input.nowMs ?? at('13:00')
  const underlying = input.underlying ?? 'SPY'
  return contextFixture({
    nowMs,
    chains: [chainFixture({ underlying, spot: input.spot, nowMs, strikes: strikeRange(588, 614) })],
    priceHistory: { [underlying]: history(600, input.latest ?? input.spot) },
    strategiesInPosition: input.inPosition ? ['momentum-breakout'] : [],
  })
}

describe('createMomentumBreakoutStrategy', () => {
  test('an upside breakout with momentum buys an at-the-money bull call spread', () => {
    const [signal, ...rest] = createMomentumBreakoutStrategy().evaluate(context({ spot: 601 }))
    expect(rest).toEqual([])
    expect(signal?.direction).toBe('bullish')
    expect(signal?.strategyId).toBe('momentum-breakout')
    expect(signal?.underlying).toBe('SPY')
    expect(signal?.timestampMs).toBe(at('13:00'))
    expect(signal?.structure.kind).toBe('vertical')
    expect(signal?.structure.direction).toBe('debit')
    expect(signal?.structure.definedRisk).toBe(true)
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 601', 'sell 1 call 603'])
    expect(signal?.reason).toMatch(/broke above the range high 600\.\d\d .* bull call 601\/603/)
    expect(signal?.confidence).toBeGreaterThan(0.5)
    expect(signal?.confidence).toBeLessThanOrEqual(1)
  })

  test('a downside breakout buys a bear put spread', () => {
    const [signal] = createMomentumBreakoutStrategy().evaluate(context({ spot: 599 }))
    expect(signal?.direction).toBe('bearish')
    expect(signal?.structure.direction).toBe('debit')
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['sell 1 put 597', 'buy 1 put 599'])
    expect(signal?.reason).toMatch(/below the range low .* bear put 599\/597/)
  })

  test('the short strike follows spreadWidth', () => {
    const [signal] = createMomentumBreakoutStrategy({ spreadWidth: 3 }).evaluate(context({ spot: 601 }))
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 601', 'sell 1 call 604'])
  })

  test('no entry inside the range', () => {
    expect(createMomentumBreakoutStrategy().evaluate(context({ spot: 600.1 }))).toEqual([])
  })

  test('no entry when the price is back inside the range although the last sample broke out', () => {
    expect(createMomentumBreakoutStrategy().evaluate(context({ spot: 600.1, latest: 601 }))).toEqual([])
  })

  test('no entry when momentum is below the z-score threshold', () => {
    expect(createMomentumBreakoutStrategy({ minMomentumZ: 1000 }).evaluate(context({ spot: 601 }))).toEqual([])
  })

  test('no entry while the strategy already holds a position', () => {
    expect(createMomentumBreakoutStrategy().evaluate(context({ spot: 601, inPosition: true }))).toEqual([])
  })

  test('no entry closer to expiry than minMinutesToExpiry', () => {
    // 15:20 is 55 minutes before SPY's 16:15 expiration instant.
    expect(createMomentumBreakoutStrategy().evaluate(context({ spot: 601, nowMs: at('15:20') }))).toEqual([])
    const lenient = createMomentumBreakoutStrategy({ minMinutesToExpiry: 30 })
    expect(lenient.evaluate(context({ spot: 601, nowMs: at('15:20') }))).toHaveLength(1)
  })

  test('no entry when the debit is too large a share of the width', () => {
    expect(createMomentumBreakoutStrategy({ maxDebitToWidth: 0.1 }).evaluate(context({ spot: 601 }))).toEqual([])
  })

  test('a one-sided quote on the wanted short strike moves it to the nearest quoted strike', () => {
    const nowMs = at('13:00')
    const chain = chainFixture({
      spot: 601,
      nowMs,
      strikes: strikeRange(588, 614),
      edit: (q) => (q.right === 'call' && q.strike === 603 ? { ...q, bid: 0 } : q),
    })
    const ctx = contextFixture({ nowMs, chains: [chain], priceHistory: { SPY: history(600, 601) } })
    const [signal] = createMomentumBreakoutStrategy().evaluate(ctx)
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 601', 'sell 1 call 602'])
  })

  test('no entry when every call quote is one-sided', () => {
    const nowMs = at('13:00')
    const chain = chainFixture({
      spot: 601,
      nowMs,
      strikes: strikeRange(588, 614),
      edit: (q) => (q.right === 'call' ? { ...q, bid: 0 } : q),
    })
    const ctx = contextFixture({ nowMs, chains: [chain], priceHistory: { SPY: history(600, 601) } })
    expect(createMomentumBreakoutStrategy().evaluate(ctx)).toEqual([])
  })

  test('no entry on stale quotes or a stale snapshot', () => {
    const nowMs = at('13:00')
    const staleQuotes = chainFixture({
      spot: 601,
      nowMs,
      strikes: strikeRange(588, 614),
      edit: (q) => ({ ...q, timestampMs: nowMs - 120_000 }),
    })
    const staleSnapshot = chainFixture({ spot: 601, nowMs, strikes: strikeRange(588, 614), asOfMs: nowMs - 120_000 })
    for (const chain of [staleQuotes, staleSnapshot]) {
      const ctx = contextFixture({ nowMs, chains: [chain], priceHistory: { SPY: history(600, 601) } })
      expect(createMomentumBreakoutStrategy().evaluate(ctx)).toEqual([])
    }
  })

  test('no entry on missing data: no history, short history, flat history, chain not live', () => {
    const nowMs = at('13:00')
    const chain = chainFixture({ spot: 601, nowMs, strikes: strikeRange(588, 614) })
    const strategy = createMomentumBreakoutStrategy()
    expect(strategy.evaluate(contextFixture({ nowMs, chains: [chain] }))).toEqual([])
    const short = { SPY: history(600, 601).slice(-10) }
    expect(strategy.evaluate(contextFixture({ nowMs, chains: [chain], priceHistory: short }))).toEqual([])
    const flat = { SPY: [...Array.from({ length: 30 }, () => 600), 601] }
    expect(strategy.evaluate(contextFixture({ nowMs, chains: [chain], priceHistory: flat }))).toEqual([])
    const listing = { ...chain, status: 'listing' as const }
    const ctx = contextFixture({ nowMs, chains: [listing], priceHistory: { SPY: history(600, 601) } })
    expect(strategy.evaluate(ctx)).toEqual([])
    expect(strategy.evaluate(contextFixture({ nowMs, priceHistory: { SPY: history(600, 601) } }))).toEqual([])
  })

  test('of two breakouts it signals only the stronger one', () => {
    const nowMs = at('13:00')
    const ctx = contextFixture({
      nowMs,
      chains: [
        chainFixture({ underlying: 'SPY', spot: 601, nowMs, strikes: strikeRange(588, 614) }),
        chainFixture({ underlying: 'QQQ', spot: 602, nowMs, strikes: strikeRange(588, 614) }),
      ],
      priceHistory: { SPY: history(600, 601), QQQ: history(600, 602) },
    })
    const signals = createMomentumBreakoutStrategy().evaluate(ctx)
    expect(signals.map((s) => s.underlying)).toEqual(['QQQ'])
  })

  test('is deterministic: the same context gives deep-equal signals', () => {
    const ctx = context({ spot: 601 })
    const first = createMomentumBreakoutStrategy().evaluate(ctx)
    expect(first).toHaveLength(1)
    expect(createMomentumBreakoutStrategy().evaluate(ctx)).toEqual(first)
  })

  test('rejects invalid options with a ConfigError', () => {
    expect(() => createMomentumBreakoutStrategy({ momentumSamples: 40, rangeSamples: 30 })).toThrow(ConfigError)
    expect(() => createMomentumBreakoutStrategy({ longDelta: 1.2 })).toThrow(ConfigError)
    expect(() => createMomentumBreakoutStrategy({ underlyings: [] })).toThrow(ConfigError)
  })
})
