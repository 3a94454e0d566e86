import { Decimal } from 'decimal.js'
import fc from 'fast-check'
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

  test('answers like a ledger that never saw the earlier marks, over any fills and mark changes', () => {
    const put = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 495, right: 'put' })
    const instruments = [call, put, shares]
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('fill' as const),
        which: fc.nat({ max: 2 }),
        side: fc.constantFrom('buy' as const, 'sell' as const),
        quantity: fc.integer({ min: 1, max: 3 }),
        cents: fc.integer({ min: 1, max: 300 }),
      }),
      fc.record({
        kind: fc.constant('mark' as const),
        which: fc.nat({ max: 2 }),
        mark: fc.option(
          fc.integer({ min: 0, max: 300 }).map((cents) => cents / 100),
          { nil: undefined },
        ),
      }),
      fc.constant({ kind: 'revalue' as const }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const ledger = createPositionLedger()
        const market = createMutableMarketView()
        const fills: [Fill, (typeof instruments)[number]][] = []
        for (const s of steps) {
          const instrument = instruments[s.kind === 'revalue' ? 0 : s.which] ?? call
          const id = instrumentId(instrument)
          if (s.kind === 'fill') {
            const f = fill(id, s.side, s.quantity, (s.cents / 100).toFixed(2))
            fills.push([f, instrument])
            ledger.apply(f, instrument)
          } else if (s.kind === 'mark') {
            market.setMark(id, s.mark)
          }
          const fresh = createPositionLedger()
          for (const [f, i] of fills) fresh.apply(f, i)
          const expected = fresh.unrealized(market)
          const actual = ledger.unrealized(market)
          expect(actual.amount.toString()).toBe(expected.amount.toString())
          expect(actual.amount.isNegative()).toBe(expected.amount.isNegative())
          expect(actual.missingMarks).toEqual(expected.missingMarks)
        }
      }),
    )
  })
})
