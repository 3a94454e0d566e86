import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { equity, index, optionContract } from '../instruments/instrument.js'
import type { OrderLeg, Side } from '../trading/types.js'
import { InvalidOrderError } from './orderErrors.js'
import { orderPriceIssue, roundOrderPrice } from './orderPriceTick.js'
import { isOnTick, roundToTick } from './roundToTick.js'
import { createTickTable, DEFAULT_TICK_TABLE, tickAt, tickRuleFor } from './tickTable.js'

const d = (value: string | number) => new Decimal(value)
const spx = (strike: number) => optionContract({ root: 'SPXW', expiry: '2025-11-21', strike, right: 'call' })
const spy = (strike: number) => optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right: 'call' })
const single = (instrument: OrderLeg['instrument'], side: Side): OrderLeg[] => [{ instrument, side, ratio: 1 }]
const combo = (a: OrderLeg['instrument'], b: OrderLeg['instrument']): OrderLeg[] => [
  { instrument: a, side: 'buy', ratio: 1 },
  { instrument: b, side: 'sell', ratio: 1 },
]

describe('roundToTick', () => {
  test.each([
    ['1.237', '0.05', 'down', '1.2'],
    ['1.237', '0.05', 'up', '1.25'],
    ['-1.237', '0.05', 'down', '-1.25'],
    ['-1.237', '0.05', 'up', '-1.2'],
    ['1.25', '0.05', 'down', '1.25'],
    ['0.004', '0.01', 'down', '0'],
  ] as const)('%s on %s rounded %s is %s', (price, tick, direction, expected) => {
    expect(roundToTick(d(price), d(tick), direction).toString()).toBe(expected)
  })

  test('a non-positive tick is refused', () => {
    expect(() => roundToTick(d(1), d(0), 'down')).toThrow(RangeError)
  })

  test('isOnTick is exact for decimals that binary floats cannot hold', () => {
    expect(isOnTick(d('0.3'), d('0.1'))).toBe(true)
    expect(isOnTick(d('0.31'), d('0.05'))).toBe(false)
  })
})

describe('default tick table', () => {
  test.each([
    ['SPY', spy(500), '0.5', '0.01'],
    ['SPY', spy(500), '12.34', '0.01'],
    ['SPXW', spx(5800), '2.95', '0.05'],
    ['SPXW', spx(5800), '3', '0.1'],
    ['XSP', optionContract({ root: 'XSP', expiry: '2025-11-21', strike: 580, right: 'put' }), '7', '0.01'],
    ['VIX', optionContract({ root: 'VIX', expiry: '2025-11-19', strike: 20, right: 'call' }), '3.5', '0.05'],
    ['VIX', optionContract({ root: 'VIX', expiry: '2025-11-19', strike: 20, right: 'call' }), '2.5', '0.01'],
    ['unknown', optionContract({ root: 'ABC', expiry: '2025-11-21', strike: 20, right: 'call' }), '1', '0.05'],
    ['shares', equity('SPY'), '500.1', '0.01'],
  ] as const)('%s at %s trades in %s', (_name, instrument, price, tick) => {
    expect(tickAt(tickRuleFor(DEFAULT_TICK_TABLE, instrument), d(price)).toString()).toBe(tick)
  })

  test('SPX combos trade in 0.05 net and SPY combos in 0.01', () => {
    expect(tickRuleFor(DEFAULT_TICK_TABLE, spx(5800)).complexTick.toString()).toBe('0.05')
    expect(tickRuleFor(DEFAULT_TICK_TABLE, spy(500)).complexTick.toString()).toBe('0.01')
  })

  test('indices are not tradable', () => {
    expect(() => tickRuleFor(DEFAULT_TICK_TABLE, index('SPX'))).toThrow(InvalidOrderError)
  })

  test('an override replaces the default of its underlying', () => {
    const table = createTickTable({
      options: { spy: { thresholdPrice: 3, tickBelow: 0.01, tickAtOrAbove: '0.05', complexTick: 0.01 } },
    })
    expect(tickAt(tickRuleFor(table, spy(500)), d(4)).toString()).toBe('0.05')
    expect(tickAt(tickRuleFor(DEFAULT_TICK_TABLE, spy(500)), d(4)).toString()).toBe('0.01')
  })

  test('a bad override is a ConfigError naming the field', () => {
    expect(() =>
      createTickTable({
        options: { SPY: { thresholdPrice: 3, tickBelow: 0, tickAtOrAbove: 0.05, complexTick: 0.01 } },
      }),
    ).toThrow(/options\.SPY\.tickBelow/)
    expect(() => createTickTable({ equity: { thresholdPrice: 1 } as never })).toThrow(ConfigError)
  })
})

