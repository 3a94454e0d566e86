import { describe, expect, test } from 'vitest'
import type { CorrelationSnapshot } from '../correlation/correlationSnapshot.js'
import { ConfigError } from '../errors/configError.js'
import type { ChainSnapshot } from '../streams/chain/chainTypes.js'
import { createCorrelationBreakdownStrategy } from './correlationBreakdownStrategy.js'
import {
  at,
  chainFixture,
  contextFixture,
  correlationFixture,
  describeLegs,
  strikeRange,
} from './strategyContext.fixture.js'

const NOW = at('11:00')
const IWM_BROKE = { 'SPY/QQQ': 0.92, 'SPY/IWM': 0.1, 'QQQ/IWM': 0.15 }

function chains(nowMs = NOW): ChainSnapshot[] {
  return [
    chainFixture({ underlying: 'SPY', spot: 600, nowMs, strikes: strikeRange(590, 610) }),
    chainFixture({ underlying: 'QQQ', spot: 520, nowMs, strikes: strikeRange(510, 530) }),
    chainFixture({ underlying: 'IWM', spot: 220.3, nowMs, strikes: strikeRange(214, 226) }),
  ]
}

function context(
  input: { correlation?: CorrelationSnapshot; nowMs?: number; inPosition?: boolean; chains?: ChainSnapshot[] } = {},
) {
  const nowMs = input.nowMs ?? NOW
  return contextFixture({
    nowMs,
    chains: input.chains ?? chains(nowMs),
    correlation:
      'correlation' in input
        ? input.correlation
        : correlationFixture({ timestampMs: nowMs - 30_000, correlations: IWM_BROKE }),
    strategiesInPosition: input.inPosition ? ['correlation-breakdown'] : [],
  })
}

const correlation = (correlations: Record<string, number | null>, zScores?: Record<string, number | null>) =>
  correlationFixture({ timestampMs: NOW - 30_000, correlations, zScores })

