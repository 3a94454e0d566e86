// Property test over random market states: whatever the chain, regime, correlation and history look like, every
// built-in strategy either stays silent or returns one signal whose legs are contracts of the current chain window
// with live two-sided quotes, whose structure has defined risk, whose confidence is in [0, 1], and which is the
// same when the same context is evaluated again. The generators are biased so that each strategy fires in some
// runs; the test checks that it did, so the invariants are not vacuously true.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { OptionRight } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createCorrelationBreakdownStrategy } from './correlationBreakdownStrategy.js'
import { createMomentumBreakoutStrategy } from './momentumBreakoutStrategy.js'
import { createPinRiskStrategy } from './pinRiskStrategy.js'
import type { Strategy, StrategyContext, TradingSignal } from './strategy.js'
import {
  at,
  chainFixture,
  contextFixture,
  correlationFixture,
  regimeFixture,
  strikeRange,
} from './strategyContext.fixture.js'
import { createVixSpikeReversionStrategy } from './vixSpikeReversionStrategy.js'
import { createVolatilityContractionStrategy } from './volatilityContractionStrategy.js'

const STRATEGIES: readonly Strategy[] = [
  createMomentumBreakoutStrategy(),
  createVolatilityContractionStrategy(),
  createCorrelationBreakdownStrategy(),
  createVixSpikeReversionStrategy(),
  createPinRiskStrategy(),
]

const UNDERLYINGS = [
  { symbol: 'SPY', scale: 1 },
  { symbol: 'QQQ', scale: 0.87 },
  { symbol: 'IWM', scale: 0.37 },
] as const

const VIX_OF_BAND = { low: 13, normal: 18, high: 28, extreme: 40 } as const
const correlation = fc.oneof(
  fc.constantFrom(0.05, 0.2, 0.9, 0.95),
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.constant(null),
)

const rarely = fc.integer({ min: 0, max: 7 }).map((n) => n === 0)

const scenario = fc.record({
  minutesAfterOpen: fc.oneof(fc.integer({ min: 10, max: 404 }), fc.integer({ min: 355, max: 404 })),
  vol: fc.double({ min: 0.08, max: 0.6, noNaN: true }),
  halfSpread: fc.constantFrom(0.005, 0.01, 0.01, 0.03, 0.2),
  oneSidedModulo: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 2, max: 6 })),
  staleQuotes: rarely,
  baseline: fc.double({ min: 0.0002, max: 0.003, noNaN: true }),
  recent: fc.double({ min: 0.0001, max: 0.003, noNaN: true }),
  samples: fc.oneof(fc.constant(90), fc.integer({ min: 0, max: 90 })),
  jump: fc.oneof(fc.constantFrom(0.004, -0.004, 0), fc.double({ min: -0.01, max: 0.01, noNaN: true })),
  band: fc.constantFrom('low', 'normal', 'high', 'extreme'),
  percentile: fc.oneof(fc.constant(97), fc.double({ min: 0, max: 100, noNaN: true })),
  slope: fc.oneof(fc.constant(null), fc.constant(-1), fc.double({ min: -5, max: 5, noNaN: true })),
  vix9dRatio: fc.oneof(fc.constant(0.95), fc.double({ min: 0.85, max: 1.15, noNaN: true })),
  vix3mRatio: fc.oneof(fc.constant(1.15), fc.double({ min: 0.8, max: 1.2, noNaN: true })),
  correlations: fc.tuple(correlation, correlation, correlation),
  zScores: fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
  oiPeakOffset: fc.integer({ min: -2, max: 2 }),
  oiMissing: rarely,
  inPosition: rarely,
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function history(s: Scenario): number[] {
  const prices = [600]
  for (let i = 0; i < s.samples; i++) {
    const size = i < s.samples - 20 ? s.baseline : s.recent
    prices.push((prices[prices.length - 1] ?? 600) * Math.exp(i % 2 === 0 ? size : -size * 0.9))
  }
  prices.push((prices[prices.length - 1] ?? 600) * Math.exp(s.jump))
  return prices
}

