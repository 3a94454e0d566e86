import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { type OptionContract, optionContract } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { ManagedOrder } from '../../oms/managedOrder.js'
import type { Fill, Side } from '../../trading/types.js'
import { attributeFills } from './attributeFills.js'

const EXPIRY = '2025-11-21'
const call590 = optionContract({ root: 'SPY', expiry: EXPIRY, strike: 590, right: 'call' })
const put585 = optionContract({ root: 'SPY', expiry: EXPIRY, strike: 585, right: 'put' })
const put600 = optionContract({ root: 'SPY', expiry: EXPIRY, strike: 600, right: 'put' })

function order(
  clientOrderId: string,
  contract: OptionContract,
  side: Side,
  extra: Partial<ManagedOrder> & Pick<ManagedOrder, 'purpose'>,
): ManagedOrder {
  return {
    clientOrderId,
    legs: [{ instrument: contract, side, ratio: 1 }],
    quantity: 1,
    type: 'LMT',
    timeInForce: 'DAY',
    mode: 'paper',
    status: 'filled',
    filledQuantity: 1,
    averageFillPrice: new Decimal(1),
    createdAtMs: 0,
    updatedAtMs: 0,
    external: false,
    ...extra,
  }
}

let sequence = 0
function fill(clientOrderId: string, id: string, side: Side, quantity: number, price: number, commission = 0): Fill {
  sequence++
  return {
    fillId: `F${sequence}`,
    clientOrderId,
    instrumentId: id,
    side,
    quantity,
    price: new Decimal(price),
    commission: new Decimal(commission),
    timestampMs: sequence,
    mode: 'paper',
  }
}

describe('attributeFills', () => {
  test('gives entry and linked exit fills to the entry, and expiration closes to the entry still holding', () => {
    const orders = [
      order('alpha.1', call590, 'buy', { purpose: 'entry', strategyId: 'alpha' }),
      order('exit.tp1.alpha.1.5', call590, 'sell', { purpose: 'exit', strategyId: 'alpha', closesOrderId: 'alpha.1' }),
    ]
    const fills = [
      fill('alpha.1', instrumentId(call590), 'buy', 2, 1.2, 1.3),
      fill('exit.tp1.alpha.1.5', instrumentId(call590), 'sell', 1, 1.5, 0.65),
      fill('expiration:SPY:2025-11-21', instrumentId(call590), 'sell', 1, 0),
    ]
    const attributed = attributeFills(fills, orders)
    expect(attributed.map((f) => [f.entryId, f.strategyId, f.quantity])).toEqual([
      ['alpha.1', 'alpha', 2],
      ['alpha.1', 'alpha', 1],
      ['alpha.1', 'alpha', 1],
    ])
  })

  test('splits a fill of no entry across the holders, oldest first, with the commission pro rata', () => {
    const orders = [
      order('beta.1', put585, 'buy', { purpose: 'entry', strategyId: 'beta' }),
      order('gamma.2', put585, 'buy', { purpose: 'entry', strategyId: 'gamma' }),
      order('flatten.1', put585, 'sell', { purpose: 'exit' }),
    ]
    const id = instrumentId(put585)
    const fills = [
      fill('beta.1', id, 'buy', 3, 0.5),
      fill('gamma.2', id, 'buy', 2, 0.5),
      fill('flatten.1', id, 'sell', 5, 0.4, 5),
    ]
    const split = attributeFills(fills, orders).slice(2)
    expect(split.map((f) => [f.entryId, f.strategyId, f.quantity, f.commission.toNumber()])).toEqual([
      ['beta.1', 'beta', 3, 3],
      ['gamma.2', 'gamma', 2, 2],
    ])
    const parent = fills[2] as Fill
    expect(split.map((f) => f.fillId)).toEqual([`${parent.fillId}/1`, `${parent.fillId}/2`])
  })

  test('gives assigned shares to the entry whose in-the-money contract produced them', () => {
    const orders = [
      order('delta.1', put600, 'sell', { purpose: 'entry', strategyId: 'delta' }),
      order('alpha.2', call590, 'buy', { purpose: 'entry', strategyId: 'alpha' }),
    ]
    const fills = [
      fill('delta.1', instrumentId(put600), 'sell', 1, 2.1),
      fill('alpha.2', instrumentId(call590), 'buy', 1, 0.3),
      fill('expiration:SPY:2025-11-21', instrumentId(put600), 'buy', 1, 0),
      fill('expiration:SPY:2025-11-21', instrumentId(call590), 'sell', 1, 0),
      fill('expiration:SPY:2025-11-21', 'SPY', 'buy', 100, 600),
    ]
    const attributed = attributeFills(fills, orders)
    expect(attributed.map((f) => [f.instrumentId, f.strategyId])).toEqual([
      [instrumentId(put600), 'delta'],
      [instrumentId(call590), 'alpha'],
      [instrumentId(put600), 'delta'],
      [instrumentId(call590), 'alpha'],
      ['SPY', 'delta'],
    ])
  })

  test('leaves what no entry holds unattributed', () => {
    const fills = [fill('external.9', instrumentId(call590), 'buy', 1, 1)]
    expect(attributeFills(fills, []).map((f) => [f.entryId, f.strategyId])).toEqual([['unattributed', 'unattributed']])
  })
})
