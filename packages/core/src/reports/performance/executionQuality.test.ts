import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { testFill } from '../internal/testFill.js'
import { exposureShare } from './exposureShare.js'
import { fillRate } from './fillRate.js'
import { averageSlippage, slippageSamples } from './slippage.js'

const CALL = 'SPY   250321C00500000'

describe('averageSlippage', () => {
  // buy 2 @ 2.05 with mid 2.00 → 0.05 worse per unit; sell 1 @ 1.90 with mid 2.00 → 0.10 worse
  //   per unit (0.05×2 + 0.10×1)/3 = 0.066667; money 0.05×2×100 + 0.10×1×100 = 20
  //   bps 0.20 / (2.00×2 + 2.00×1) × 10 000 = 333.33
  it('weights by quantity, signs by side and scales money by the multiplier', () => {
    const fills = [
      testFill({ instrumentId: CALL, side: 'buy', quantity: 2, price: '2.05', timestampMs: 1, clientOrderId: 'a' }),
      testFill({ instrumentId: CALL, side: 'sell', quantity: 1, price: '1.90', timestampMs: 2, clientOrderId: 'b' }),
      testFill({ instrumentId: CALL, side: 'sell', quantity: 1, price: '1.00', timestampMs: 3, clientOrderId: 'c' }),
    ]
    const mids = new Map([
      ['a', new Decimal('2.00')],
      ['b', new Decimal('2.00')],
    ])
    const samples = slippageSamples(fills, (fill) => mids.get(fill.clientOrderId))
    expect(samples).toHaveLength(2)
    const summary = averageSlippage(samples)
    expect(summary?.averagePerUnit).toBeCloseTo(0.0666667, 6)
    expect(summary?.totalCost).toBe(20)
    expect(summary?.averageBps).toBeCloseTo(333.3333, 3)
  })

  it('is null without samples', () => {
    expect(averageSlippage([])).toBeNull()
  })
})

describe('fillRate', () => {
  // submitted: filled 2/2, cancelled after 1/4, cancelled 0/1, rejected 0/1 (pending 0/1 not submitted)
  //   orders with a fill 2/4 = 0.5; fully filled 1; quantity 3/8 = 0.375
  it('counts filled against submitted orders by count and quantity', () => {
    const rate = fillRate([
      { status: 'filled', quantity: 2, filledQuantity: 2 },
      { status: 'cancelled', quantity: 4, filledQuantity: 1 },
      { status: 'cancelled', quantity: 1, filledQuantity: 0 },
      { status: 'rejected', quantity: 1, filledQuantity: 0 },
      { status: 'pending', quantity: 1, filledQuantity: 0 },
    ])
    expect(rate.submittedOrders).toBe(4)
    expect(rate.filledOrders).toBe(2)
    expect(rate.fullyFilledOrders).toBe(1)
    expect(rate.orderFillRate).toBe(0.5)
    expect(rate.quantityFillRate).toBe(0.375)
  })

  it('is null when nothing was submitted', () => {
    expect(fillRate([{ status: 'pending', quantity: 1, filledQuantity: 0 }]).orderFillRate).toBeNull()
  })
})

describe('exposureShare', () => {
  // window 0–100: open −10→5 (5 inside), 10→30 (20), 60→end (40) → 65 / 100
  it('is the share of the window with any position open', () => {
    const fills = [
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '1', timestampMs: -10 }),
      testFill({ instrumentId: 'SPY', side: 'sell', quantity: 1, price: '1', timestampMs: 5 }),
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '1', timestampMs: 10 }),
      testFill({ instrumentId: 'SPY', side: 'sell', quantity: 1, price: '1', timestampMs: 30 }),
      testFill({ instrumentId: 'QQQ', side: 'sell', quantity: 1, price: '1', timestampMs: 60 }),
    ]
    expect(exposureShare(fills, { startMs: 0, endMs: 100 })).toBeCloseTo(0.65, 12)
  })

  it('is null for an empty window', () => {
    expect(exposureShare([], { startMs: 5, endMs: 5 })).toBeNull()
  })
})
