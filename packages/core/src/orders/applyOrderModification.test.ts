import { Decimal } from 'decimal.js'
import { expect, test } from 'vitest'
import { optionContract } from '../instruments/instrument.js'
import type { Order } from '../trading/types.js'
import { applyOrderModification } from './applyOrderModification.js'
import { InvalidOrderError } from './orderErrors.js'

const order: Order = {
  clientOrderId: 'm1',
  legs: [
    {
      instrument: optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' }),
      side: 'buy',
      ratio: 1,
    },
  ],
  quantity: 5,
  type: 'LMT',
  limitPrice: new Decimal('1.1'),
  timeInForce: 'DAY',
  mode: 'paper',
  status: 'partially_filled',
  filledQuantity: 2,
  averageFillPrice: new Decimal('1.1'),
  createdAtMs: 0,
  updatedAtMs: 10,
}

test('changes quantity and limit and keeps status and fills', () => {
  const next = applyOrderModification(order, { quantity: 4, limitPrice: new Decimal('1.15') }, 20)
  expect(next).toMatchObject({ quantity: 4, status: 'partially_filled', filledQuantity: 2, updatedAtMs: 20 })
  expect(next.limitPrice?.toString()).toBe('1.15')
})

test.each([
  ['quantity not above the filled', { quantity: 2 }, /must exceed the 2 already filled/],
  ['a stop price on a limit order', { stopPrice: new Decimal('1') }, /has no stop price/],
  ['an off-tick limit', { limitPrice: new Decimal('1.155') }, /not a multiple of 0.01/],
  ['nothing', {}, /must change/],
])('refuses %s', (_name, changes, message) => {
  expect(() => applyOrderModification(order, changes, 20)).toThrow(message)
})

test('a final order cannot be modified', () => {
  expect(() => applyOrderModification({ ...order, status: 'filled', filledQuantity: 5 }, { quantity: 6 }, 20)).toThrow(
    InvalidOrderError,
  )
})
