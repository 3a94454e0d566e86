import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { equity } from '../instruments/instrument.js'
import { type Order, OrderStatus } from '../trading/types.js'
import { applyOrderFill } from './applyOrderFill.js'
import { IllegalOrderTransitionError, OverfillError } from './orderErrors.js'
import { canTransition, isFinalStatus, ORDER_TRANSITIONS, transitionOrder } from './orderStateMachine.js'

const STATUSES = Object.values(OrderStatus)

function order(status: OrderStatus, quantity = 3, filledQuantity = 0): Order {
  return {
    clientOrderId: 'o1',
    legs: [{ instrument: equity('SPY'), side: 'buy', ratio: 1 }],
    quantity,
    type: 'LMT',
    limitPrice: new Decimal('500'),
    timeInForce: 'DAY',
    mode: 'paper',
    status,
    filledQuantity,
    averageFillPrice: filledQuantity > 0 ? new Decimal('500') : null,
    createdAtMs: 0,
    updatedAtMs: 0,
  }
}

const LEGAL: readonly [OrderStatus, OrderStatus][] = [
  ['pending', 'pending'],
  ['pending', 'submitted'],
  ['pending', 'rejected'],
  ['pending', 'cancelled'],
  ['pending', 'expired'],
  ['submitted', 'submitted'],
  ['submitted', 'partially_filled'],
  ['submitted', 'filled'],
  ['submitted', 'cancelled'],
  ['submitted', 'rejected'],
  ['submitted', 'expired'],
  ['partially_filled', 'partially_filled'],
  ['partially_filled', 'filled'],
  ['partially_filled', 'cancelled'],
  ['partially_filled', 'expired'],
]

describe('ORDER_TRANSITIONS', () => {
  test.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const legal = LEGAL.some(([a, b]) => a === from && b === to)
    expect(canTransition(from, to)).toBe(legal)
  })

  test('final statuses are exactly filled, cancelled, rejected and expired', () => {
    expect(STATUSES.filter(isFinalStatus).sort()).toEqual(['cancelled', 'expired', 'filled', 'rejected'])
  })
})

describe('transitionOrder', () => {
  test('a cancelled partially filled order keeps its fills', () => {
    const cancelled = transitionOrder(order('partially_filled', 3, 2), 'cancelled', { nowMs: 5, reason: 'user' })
    expect(cancelled).toMatchObject({ status: 'cancelled', filledQuantity: 2, reason: 'user', updatedAtMs: 5 })
    expect(cancelled.averageFillPrice?.toString()).toBe('500')
  })

  test('an illegal transition throws a typed error naming both statuses', () => {
    const error = (() => {
      try {
        transitionOrder(order('filled', 3, 3), 'cancelled', { nowMs: 1 })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(IllegalOrderTransitionError)
    expect(error).toMatchObject({ from: 'filled', to: 'cancelled', clientOrderId: 'o1' })
  })

  test('fills cannot be reached without a fill', () => {
    expect(() => transitionOrder(order('submitted'), 'filled', { nowMs: 1 })).toThrow(IllegalOrderTransitionError)
  })

  test('the acknowledgement stamps the broker id', () => {
    expect(transitionOrder(order('pending'), 'submitted', { nowMs: 1, brokerOrderId: 'B1' }).brokerOrderId).toBe('B1')
  })
})

describe('applyOrderFill', () => {
  test('average price is the quantity-weighted mean of the fills', () => {
    const first = applyOrderFill(order('submitted', 3), { quantity: 1, price: new Decimal('1.00'), timestampMs: 1 })
    const second = applyOrderFill(first, { quantity: 2, price: new Decimal('1.30'), timestampMs: 2 })
    expect(first.status).toBe('partially_filled')
    expect(second.status).toBe('filled')
    expect(second.averageFillPrice?.toString()).toBe('1.2')
  })

  test('a fill beyond the remaining quantity throws and names the quantities', () => {
    const partial = applyOrderFill(order('submitted', 3), { quantity: 2, price: new Decimal(1), timestampMs: 1 })
    expect(() => applyOrderFill(partial, { quantity: 2, price: new Decimal(1), timestampMs: 2 })).toThrow(OverfillError)
  })

  test.each([0, -1, 1.5, Number.NaN])('a fill of %s units throws', (quantity) => {
    expect(() => applyOrderFill(order('submitted'), { quantity, price: new Decimal(1), timestampMs: 1 })).toThrow(
      OverfillError,
    )
  })

  test.each(['pending', 'filled', 'cancelled', 'rejected', 'expired'] as const)('a %s order cannot fill', (status) => {
    expect(() => applyOrderFill(order(status), { quantity: 1, price: new Decimal(1), timestampMs: 1 })).toThrow(
      IllegalOrderTransitionError,
    )
  })
})

type Step = { kind: 'transition'; to: OrderStatus } | { kind: 'fill'; quantity: number }

test('random sequences of requests never reach an impossible state', () => {
  const step = fc.oneof(
    fc.constantFrom(...STATUSES).map((to): Step => ({ kind: 'transition', to })),
    fc.integer({ min: -1, max: 6 }).map((quantity): Step => ({ kind: 'fill', quantity })),
  )
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.array(step, { maxLength: 30 }), (quantity, steps) => {
      let current = order('pending', quantity)
      const seen: OrderStatus[] = [current.status]
      for (const [index, s] of steps.entries()) {
        try {
          current =
            s.kind === 'transition'
              ? transitionOrder(current, s.to, { nowMs: index })
              : applyOrderFill(current, { quantity: s.quantity, price: new Decimal(index + 1), timestampMs: index })
        } catch (error) {
          expect(error instanceof IllegalOrderTransitionError || error instanceof OverfillError).toBe(true)
        }
        const previous = seen[seen.length - 1] ?? 'pending'
        expect(previous === current.status || ORDER_TRANSITIONS[previous].includes(current.status)).toBe(true)
        seen.push(current.status)
        expect(current.filledQuantity).toBeGreaterThanOrEqual(0)
        expect(current.filledQuantity).toBeLessThanOrEqual(current.quantity)
        expect(current.status === 'filled').toBe(current.filledQuantity === current.quantity)
        if (current.status === 'partially_filled') expect(current.filledQuantity).toBeGreaterThan(0)
        expect(current.averageFillPrice === null).toBe(current.filledQuantity === 0)
      }
    }),
  )
})
