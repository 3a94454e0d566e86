import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import type { OptionRight } from '../instruments/instrument.js'
import { createPinRiskStrategy } from './pinRiskStrategy.js'
import type { ChainFixtureInput } from './strategyContext.fixture.js'
import { at, chainFixture, contextFixture, describeLegs, strikeRange } from './strategyContext.fixture.js'

const NOW = at('14:50') // 85 minutes before SPY's 16:15 expiration instant

/** Open interest peaked at 600 (55 000 contracts), falling off around it. */
function openInterest(strike: number, right: OptionRight): number {
  if (strike === 600) return right === 'call' ? 30_000 : 25_000
  return 8_000 - 500 * Math.abs(strike - 600)
}

function context(input: Partial<ChainFixtureInput> & { inPosition?: boolean } = {}) {
  const nowMs = input.nowMs ?? NOW
  return contextFixture({
    nowMs,
    chains: [chainFixture({ spot: 600.4, strikes: strikeRange(592, 608), openInterest, ...input, nowMs })],
    strategiesInPosition: input.inPosition ? ['pin-risk'] : [],
  })
}

describe('createPinRiskStrategy', () => {
  test('late on expiration day with spot near the open-interest peak it buys a butterfly centred there', () => {
    const [signal, ...rest] = createPinRiskStrategy().evaluate(context())
    expect(rest).toEqual([])
    expect(signal?.direction).toBe('neutral')
    expect(signal?.structure.kind).toBe('butterfly')
    expect(signal?.structure.direction).toBe('debit')
    expect(signal?.structure.definedRisk).toBe(true)
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 598', 'sell 2 call 600', 'buy 1 call 602'])
    expect(signal?.reason).toMatch(
      /SPY 600\.40 within 0\.40 of strike 600, the open-interest peak nearby \(55000 contracts\), 85 min before expiration; long call butterfly 598\/600\/602/,
    )
    expect(signal?.confidence).toBeGreaterThan(0.5)
    expect(signal?.confidence).toBeLessThanOrEqual(1)
  })

  test('a one-sided wing quote on the put side leaves the call butterfly, at the wanted width', () => {
    // At 0.15 volatility the 598 put has no bid: the put butterfly could only be 1 wide.
    const edit: ChainFixtureInput['edit'] = (q) => (q.right === 'call' ? { ...q, ask: q.ask + 0.02 } : q)
    const [signal] = createPinRiskStrategy().evaluate(context({ edit }))
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 598', 'sell 2 call 600', 'buy 1 call 602'])
  })

  test('takes the put butterfly when its quotes are tighter', () => {
    const edit: ChainFixtureInput['edit'] = (q) => (q.right === 'call' ? { ...q, ask: q.ask + 0.05 } : q)
    const [signal] = createPinRiskStrategy().evaluate(context({ edit, vol: 0.3 }))
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 put 598', 'sell 2 put 600', 'buy 1 put 602'])
    const [plain] = createPinRiskStrategy().evaluate(context({ vol: 0.3 }))
    expect(describeLegs(plain?.structure.legs ?? [])).toEqual(['buy 1 call 598', 'sell 2 call 600', 'buy 1 call 602'])
  })

  test('wing width follows the option', () => {
    const [signal] = createPinRiskStrategy({ wingWidth: 1 }).evaluate(context())
    expect(describeLegs(signal?.structure.legs ?? [])).toEqual(['buy 1 call 599', 'sell 2 call 600', 'buy 1 call 601'])
  })

  test('no entry before the entry window or in its last minutes', () => {
    const strategy = createPinRiskStrategy()
    expect(strategy.evaluate(context({ nowMs: at('13:00') }))).toEqual([])
    expect(strategy.evaluate(context({ nowMs: at('15:50') }))).toEqual([])
    expect(strategy.evaluate(context({ nowMs: at('15:40') }))).toHaveLength(1)
  })

  test('no entry when spot is too far from the peak strike', () => {
    expect(createPinRiskStrategy().evaluate(context({ spot: 601.5 }))).toEqual([])
  })

  test('no entry when the peak open interest is too small or open interest is missing near spot', () => {
    expect(createPinRiskStrategy({ minOpenInterest: 100_000 }).evaluate(context())).toEqual([])
    const gap = (strike: number, right: OptionRight) => (strike === 601 ? undefined : openInterest(strike, right))
    expect(createPinRiskStrategy().evaluate(context({ openInterest: gap }))).toEqual([])
    expect(createPinRiskStrategy().evaluate(context({ openInterest: () => undefined }))).toEqual([])
  })

  test('no entry when the body has no two-sided quote', () => {
    const edit: ChainFixtureInput['edit'] = (q) => (q.strike === 600 ? { ...q, bid: 0 } : q)
    expect(createPinRiskStrategy().evaluate(context({ edit }))).toEqual([])
  })

  test('no entry when the debit is too large a share of the width', () => {
    expect(createPinRiskStrategy({ maxDebitToWidth: 0.05 }).evaluate(context())).toEqual([])
  })

  test('no entry while the strategy holds a position', () => {
    expect(createPinRiskStrategy().evaluate(context({ inPosition: true }))).toEqual([])
  })

  test('is deterministic', () => {
    const ctx = context()
    const first = createPinRiskStrategy().evaluate(ctx)
    expect(first).toHaveLength(1)
    expect(createPinRiskStrategy().evaluate(ctx)).toEqual(first)
  })

  test('rejects invalid options with a ConfigError', () => {
    expect(() => createPinRiskStrategy({ minMinutesToExpiry: 90, entryWindowMinutes: 60 })).toThrow(ConfigError)
    expect(() => createPinRiskStrategy({ wingWidth: 0 })).toThrow(ConfigError)
  })
})