function contextOf(s: Scenario): StrategyContext {
  const nowMs = at('09:30') + s.minutesAfterOpen * 60_000
  const path = history(s)
  const spot = path[path.length - 1] ?? 600
  const chains = UNDERLYINGS.map(({ symbol, scale }) => {
    const price = spot * scale
    const peak = Math.round(price) + s.oiPeakOffset
    const openInterest = (strike: number, right: OptionRight) =>
      s.oiMissing && strike === peak + 1 ? undefined : strike === peak ? 30_000 : 5_000 + (right === 'put' ? 100 : 0)
    return chainFixture({
      underlying: symbol,
      spot: price,
      nowMs,
      strikes: strikeRange(Math.round(price) - 12, Math.round(price) + 12),
      vol: s.vol,
      halfSpread: s.halfSpread,
      openInterest,
      edit: (q) => {
        const oneSided = s.oneSidedModulo > 1 && Math.round(q.strike) % s.oneSidedModulo === 0
        const stale = s.staleQuotes && q.right === 'put'
        return { ...q, bid: oneSided ? 0 : q.bid, timestampMs: stale ? nowMs - 600_000 : q.timestampMs }
      },
    })
  })
  const vix = VIX_OF_BAND[s.band]
  const [spyQqq, spyIwm, qqqIwm] = s.correlations
  return contextFixture({
    nowMs,
    chains,
    regime: regimeFixture({
      timestampMs: nowMs - 5_000,
      vix,
      band: s.band,
      percentile: s.percentile,
      slopePerHour: s.slope,
      vix9d: vix * s.vix9dRatio,
      vix3m: vix * s.vix3mRatio,
    }),
    correlation: correlationFixture({
      timestampMs: nowMs - 5_000,
      correlations: { 'SPY/QQQ': spyQqq, 'SPY/IWM': spyIwm, 'QQQ/IWM': qqqIwm },
      zScores: { 'SPY/QQQ': 0, 'SPY/IWM': s.zScores[0], 'QQQ/IWM': s.zScores[1] },
    }),
    priceHistory: Object.fromEntries(UNDERLYINGS.map(({ symbol, scale }) => [symbol, path.map((p) => p * scale)])),
    strategiesInPosition: s.inPosition ? STRATEGIES.map((strategy) => strategy.id) : [],
  })
}

function checkSignal(signal: TradingSignal, strategy: Strategy, context: StrategyContext): void {
  expect(signal.strategyId).toBe(strategy.id)
  expect(signal.timestampMs).toBe(context.nowMs)
  expect(signal.confidence).toBeGreaterThanOrEqual(0)
  expect(signal.confidence).toBeLessThanOrEqual(1)
  expect(signal.structure.definedRisk).toBe(true)
  expect(signal.reason.length).toBeGreaterThan(20)
  expect(context.strategiesInPosition.has(strategy.id)).toBe(false)
  const chain = context.chains.get(signal.underlying)
  expect(chain).toBeDefined()
  for (const leg of signal.structure.legs) {
    const option = leg.instrument
    if (option.kind !== 'option') throw new Error('non-option leg')
    const row = chain?.rows.find((r) => r.strike === option.strike)
    const side = option.right === 'call' ? row?.call : row?.put
    expect(side?.instrumentId).toBe(instrumentId(option))
    const quote = side?.quote
    expect(quote?.bid).toBeGreaterThan(0)
    expect(quote?.ask).toBeGreaterThanOrEqual(quote?.bid ?? Number.POSITIVE_INFINITY)
    expect(context.nowMs - (quote?.timestampMs ?? 0)).toBeLessThanOrEqual(60_000)
  }
}

describe('built-in strategies on random market states', () => {
  test('signal only from live two-sided quotes, with defined risk, bounded confidence, deterministically', () => {
    const fired = new Map<string, number>()
    fc.assert(
      fc.property(scenario, (s) => {
        const context = contextOf(s)
        for (const strategy of STRATEGIES) {
          const signals = strategy.evaluate(context)
          expect(signals.length).toBeLessThanOrEqual(1)
          for (const signal of signals) checkSignal(signal, strategy, context)
          expect(strategy.evaluate(context)).toEqual(signals)
          if (signals.length > 0) fired.set(strategy.id, (fired.get(strategy.id) ?? 0) + 1)
        }
      }),
      { seed: 20250620, numRuns: 400 },
    )
    for (const strategy of STRATEGIES) expect(fired.get(strategy.id) ?? 0, strategy.id).toBeGreaterThan(0)
  })
})
