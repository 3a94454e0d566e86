import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { optionContract } from '../instruments/instrument.js'
import type { Order, OrderIntent } from '../trading/types.js'
import { bracketFollowUp } from './bracketFollowUp.js'
import { bracketOrder } from './bracketOrder.js'
import { createOrderIntent } from './createOrderIntent.js'
import { ironCondor, singleOption } from './optionStructures.js'
import { InvalidOrderError } from './orderErrors.js'

const d = (value: string) => new Decimal(value)
const c = (strike: number) => optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right: 'call' })
const p = (strike: number) => optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right: 'put' })

const longCall = createOrderIntent({
  clientOrderId: 'e1',
  structure: singleOption(c(500), 'buy'),
  quantity: 3,
  limitPrice: d('2'),
})

describe('bracketOrder', () => {
  test('long call: exits sell the call, take-profit above and stop below the entry', () => {
    const bracket = bracketOrder({ entry: longCall, takeProfitPrice: d('3'), stopLossPrice: d('1.5') })
    expect(bracket.groupId).toBe('e1')
    expect(bracket.takeProfit).toMatchObject({ clientOrderId: 'e1.tp', type: 'LMT', quantity: 3, timeInForce: 'DAY' })
    expect(bracket.stopLoss).toMatchObject({ clientOrderId: 'e1.sl', type: 'STP', quantity: 3 })
    expect(bracket.takeProfit.legs[0]?.side).toBe('sell')
  })

  test('exits on the wrong side of the entry are refused', () => {
    expect(() => bracketOrder({ entry: longCall, takeProfitPrice: d('1.9'), stopLossPrice: d('1.5') })).toThrow(
      /profitable side/,
    )
    expect(() => bracketOrder({ entry: longCall, takeProfitPrice: d('3'), stopLossPrice: d('2.1') })).toThrow(
      InvalidOrderError,
    )
  })

  test('short iron condor: exits buy back at a lower debit (profit) or a higher one (stop)', () => {
    const entry = createOrderIntent({
      clientOrderId: 'ic',
      structure: ironCondor({ putWing: p(490), putBody: p(495), callBody: c(505), callWing: c(510), side: 'sell' }),
      quantity: 1,
      limitPrice: d('-1.5'),
    })
    const bracket = bracketOrder({
      entry,
      takeProfitPrice: d('0.75'),
      stopLossPrice: d('3'),
      stopLossLimitPrice: d('3.2'),
    })
    expect(bracket.stopLoss.type).toBe('STP_LMT')
    expect(bracket.takeProfit.legs.map((leg) => leg.side)).toEqual(['sell', 'buy', 'buy', 'sell'])
    expect(() => bracketOrder({ entry, takeProfitPrice: d('1.6'), stopLossPrice: d('3') })).toThrow(/profitable/)
    expect(() =>
      bracketOrder({ entry, takeProfitPrice: d('0.75'), stopLossPrice: d('3'), stopLossLimitPrice: d('2.9') }),
    ).toThrow(/as aggressive/)
  })
})

describe('bracketFollowUp', () => {
  const bracket = bracketOrder({ entry: longCall, takeProfitPrice: d('3'), stopLossPrice: d('1.5') })
  const state = (intent: OrderIntent, status: Order['status'], filledQuantity: number, quantity = intent.quantity) =>
    ({
      ...intent,
      quantity,
      status,
      filledQuantity,
      averageFillPrice: filledQuantity ? d('1') : null,
      createdAtMs: 0,
      updatedAtMs: 0,
    }) as Order

  test('nothing happens before the entry fills', () => {
    expect(bracketFollowUp(bracket, { entry: state(longCall, 'submitted', 0) })).toEqual([])
  })

  test('a partial entry fill places both exits for what is open', () => {
    const actions = bracketFollowUp(bracket, { entry: state(longCall, 'partially_filled', 1) })
    expect(actions.map((action) => [action.kind, action.kind === 'place' && action.intent.quantity])).toEqual([
      ['place', 1],
      ['place', 1],
    ])
  })

  test('more entry fills grow the exits', () => {
    const actions = bracketFollowUp(bracket, {
      entry: state(longCall, 'filled', 3),
      takeProfit: state(bracket.takeProfit, 'submitted', 0, 1),
      stopLoss: state(bracket.stopLoss, 'submitted', 0, 1),
    })
    expect(actions).toEqual([
      { kind: 'modify', clientOrderId: 'e1.tp', quantity: 3 },
      { kind: 'modify', clientOrderId: 'e1.sl', quantity: 3 },
    ])
  })

  test('a partial take-profit shrinks the stop; a full one cancels it', () => {
    const partial = bracketFollowUp(bracket, {
      entry: state(longCall, 'filled', 3),
      takeProfit: state(bracket.takeProfit, 'partially_filled', 2),
      stopLoss: state(bracket.stopLoss, 'submitted', 0),
    })
    expect(partial).toEqual([{ kind: 'modify', clientOrderId: 'e1.sl', quantity: 1 }])
    const full = bracketFollowUp(bracket, {
      entry: state(longCall, 'filled', 3),
      takeProfit: state(bracket.takeProfit, 'filled', 3),
      stopLoss: state(bracket.stopLoss, 'submitted', 0),
    })
    expect(full).toEqual([{ kind: 'cancel', clientOrderId: 'e1.sl', reason: 'one-cancels-other' }])
  })

  test('a rejected stop with quantity open is reported as unprotected', () => {
    const actions = bracketFollowUp(bracket, {
      entry: state(longCall, 'filled', 3),
      takeProfit: state(bracket.takeProfit, 'submitted', 0),
      stopLoss: state(bracket.stopLoss, 'rejected', 0),
    })
    expect(actions).toEqual([{ kind: 'unprotected', clientOrderId: 'e1.sl', openQuantity: 3 }])
  })
})
