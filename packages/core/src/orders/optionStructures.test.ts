import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { type OptionRight, optionContract } from '../instruments/instrument.js'
import {
  butterfly,
  ironButterfly,
  ironCondor,
  isDefinedRisk,
  singleOption,
  straddle,
  strangle,
  verticalSpread,
} from './optionStructures.js'
import { InvalidOrderError } from './orderErrors.js'
import { expiryPayoffBounds, maxGainPerUnit, maxLossPerUnit, UNBOUNDED } from './payoffBounds.js'

const c = (strike: number, expiry = '2025-11-21') => optionContract({ root: 'SPY', expiry, strike, right: 'call' })
const p = (strike: number, expiry = '2025-11-21') => optionContract({ root: 'SPY', expiry, strike, right: 'put' })
const d = (value: string) => new Decimal(value)
const money = (value: Decimal | 'unbounded') => (value === UNBOUNDED ? value : value.toString())

describe('verticalSpread', () => {
  test.each([
    ['bull call', c(500), c(505), 'debit'],
    ['bear call', c(505), c(500), 'credit'],
    ['bear put', p(505), p(500), 'debit'],
    ['bull put', p(495), p(500), 'credit'],
  ] as const)('%s is a %s spread with legs in strike order', (_name, long, short, direction) => {
    const spread = verticalSpread({ long, short })
    expect(spread.direction).toBe(direction)
    expect(spread.definedRisk).toBe(true)
    expect(spread.legs.map((leg) => leg.instrument.kind === 'option' && leg.instrument.strike)).toEqual(
      [long.strike, short.strike].sort((a, b) => a - b),
    )
    expect(spread.legs.find((leg) => leg.instrument === long)?.side).toBe('buy')
  })

  test('debit call vertical: max loss is the debit, max gain width minus debit', () => {
    const legs = verticalSpread({ long: c(500), short: c(505) }).legs
    expect(money(maxLossPerUnit(legs, d('2')))).toBe('200')
    expect(money(maxGainPerUnit(legs, d('2')))).toBe('300')
  })

  test('credit put vertical: max loss is width minus credit', () => {
    const legs = verticalSpread({ long: p(495), short: p(500) }).legs
    expect(money(maxLossPerUnit(legs, d('-1.5')))).toBe('350')
    expect(money(maxGainPerUnit(legs, d('-1.5')))).toBe('150')
  })

  test.each([
    ['different rights', c(500), p(505), /must be a call/],
    ['equal strikes', c(500), c(500), /must be above/],
    ['different expiries', c(500), c(505, '2025-11-24'), /share the expiry/],
  ])('rejects %s', (_name, long, short, message) => {
    expect(() => verticalSpread({ long, short })).toThrow(message)
  })

  test('rejects mixing SPX and SPXW roots (different settlement)', () => {
    const am = optionContract({ root: 'SPX', expiry: '2025-11-21', strike: 5800, right: 'call' })
    const pm = optionContract({ root: 'SPXW', expiry: '2025-11-21', strike: 5805, right: 'call' })
    expect(() => verticalSpread({ long: am, short: pm })).toThrow(/root/)
  })
})

describe('straddle and strangle', () => {
  test('a long straddle risks the premium and has unbounded gain', () => {
    const legs = straddle({ call: c(500), put: p(500), side: 'buy' }).legs
    expect(money(maxLossPerUnit(legs, d('4.2')))).toBe('420')
    expect(maxGainPerUnit(legs, d('4.2'))).toBe(UNBOUNDED)
  })

  test('a short straddle has unbounded loss and is not defined risk', () => {
    const structure = straddle({ call: c(500), put: p(500), side: 'sell' })
    expect(structure.definedRisk).toBe(false)
    expect(structure.direction).toBe('credit')
    expect(maxLossPerUnit(structure.legs, d('-4.2'))).toBe(UNBOUNDED)
    expect(money(maxGainPerUnit(structure.legs, d('-4.2')))).toBe('420')
  })

  test('a straddle needs one strike, a strangle the put below the call', () => {
    expect(() => straddle({ call: c(505), put: p(500), side: 'buy' })).toThrow(/must be equal/)
    expect(() => strangle({ put: p(505), call: c(500), side: 'buy' })).toThrow(/must be above/)
    expect(strangle({ put: p(495), call: c(505), side: 'sell' }).legs.map((leg) => leg.side)).toEqual(['sell', 'sell'])
  })
})

