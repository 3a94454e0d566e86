import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { testFill } from '../internal/testFill.js'
import { buildEquityCurve } from './equityCurve.js'

const CALL = 'SPY   250321C00500000'

describe('buildEquityCurve', () => {
  // 10 000 cash; buy 1 call @ 2.00 (0.65) at t=1; mark 2.50 at t=2; sell @ 3.00 (0.65) at t=3; mark at t=4.
  //   t1: 10 000 − 0.65 = 9 999.35 (valued at the fill price)
  //   t2: + (2.50 − 2.00) × 100 = 10 049.35
  //   t3: realised 100, commissions 1.30 → 10 098.70
  //   t4: flat, the mark changes nothing → 10 098.70
  const fills = [
    testFill({ instrumentId: CALL, side: 'buy', quantity: 1, price: '2.00', commission: '0.65', timestampMs: 1 }),
    testFill({ instrumentId: CALL, side: 'sell', quantity: 1, price: '3.00', commission: '0.65', timestampMs: 3 }),
  ]
  const marks = [
    { instrumentId: CALL, timestampMs: 4, price: new Decimal('1') },
    { instrumentId: CALL, timestampMs: 2, price: new Decimal('2.50') },
  ]

  it('produces one point per event time from starting cash, realised, unrealised and commissions', () => {
    const curve = buildEquityCurve({ startingCash: new Decimal(10_000), fills, marks })
    expect(curve.map((p) => [p.timestampMs, p.equity.toFixed(2)])).toEqual([
      [1, '9999.35'],
      [2, '10049.35'],
      [3, '10098.70'],
      [4, '10098.70'],
    ])
    expect(curve[1]?.unrealizedPnl.toString()).toBe('50')
    expect(curve[2]?.realizedPnl.toString()).toBe('100')
    expect(curve[2]?.commissions.toString()).toBe('1.3')
  })

  it('lets a mark at a fill time override the fill price', () => {
    const curve = buildEquityCurve({
      startingCash: new Decimal(0),
      fills: [fills[0] ?? testFill({ instrumentId: CALL, side: 'buy', quantity: 1, price: '2', timestampMs: 1 })],
      marks: [{ instrumentId: CALL, timestampMs: 1, price: new Decimal('1.80') }],
    })
    expect(curve).toHaveLength(1)
    expect(curve[0]?.equity.toFixed(2)).toBe('-20.65')
  })

  it('keeps only one strategy when asked', () => {
    const mixed = [
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '100', timestampMs: 1, strategyId: 'a' }),
      testFill({ instrumentId: 'SPY', side: 'sell', quantity: 1, price: '110', timestampMs: 2, strategyId: 'a' }),
      testFill({ instrumentId: 'QQQ', side: 'buy', quantity: 1, price: '100', timestampMs: 2, strategyId: 'b' }),
      testFill({ instrumentId: 'QQQ', side: 'sell', quantity: 1, price: '90', timestampMs: 3, strategyId: 'b' }),
    ]
    const curve = buildEquityCurve({ startingCash: new Decimal(1000), fills: mixed, strategyId: 'b' })
    expect(curve.map((p) => p.equity.toString())).toEqual(['1000', '990'])
  })

  it('starts with the starting cash at startTimeMs when given', () => {
    const curve = buildEquityCurve({ startingCash: new Decimal(10_000), fills, marks, startTimeMs: 0 })
    expect(curve[0]?.timestampMs).toBe(0)
    expect(curve[0]?.equity.toString()).toBe('10000')
    expect(curve).toHaveLength(5)
    expect(() => buildEquityCurve({ startingCash: new Decimal(1), fills, startTimeMs: 2 })).toThrow(/startTimeMs/)
  })

  it('returns no points without events', () => {
    expect(buildEquityCurve({ startingCash: new Decimal(5), fills: [] })).toEqual([])
  })
})
