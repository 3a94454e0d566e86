import { describe, expect, it } from 'vitest'
import { testFill } from '../internal/testFill.js'
import { closedTrades } from './closedTrades.js'

describe('closedTrades', () => {
  // buy 2 QQQ @ 100 (commission 2), sell 3 @ 110 (commission 3: 2 closing, 1 opening), buy 1 @ 105 (commission 1)
  //   trade 1: long 2, 100 → 110, gross 20, commissions 2 + 2 = 4, net 16
  //   trade 2: short 1, 110 → 105, gross 5, commissions 1 + 1 = 2, net 3
  const flip = [
    testFill({ instrumentId: 'QQQ', side: 'buy', quantity: 2, price: '100', commission: '2', timestampMs: 1 }),
    testFill({ instrumentId: 'QQQ', side: 'sell', quantity: 3, price: '110', commission: '3', timestampMs: 2 }),
    testFill({ instrumentId: 'QQQ', side: 'buy', quantity: 1, price: '105', commission: '1', timestampMs: 3 }),
  ]

  it('splits a flipping fill into the end of one trade and the start of the next', () => {
    const [first, second] = closedTrades(flip)
    expect(first?.direction).toBe('long')
    expect(first?.quantity).toBe(2)
    expect(first?.entryPrice?.toString()).toBe('100')
    expect(first?.exitPrice?.toString()).toBe('110')
    expect(first?.grossPnl.toString()).toBe('20')
    expect(first?.commissions.toString()).toBe('4')
    expect(first?.netPnl.toString()).toBe('16')
    expect(second?.direction).toBe('short')
    expect(second?.entryTimeMs).toBe(2)
    expect(second?.exitTimeMs).toBe(3)
    expect(second?.grossPnl.toString()).toBe('5')
    expect(second?.netPnl.toString()).toBe('3')
  })

  it('groups the legs of a spread into one trade per strategy when asked', () => {
    const longLeg = 'SPY   250321C00500000'
    const shortLeg = 'SPY   250321C00505000'
    // Debit call spread: buy 500C @ 3.00, sell 505C @ 1.00; close: sell 500C @ 4.00, buy 505C @ 1.50.
    //   gross (4.00 − 3.00) × 100 + (1.00 − 1.50) × 100 = 50
    const spread = [
      testFill({ instrumentId: longLeg, side: 'buy', quantity: 1, price: '3.00', timestampMs: 10, strategyId: 'v' }),
      testFill({ instrumentId: shortLeg, side: 'sell', quantity: 1, price: '1.00', timestampMs: 10, strategyId: 'v' }),
      testFill({ instrumentId: longLeg, side: 'sell', quantity: 1, price: '4.00', timestampMs: 20, strategyId: 'v' }),
      testFill({ instrumentId: shortLeg, side: 'buy', quantity: 1, price: '1.50', timestampMs: 21, strategyId: 'v' }),
    ]
    const grouped = closedTrades(spread, { grouping: 'strategy' })
    expect(grouped).toHaveLength(1)
    expect(grouped[0]?.grossPnl.toString()).toBe('50')
    expect(grouped[0]?.direction).toBeNull()
    expect(grouped[0]?.entryPrice).toBeNull()
    expect(grouped[0]?.instrumentIds).toEqual([longLeg, shortLeg])
    expect(grouped[0]?.exitTimeMs).toBe(21)
    const perLeg = closedTrades(spread)
    expect(perLeg.map((t) => t.grossPnl.toString())).toEqual(['100', '-50'])
  })

  it('leaves out a position still open', () => {
    const openOnly = [testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '1', timestampMs: 1 })]
    expect(closedTrades(openOnly)).toEqual([])
  })
})
