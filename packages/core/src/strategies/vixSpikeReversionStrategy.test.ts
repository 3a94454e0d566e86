import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import type { VolatilityRegime } from '../regime/volatilityRegime.js'
import type { ChainSnapshot } from '../streams/chain/chainTypes.js'
import {
  at,
  chainFixture,
  contextFixture,
  describeLegs,
  type RegimeFixtureInput,
  regimeFixture,
  strikeRange,
} from './strategyContext.fixture.js'
import { createVixSpikeReversionStrategy } from './vixSpikeReversionStrategy.js'

const NOW = at('11:30')

/** A VIX spike in the high band at its 96th percentile, falling 1.5 points an hour, VIX9D back below VIX. */
const regime = (input: Partial<RegimeFixtureInput> = {}): VolatilityRegime =>
  regimeFixture({
    timestampMs: NOW - 15_000,
    vix: 27.4,
    band: 'high',
    percentile: 96,
    percentileObservations: 300,
    slopePerHour: -1.5,
    vix9d: 26.9,
    vix3m: 25.8,
    ...input,
  })

function context(
  input: { regime?: VolatilityRegime; chain?: ChainSnapshot; nowMs?: number; inPosition?: boolean } = {},
) {
  const nowMs = input.nowMs ?? NOW
  return contextFixture({
    nowMs,
    chains: [input.chain ?? chainFixture({ spot: 590, nowMs, strikes: strikeRange(578, 602), vol: 0.3 })],
    regime: 'regime' in input ? input.regime : regime(),
    strategiesInPosition: input.inPosition ? ['vix-spike-reversion'] : [],
  })
}

describe('createVixSpikeReversionStrategy', () => {
  test('a VIX spike that stopped rising sells a bull put credit spread on SPY', () => {
    const ctx = context()
    const [signal, ...rest] = createVixSpikeReversionStrategy().evaluate(ctx)
    expect(rest).toEqual([])
    expect(signal?.underlying).toBe('SPY')
    expect(signal?.direction).toBe('bullish')
    expect(signal?.structure.kind).toBe('vertical')
    expect(signal?.structure.direction).toBe('credit')
    expect(signal?.structure.definedRisk).toBe(true)
    const legs = describeLegs(signal?.structure.legs ?? [])
    expect(legs.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(['buy 1 put', 'sell 1 put'])
    const [long, short] = (signal?.structure.legs ?? []).map((l) =>
      l.instrument.kind === 'option' ? l.instrument.strike : 0,
    )
    expect((short ?? 0) - (long ?? 0)).toBe(2)
    expect(short).toBeLessThan(590)
    const delta = ctx.chains.get('SPY')?.rows.find((r) => r.strike === short)?.put?.quote?.greeks?.delta ?? 9
    expect(Math.abs(Math.abs(delta) - 0.3)).toBeLessThanOrEqual(0.1)
    expect(signal?.reason).toMatch(
      /VIX 27\.40 at percentile 96\.00 stopped rising \(slope -1\.50 pts\/h, VIX9D\/VIX 0\.98\); bull put/,
    )
    expect(signal?.confidence).toBeGreaterThan(0.5)
    expect(signal?.confidence).toBeLessThanOrEqual(1)
  })

  test('no entry while the VIX is still rising or its slope is unknown', () => {
    const strategy = createVixSpikeReversionStrategy()
    expect(strategy.evaluate(context({ regime: regime({ slopePerHour: 2.5 }) }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ slopePerHour: null }) }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ slopePerHour: 0 }) }))).toHaveLength(1)
  })

  test('no entry without a spike: percentile below the threshold or too few observations', () => {
    const strategy = createVixSpikeReversionStrategy()
    expect(strategy.evaluate(context({ regime: regime({ percentile: 70 }) }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ percentileObservations: 10 }) }))).toEqual([])
  })

  test('no entry while the front of the curve is still inverted or unknown, unless not required', () => {
    const strategy = createVixSpikeReversionStrategy()
    expect(strategy.evaluate(context({ regime: regime({ vix9d: 29.5 }) }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ vix9d: null }) }))).toEqual([])
    const lenient = createVixSpikeReversionStrategy({ requireFrontNormalised: false })
    expect(lenient.evaluate(context({ regime: regime({ vix9d: 29.5 }) }))).toHaveLength(1)
  })

  test('no entry in the low or extreme band by default', () => {
    const strategy = createVixSpikeReversionStrategy()
    expect(strategy.evaluate(context({ regime: regime({ band: 'low', vix: 13 }) }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ band: 'extreme', vix: 42 }) }))).toEqual([])
  })

  test('no entry without a regime, with a stale one, in position or too close to expiry', () => {
    const strategy = createVixSpikeReversionStrategy()
    expect(strategy.evaluate(context({ regime: undefined }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ timestampMs: NOW - 300_000 }) }))).toEqual([])
    expect(strategy.evaluate(context({ inPosition: true }))).toEqual([])
    expect(strategy.evaluate(context({ nowMs: at('15:20') }))).toEqual([])
  })

  test('no entry when the puts are one-sided or the credit is too small', () => {
    const oneSided = chainFixture({
      spot: 590,
      nowMs: NOW,
      strikes: strikeRange(578, 602),
      vol: 0.3,
      edit: (q) => (q.right === 'put' ? { ...q, bid: 0 } : q),
    })
    expect(createVixSpikeReversionStrategy().evaluate(context({ chain: oneSided }))).toEqual([])
    expect(createVixSpikeReversionStrategy({ minCreditToWidth: 0.9 }).evaluate(context())).toEqual([])
  })

  test('trades the configured underlying only', () => {
    expect(createVixSpikeReversionStrategy({ underlying: 'QQQ' }).evaluate(context())).toEqual([])
    expect(createVixSpikeReversionStrategy({ underlying: ' spy ' }).evaluate(context())).toHaveLength(1)
  })

  test('is deterministic', () => {
    const ctx = context()
    const first = createVixSpikeReversionStrategy().evaluate(ctx)
    expect(first).toHaveLength(1)
    expect(createVixSpikeReversionStrategy().evaluate(ctx)).toEqual(first)
  })

  test('rejects invalid options with a ConfigError', () => {
    expect(() => createVixSpikeReversionStrategy({ minPercentile: 120 })).toThrow(ConfigError)
    expect(() => createVixSpikeReversionStrategy({ underlying: 'not a ticker' })).toThrow(ConfigError)
  })
})