describe('iron condor and iron butterfly', () => {
  const condor = () =>
    ironCondor({ putWing: p(490), putBody: p(495), callBody: c(505), callWing: c(510), side: 'sell' })

  test('a short condor sells the bodies and buys the wings', () => {
    expect(condor().legs.map((leg) => leg.side)).toEqual(['buy', 'sell', 'sell', 'buy'])
    expect(condor().direction).toBe('credit')
    expect(condor().definedRisk).toBe(true)
  })

  test('max loss is the wing width minus the credit', () => {
    expect(money(maxLossPerUnit(condor().legs, d('-1.5')))).toBe('350')
    expect(money(maxGainPerUnit(condor().legs, d('-1.5')))).toBe('150')
  })

  test('a broken-wing condor risks its wider wing', () => {
    const legs = ironCondor({ putWing: p(485), putBody: p(495), callBody: c(505), callWing: c(510), side: 'sell' }).legs
    expect(money(maxLossPerUnit(legs, d('-2')))).toBe('800')
  })

  test('strikes must increase and rights sit where they belong', () => {
    expect(() =>
      ironCondor({ putWing: p(495), putBody: p(490), callBody: c(505), callWing: c(510), side: 'sell' }),
    ).toThrow(InvalidOrderError)
    expect(() =>
      ironCondor({ putWing: c(490), putBody: p(495), callBody: c(505), callWing: c(510), side: 'sell' }),
    ).toThrow(/must be a put/)
  })

  test('an iron butterfly shares the body strike', () => {
    const fly = ironButterfly({ putWing: p(495), putBody: p(500), callBody: c(500), callWing: c(505), side: 'sell' })
    expect(money(maxLossPerUnit(fly.legs, d('-3.2')))).toBe('180')
    expect(money(maxGainPerUnit(fly.legs, d('-3.2')))).toBe('320')
    expect(() =>
      ironButterfly({ putWing: p(495), putBody: p(500), callBody: c(501), callWing: c(505), side: 'sell' }),
    ).toThrow(/must be equal/)
  })
})

describe('butterfly', () => {
  test.each(['call', 'put'] as const)('a long %s butterfly is 1:2:1 and risks its debit', (right: OptionRight) => {
    const make = right === 'call' ? c : p
    const fly = butterfly({ lower: make(495), middle: make(500), upper: make(505), side: 'buy' })
    expect(fly.legs.map((leg) => [leg.side, leg.ratio])).toEqual([
      ['buy', 1],
      ['sell', 2],
      ['buy', 1],
    ])
    expect(money(maxLossPerUnit(fly.legs, d('1.1')))).toBe('110')
    expect(money(maxGainPerUnit(fly.legs, d('1.1')))).toBe('390')
  })

  test('a broken-wing put butterfly risks the difference of the wings', () => {
    const fly = butterfly({ lower: p(490), middle: p(500), upper: p(505), side: 'buy' })
    const bounds = expiryPayoffBounds(fly.legs)
    expect(money(bounds.minIntrinsic)).toBe('-5')
    expect(money(bounds.maxIntrinsic)).toBe('5')
    expect(money(maxLossPerUnit(fly.legs, d('-0.5')))).toBe('450')
  })

  test('mixed rights are rejected', () => {
    expect(() => butterfly({ lower: c(495), middle: p(500), upper: c(505), side: 'buy' })).toThrow(InvalidOrderError)
  })
})

describe('single options', () => {
  test('a long call risks its premium, a short call is unbounded, a short put risks strike minus credit', () => {
    expect(money(maxLossPerUnit(singleOption(c(500), 'buy').legs, d('1.25')))).toBe('125')
    expect(maxLossPerUnit(singleOption(c(500), 'sell').legs, d('1.25'))).toBe(UNBOUNDED)
    expect(money(maxLossPerUnit(singleOption(p(500), 'sell').legs, d('1.25')))).toBe('49875')
    expect(singleOption(p(500), 'sell').definedRisk).toBe(false)
  })

  test('isDefinedRisk counts shorts against longs per right', () => {
    const legs = verticalSpread({ long: c(500), short: c(505) }).legs
    expect(isDefinedRisk(legs)).toBe(true)
    expect(isDefinedRisk([...legs, { instrument: c(510), side: 'sell', ratio: 1 }])).toBe(false)
  })
})