describe('createCorrelationBreakdownStrategy', () => {
  test('the instrument that decorrelated from both others gets a long at-the-money straddle', () => {
    const [signal, ...rest] = createCorrelationBreakdownStrategy().evaluate(context())
    expect(rest).toEqual([])
    expect(signal?.underlying).toBe('IWM')
    expect(signal?.direction).toBe('volatile')
    expect(signal?.structure.kind).toBe('straddle')
    expect(signal?.structure.direction).toBe('debit')
    expect(signal?.structure.definedRisk).toBe(true)
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 put 220', 'buy 1 call 220'])
    expect(signal?.reason).toMatch(
      /IWM decorrelated .* SPY 0\.10, QQQ 0\.15\) while SPY\/QQQ 0\.92 held; long straddle 220 expecting a large move/,
    )
    expect(signal?.confidence).toBeGreaterThan(0.5)
    expect(signal?.confidence).toBeLessThanOrEqual(1)
  })

  test('strangle mode buys an out-of-the-money put and call near the delta target', () => {
    const iwm = chainFixture({ underlying: 'IWM', spot: 220.3, nowMs: NOW, strikes: strikeRange(214, 226), vol: 0.3 })
    const ctx = context({ chains: [iwm] })
    const [signal] = createCorrelationBreakdownStrategy({ structure: 'strangle' }).evaluate(ctx)
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 put 219', 'buy 1 call 221'])
    expect(signal?.structure.kind).toBe('strangle')
    const [put, call] = signal?.structure.legs ?? []
    expect(put?.instrument.kind === 'option' && put.instrument.right).toBe('put')
    expect(call?.instrument.kind === 'option' && call.instrument.right).toBe('call')
    const strike = (leg: typeof put) => (leg?.instrument.kind === 'option' ? leg.instrument.strike : Number.NaN)
    expect(strike(put)).toBeLessThan(220.3)
    expect(strike(call)).toBeGreaterThan(220.3)
    const chain = ctx.chains.get('IWM')
    for (const leg of [put, call]) {
      const row = chain?.rows.find((r) => r.strike === strike(leg))
      const quote =
        leg?.instrument.kind === 'option' && leg.instrument.right === 'put' ? row?.put?.quote : row?.call?.quote
      expect(Math.abs(Math.abs(quote?.greeks?.delta ?? 9) - 0.25)).toBeLessThanOrEqual(0.1)
    }
  })

  test('a market-wide decorrelation names no outlier', () => {
    const all = correlation({ 'SPY/QQQ': 0.1, 'SPY/IWM': 0.1, 'QQQ/IWM': 0.1 })
    expect(createCorrelationBreakdownStrategy().evaluate(context({ correlation: all }))).toEqual([])
  })

  test('one broken pair alone is not enough', () => {
    const one = correlation({ 'SPY/QQQ': 0.92, 'SPY/IWM': 0.1, 'QQQ/IWM': 0.8 })
    expect(createCorrelationBreakdownStrategy().evaluate(context({ correlation: one }))).toEqual([])
  })

  test('a return-spread divergence on both of an instrument’s pairs also counts, unless disabled', () => {
    const diverged = correlation(
      { 'SPY/QQQ': 0.92, 'SPY/IWM': 0.8, 'QQQ/IWM': 0.82 },
      { 'SPY/QQQ': 0.4, 'SPY/IWM': -3.6, 'QQQ/IWM': -3.3 },
    )
    const [signal] = createCorrelationBreakdownStrategy().evaluate(context({ correlation: diverged }))
    expect(signal?.underlying).toBe('IWM')
    expect(signal?.reason).toMatch(/z -3\.60/)
    const ignoring = createCorrelationBreakdownStrategy({ minDivergenceZ: null })
    expect(ignoring.evaluate(context({ correlation: diverged }))).toEqual([])
  })

  test('no entry on missing or stale analytics', () => {
    const strategy = createCorrelationBreakdownStrategy()
    expect(strategy.evaluate(context({ correlation: undefined }))).toEqual([])
    const missing = correlation({ 'SPY/QQQ': 0.92, 'SPY/IWM': 0.1, 'QQQ/IWM': null })
    expect(strategy.evaluate(context({ correlation: missing }))).toEqual([])
    const stale = correlationFixture({ timestampMs: NOW - 600_000, correlations: IWM_BROKE })
    expect(strategy.evaluate(context({ correlation: stale }))).toEqual([])
    const twoOnly = correlationFixture({
      timestampMs: NOW,
      instrumentIds: ['SPY', 'IWM'],
      correlations: { 'SPY/IWM': 0.05 },
    })
    expect(strategy.evaluate(context({ correlation: twoOnly }))).toEqual([])
    expect(createCorrelationBreakdownStrategy({ windowObservations: 60 }).evaluate(context())).toEqual([])
  })

  test('no entry when the outlier is not a traded underlying or has no chain', () => {
    expect(createCorrelationBreakdownStrategy({ underlyings: ['SPY', 'QQQ'] }).evaluate(context())).toEqual([])
    const withoutIwm = chains().filter((c) => c.underlying !== 'IWM')
    expect(createCorrelationBreakdownStrategy().evaluate(context({ chains: withoutIwm }))).toEqual([])
  })

  test('no entry while in position or too close to expiry', () => {
    const strategy = createCorrelationBreakdownStrategy()
    expect(strategy.evaluate(context({ inPosition: true }))).toEqual([])
    expect(strategy.evaluate(context({ nowMs: at('15:30') }))).toEqual([])
  })

  test('the straddle strike skips a strike whose put is one-sided', () => {
    const nowMs = NOW
    const iwm = chainFixture({
      underlying: 'IWM',
      spot: 220.3,
      nowMs,
      strikes: strikeRange(214, 226),
      edit: (q) => (q.right === 'put' && q.strike === 220 ? { ...q, bid: 0 } : q),
    })
    const [signal] = createCorrelationBreakdownStrategy().evaluate(context({ chains: [iwm] }))
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 put 221', 'buy 1 call 221'])
  })

  test('index instruments are matched with the ^ prefix removed', () => {
    const spx = chainFixture({ underlying: 'SPX', spot: 6002, nowMs: NOW, strikes: strikeRange(5950, 6050, 5) })
    const snapshot = correlationFixture({
      timestampMs: NOW,
      instrumentIds: ['^SPX', 'QQQ', 'IWM'],
      correlations: { '^SPX/QQQ': 0.05, '^SPX/IWM': 0.1, 'QQQ/IWM': 0.85 },
    })
    const strategy = createCorrelationBreakdownStrategy({ underlyings: ['SPX'] })
    const [signal] = strategy.evaluate(context({ chains: [spx], correlation: snapshot }))
    expect(signal?.underlying).toBe('SPX')
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 put 6000', 'buy 1 call 6000'])
  })

  test('is deterministic', () => {
    const ctx = context()
    const first = createCorrelationBreakdownStrategy().evaluate(ctx)
    expect(first).toHaveLength(1)
    expect(createCorrelationBreakdownStrategy().evaluate(ctx)).toEqual(first)
  })

  test('rejects invalid options with a ConfigError', () => {
    expect(() => createCorrelationBreakdownStrategy({ maxCorrelation: 0.7, minPeerCorrelation: 0.6 })).toThrow(
      ConfigError,
    )
    expect(() => createCorrelationBreakdownStrategy({ structure: 'butterfly' as never })).toThrow(ConfigError)
  })
})
