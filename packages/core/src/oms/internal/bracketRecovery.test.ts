import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { optionContract } from '../../instruments/instrument.js'
import { bracketOrder } from '../../orders/bracketOrder.js'
import { createOrderIntent } from '../../orders/createOrderIntent.js'
import type { Order, OrderIntent, OrderStatus } from '../../trading/types.js'
import { recoverBracket } from './bracketRecovery.js'
import { nextBracketStep } from './bracketStep.js'

const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 600, right: 'call' })
const bracket = bracketOrder({
  entry: createOrderIntent({
    clientOrderId: 'b1',
    legs: [{ instrument: call, side: 'buy', ratio: 1 }],
    quantity: 3,
    limitPrice: new Decimal('2.1'),
  }),
  takeProfitPrice: new Decimal('3'),
  stopLossPrice: new Decimal('1.5'),
})
const policy = { retryMs: 5000, retryMaxMs: 60_000 }

let createdAtMs = 0
const order = (intent: OrderIntent, id: string, status: OrderStatus, filledQuantity = 0, quantity = 3): Order => ({
  ...intent,
  clientOrderId: id,
  quantity,
  status,
  filledQuantity,
  averageFillPrice: null,
  createdAtMs: ++createdAtMs,
  updatedAtMs: createdAtMs * 1000,
})
const entry = order(bracket.entry, 'b1', 'filled', 3)
const stop = (n: number, status: OrderStatus, filled = 0) => order(bracket.stopLoss, `b1.sl.${n}`, status, filled)
const takeProfit = (n: number, status: OrderStatus, filled = 0) =>
  order(bracket.takeProfit, `b1.tp.${n}`, status, filled)

describe('recoverBracket', () => {
  it('numbers after the highest n even with gaps, ignoring look-alike ids', () => {
    const orders = [
      entry,
      stop(1, 'cancelled'),
      stop(3, 'submitted'),
      order(bracket.stopLoss, 'b1.sl.03', 'submitted'),
      order(bracket.stopLoss, 'b1.sl.2.sl.9', 'submitted'),
      order(bracket.entry, 'b10', 'filled', 1),
    ]
    const recovered = recoverBracket(bracket, entry, orders, policy)
    expect(recovered).toMatchObject({ stops: 3, takeProfits: 0, stopId: 'b1.sl.3', exitIds: ['b1.sl.1', 'b1.sl.3'] })
  })

  it('manages the latest working stop and leaves an older working one to be cancelled first', () => {
    const older = stop(1, 'submitted')
    const orders = [entry, older, stop(2, 'submitted'), stop(3, 'rejected')]
    const recovered = recoverBracket(bracket, entry, orders, policy)
    expect(recovered.stopId).toBe('b1.sl.2')
    expect(recovered.stops).toBe(3)
    const step = nextBracketStep({
      entry,
      stopLoss: orders[2],
      takeProfit: undefined,
      exitFilledQuantity: 0,
      takeProfitDue: false,
      cancelling: new Set(),
      otherExits: [older],
    })
    expect(step).toEqual({ kind: 'cancel', clientOrderId: 'b1.sl.1', reason: 'superseded exit' })
  })

  it('rebuilds the take-profit cooldown from the outcomes, settling only a final latest take-profit', () => {
    const tp1 = takeProfit(1, 'cancelled')
    const tp2 = takeProfit(2, 'cancelled')
    const recovered = recoverBracket(bracket, entry, [entry, stop(1, 'cancelled'), tp1, tp2], policy)
    expect(recovered.settledTakeProfitId).toBe('b1.tp.2')
    expect(recovered.retry).toEqual({
      unfilledAttempts: 2,
      lastAttemptMs: tp2.updatedAtMs,
      retryAtMs: tp2.updatedAtMs + 10_000,
    })
    const working = recoverBracket(bracket, entry, [entry, tp1, takeProfit(2, 'submitted')], policy)
    expect(working).toMatchObject({ takeProfitId: 'b1.tp.2', settledTakeProfitId: undefined })
    expect(working.retry.unfilledAttempts).toBe(1)
  })
})
