import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Quote } from '../../marketData/types.js'
import { packageQuote } from '../../orders/packageQuote.js'
import { DEFAULT_TICK_TABLE } from '../../orders/tickTable.js'
import type { Order, OrderLeg } from '../../trading/types.js'
import { matchOrder } from './matchOrder.js'
import { d, spy } from './paperTestKit.js'
import { restingLimitClear } from './restingLimitClear.js'

const order = (legs: OrderLeg[], limit: string): Order => ({
  clientOrderId: 'o1',
  legs,
  quantity: 5,
  type: 'LMT',
  limitPrice: d(limit),
  timeInForce: 'DAY',
  mode: 'paper',
  status: 'submitted',
  filledQuantity: 0,
  averageFillPrice: null,
  createdAtMs: 0,
  updatedAtMs: 0,
})

const rests = (o: Order, quoteOf: (id: string) => Quote | undefined) =>
  matchOrder({
    order: o,
    quote: packageQuote(o.legs, quoteOf),
    taker: false,
    triggered: false,
    slippage: { kind: 'none' },
    tickTable: DEFAULT_TICK_TABLE,
  }) === undefined

describe('restingLimitClear', () => {
  const call = spy(500)
  const put = spy(495, 'put')
  const quotes = new Map<string, Quote>()
  const quoteOf = (id: string) => quotes.get(id)
  const set = (instrument: OrderLeg['instrument'], bid: number, ask: number) =>
    quotes.set(instrumentId(instrument), {
      instrumentId: instrumentId(instrument),
      bid,
      ask,
      bidSize: 9,
      askSize: 9,
      timestampMs: 0,
    })

  test('clears a limit below the ask and leaves a marketable one to the exact match', () => {
    set(call, 1.2, 1.3)
    const buy = [{ instrument: call, side: 'buy' as const, ratio: 1 }]
    expect(restingLimitClear(order(buy, '1.25'), quoteOf)).toBe(true)
    expect(restingLimitClear(order(buy, '1.3'), quoteOf)).toBe(false)
    expect(rests(order(buy, '1.3'), quoteOf)).toBe(false)
    const sell = [{ instrument: call, side: 'sell' as const, ratio: 1 }]
    expect(restingLimitClear(order(sell, '1.25'), quoteOf)).toBe(true)
    expect(restingLimitClear(order(sell, '1.2'), quoteOf)).toBe(false)
    quotes.clear()
    expect(restingLimitClear(order(buy, '9'), quoteOf)).toBe(true)
  })

  test('never clears an order that the exact match would fill', () => {
    const price = fc.oneof(
      fc.integer({ min: -5, max: 500 }).map((cents) => cents / 100),
      fc.double({ min: -1, max: 5, noNaN: true }),
      fc.constant(Number.NaN),
    )
    const leg = fc.tuple(
      fc.constantFrom(call, put),
      fc.constantFrom('buy' as const, 'sell' as const),
      fc.integer({ min: 1, max: 3 }),
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(leg, { minLength: 1, maxLength: 2, selector: ([instrument]) => instrumentId(instrument) }),
        fc.tuple(price, price),
        fc.tuple(price, price),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -3, max: 3 }),
        (spec, [callBid, callAsk], [putBid, putAsk], cents, nudge) => {
          quotes.clear()
          set(call, callBid, callAsk)
          if (putAsk !== 0) set(put, putBid, putAsk)
          const legs = spec.map(([instrument, side, ratio]) => ({ instrument, side, ratio }))
          // Limits on the cent grid, and a few millionths of a cent either side of it.
          const limit = d(cents).dividedBy(100).plus(d(nudge).times('1e-9')).abs()
          const o = order(legs, limit.toString())
          if (restingLimitClear(o, quoteOf)) expect(rests(o, quoteOf)).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