describe('roundOrderPrice never rounds toward more aggressive', () => {
  test.each([
    ['SPX buy 3.07', single(spx(5800), 'buy'), '3.07', '3'],
    ['SPX buy 2.99', single(spx(5800), 'buy'), '2.99', '2.95'],
    ['SPX sell 2.97', single(spx(5800), 'sell'), '2.97', '3'],
    ['SPX sell 3.03', single(spx(5800), 'sell'), '3.03', '3.1'],
    ['SPY buy 12.345', single(spy(500), 'buy'), '12.345', '12.34'],
    ['SPY sell 12.345', single(spy(500), 'sell'), '12.345', '12.35'],
    ['SPX debit combo 1.23', combo(spx(5800), spx(5805)), '1.23', '1.2'],
    ['SPX credit combo -1.23', combo(spx(5805), spx(5800)), '-1.23', '-1.25'],
    ['SPY credit combo -0.455', combo(spy(505), spy(500)), '-0.455', '-0.46'],
  ] as const)('%s → %s', (_name, legs, price, expected) => {
    expect(roundOrderPrice(legs, d(price), DEFAULT_TICK_TABLE).toString()).toBe(expected)
  })

  test('aggressive rounding goes the other way and respects the 3.00 step', () => {
    expect(roundOrderPrice(single(spx(5800), 'buy'), d('2.97'), DEFAULT_TICK_TABLE, 'aggressive').toString()).toBe('3')
    expect(roundOrderPrice(single(spx(5800), 'buy'), d('3.01'), DEFAULT_TICK_TABLE, 'aggressive').toString()).toBe(
      '3.1',
    )
    expect(roundOrderPrice(single(spx(5800), 'sell'), d('3.07'), DEFAULT_TICK_TABLE, 'aggressive').toString()).toBe('3')
  })
})

describe('orderPriceIssue', () => {
  test('accepts on-grid prices and combo credits', () => {
    expect(orderPriceIssue(single(spx(5800), 'buy'), d('3.1'), DEFAULT_TICK_TABLE, 'limit price')).toBeUndefined()
    expect(orderPriceIssue(combo(spx(5805), spx(5800)), d('-1.15'), DEFAULT_TICK_TABLE, 'limit price')).toBeUndefined()
    expect(orderPriceIssue(combo(spy(505), spy(500)), d('0'), DEFAULT_TICK_TABLE, 'limit price')).toBeUndefined()
  })

  test('names an off-grid price and the increment', () => {
    expect(orderPriceIssue(single(spx(5800), 'buy'), d('3.15'), DEFAULT_TICK_TABLE, 'limit price')).toBe(
      'limit price 3.15 is not a multiple of 0.1',
    )
    expect(orderPriceIssue(combo(spx(5805), spx(5800)), d('-1.12'), DEFAULT_TICK_TABLE, 'limit price')).toMatch(/0\.05/)
  })

  test('refuses a non-positive single-leg price', () => {
    expect(orderPriceIssue(single(spy(500), 'buy'), d('0'), DEFAULT_TICK_TABLE, 'limit price')).toMatch(/positive/)
  })
})
