import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { equity, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createMutableMarketView } from '../risk/mutableMarketView.js'
import type { Fill } from '../trading/types.js'
import { createPositionLedger } from './positionLedger.js'

const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
const callId = instrumentId(call)
const shares = equity('SPY')
let sequence = 0
const fill = (id: string, side: 'buy' | 'sell', quantity: number, price: string): Fill => ({
  fillId: `F${++sequence}`,
  clientOrderId: 'O1',
  instrumentId: id,
  side,
  quantity,
  price: new Decimal(price),
  commission: new Decimal(0),
  timestampMs: Date.UTC(2025, 10, 21, 15),
  mode: 'paper',
})

describe('createPositionLedger', () => {
  test('follows every mark change and every fill while revalued repeatedly', () => {
    const ledger = createPositionLedger({ cash: new Decimal(10_000), positions: [] })
    const market = createMutableMarketView()
    ledger.apply(fill(callId, 'buy', 2, '1.00'), call)
    ledger.apply(fill('SPY', 'sell', 10, '500'), shares)
    market.setMark(callId, 1.25)
    expect(ledger.unrealized(market).amount.toString()).toBe('50')
    expect(ledger.unrealized(market).missingMarks).toEqual(['SPY'])
    market.setMark('SPY', 499)
    expect(ledger.unrealized(market).amount.toString()).toBe('60')
    expect(ledger.unrealized(market).amount.toString()).toBe('60')
    market.setMark(callId, 0.75)
    expect(ledger.unrealized(market).amount.toString()).toBe('-40')
    ledger.apply(fill(callId, 'buy', 2, '0.50'), call)
    expect(ledger.unrealized(market).amount.toString()).toBe('10')
    ledger.apply(fill(callId, 'sell', 4, '0.75'), call)
    expect(ledger.unrealized(market).amount.toString()).toBe('10')
    ledger.apply(fill(callId, 'buy', 1, '0.70'), call)
    expect(ledger.unrealized(market).amount.toString()).toBe('15')
  })

  test('lists positions sorted by id after every fill, each call with its own array', () => {
    const ledger = createPositionLedger()
    expect(ledger.positions()).toEqual([])
    ledger.apply(fill('SPY', 'buy', 10, '500'), shares)
    ledger.apply(fill(callId, 'sell', 1, '1.00'), call)
    const first = ledger.positions()
    expect(first.map((p) => `${p.instrumentId} ${p.side} ${p.quantity}`)).toEqual(['SPY long 10', `${callId} short 1`])
    first.pop()
    expect(ledger.positions()).toHaveLength(2)
    ledger.apply(fill('SPY', 'sell', 4, '501'), shares)
    expect(ledger.positions().map((p) => p.quantity)).toEqual([6, 1])
    ledger.apply(fill(callId, 'buy', 1, '0.50'), call)
    expect(ledger.positions().map((p) => p.instrumentId)).toEqual(['SPY'])
  })
})
