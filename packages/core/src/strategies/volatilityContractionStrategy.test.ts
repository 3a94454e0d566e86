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
import { createVolatilityContractionStrategy } from './volatilityContractionStrategy.js'

/** 60 returns of about ±0.1 % followed by 20 of `recentSize`. */
function history(recentSize: number): number[] {
  const prices = [600]
  for (let i = 0; i < 80; i++) {
    const size = i < 60 ? 0.001 * (1 + 0.3 * Math.sin(i)) : recentSize * (1 + 0.3 * Math.sin(i))
    const last = prices[prices.length - 1] ?? 600
    prices.push(last * Math.exp(i % 2 === 0 ? size : -size))
  }
  return prices
}

const NOW = at('10:30')
const regime = (input: Partial<RegimeFixtureInput> = {}): VolatilityRegime =>
  regimeFixture({ timestampMs: NOW - 10_000, vix: 14.5, band: 'low', ...input })

function context(
  input: {
    regime?: VolatilityRegime
    recentSize?: number
    chain?: ChainSnapshot
    nowMs?: number
    inPosition?: boolean
  } = {},
) {
  const nowMs = input.nowMs ?? NOW
  const spot = history(0).at(-1) ?? 600
  return contextFixture({
    nowMs,
    chains: [input.chain ?? chainFixture({ spot, nowMs, strikes: strikeRange(588, 612) })],
    regime: 'regime' in input ? input.regime : regime(),
    priceHistory: { SPY: history(input.recentSize ?? 0.0003) },
    strategiesInPosition: input.inPosition ? ['volatility-contraction'] : [],
  })
}

describe('createVolatilityContractionStrategy', () => {
  test('contracting realised volatility in a low, contango regime sells a defined-risk iron condor', () => {
    const ctx = context()
    const [signal, ...rest] = createVolatilityContractionStrategy().evaluate(ctx)
    expect(rest).toEqual([])
    expect(signal?.direction).toBe('neutral')
    expect(signal?.structure.kind).toBe('iron_condor')
    expect(signal?.structure.direction).toBe('credit')
    expect(signal?.structure.definedRisk).toBe(true)
    const legs = describeLegs(signal?.structure.legs ?? [])
    expect(legs.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'buy 1 put',
      'sell 1 put',
      'sell 1 call',
      'buy 1 call',
    ])
    const strikes = (signal?.structure.legs ?? []).map((l) =>
      l.instrument.kind === 'option' ? l.instrument.strike : 0,
    )
    const [putWing = 0, putBody = 0, callBody = 0, callWing = 0] = strikes
    expect(putBody - putWing).toBe(2)
    expect(callWing - callBody).toBe(2)
    const chain = ctx.chains.get('SPY')
    const delta = (strike: number, right: 'call' | 'put') =>
      Math.abs(chain?.rows.find((r) => r.strike === strike)?.[right]?.quote?.greeks?.delta ?? 9)
    expect(Math.abs(delta(putBody, 'put') - 0.16)).toBeLessThanOrEqual(0.1)
    expect(Math.abs(delta(callBody, 'call') - 0.16)).toBeLessThanOrEqual(0.1)
    expect(putBody).toBeLessThan(600)
    expect(callBody).toBeGreaterThan(600)
    expect(signal?.reason).toMatch(/contracted to 0\.\d\d× .* low band, term structure contango; short iron condor/)
    expect(signal?.confidence).toBeGreaterThanOrEqual(0.5)
    expect(signal?.confidence).toBeLessThanOrEqual(1)
  })

  test('no entry in the high or extreme band unless allowed', () => {
    const strategy = createVolatilityContractionStrategy()
    for (const band of ['high', 'extreme'] as const) {
      expect(strategy.evaluate(context({ regime: regime({ band, vix: band === 'high' ? 28 : 40 }) }))).toEqual([])
    }
    const permissive = createVolatilityContractionStrategy({ allowedBands: ['normal', 'high'] })
    expect(permissive.evaluate(context({ regime: regime({ band: 'high', vix: 28 }) }))).toHaveLength(1)
  })

  test('no entry unless the term structure is in contango', () => {
    const strategy = createVolatilityContractionStrategy()
    const backwardation = regime({ vix3m: 13 })
    const flat = regime({ vix3m: 14.6 })
    const noVix3m = regime({ vix3m: null })
    for (const r of [backwardation, flat, noVix3m]) expect(strategy.evaluate(context({ regime: r }))).toEqual([])
    const lenient = createVolatilityContractionStrategy({ requireContango: false })
    expect(lenient.evaluate(context({ regime: flat }))).toHaveLength(1)
  })

  test('no entry without contraction', () => {
    expect(createVolatilityContractionStrategy().evaluate(context({ recentSize: 0.001 }))).toEqual([])
  })

  test('no entry without a regime or with a stale one', () => {
    const strategy = createVolatilityContractionStrategy()
    expect(strategy.evaluate(context({ regime: undefined }))).toEqual([])
    expect(strategy.evaluate(context({ regime: regime({ timestampMs: NOW - 600_000 }) }))).toEqual([])
  })

  test('no entry while in position or too close to expiry', () => {
    const strategy = createVolatilityContractionStrategy()
    expect(strategy.evaluate(context({ inPosition: true }))).toEqual([])
    expect(strategy.evaluate(context({ nowMs: at('15:30') }))).toEqual([])
  })

  test('no entry when no strike is near the short delta (window too narrow)', () => {
    const chain = chainFixture({ spot: 600, nowMs: NOW, strikes: strikeRange(599, 601) })
    expect(createVolatilityContractionStrategy().evaluate(context({ chain }))).toEqual([])
  })

  test('no entry when the wings have no two-sided quotes', () => {
    const chain = chainFixture({
      spot: 600,
      nowMs: NOW,
      strikes: strikeRange(588, 612),
      edit: (q) => (q.right === 'put' && q.strike < 598 ? { ...q, bid: 0 } : q),
    })
    expect(createVolatilityContractionStrategy().evaluate(context({ chain }))).toEqual([])
  })

  test('no entry when the credit is too small for the width', () => {
    expect(createVolatilityContractionStrategy({ minCreditToWidth: 0.9 }).evaluate(context())).toEqual([])
  })

  test('is deterministic', () => {
    const ctx = context()
    const first = createVolatilityContractionStrategy().evaluate(ctx)
    expect(first).toHaveLength(1)
    expect(createVolatilityContractionStrategy().evaluate(ctx)).toEqual(first)
  })

  test('rejects invalid options with a ConfigError', () => {
    expect(() => createVolatilityContractionStrategy({ allowedBands: [] })).toThrow(ConfigError)
    expect(() => createVolatilityContractionStrategy({ maxVolatilityRatio: 1.5 })).toThrow(ConfigError)
    expect(() => createVolatilityContractionStrategy({ extra: 1 } as never)).toThrow(ConfigError)
  })
})
