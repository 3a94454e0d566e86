import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { testFill } from '../internal/testFill.js'
import { ReportInputError } from '../reportInputError.js'
import { computePortfolio } from './computePortfolio.js'

const CALL = 'SPY   250321C00500000'

// Strategy "calls": buy 2 @ 2.00, buy 1 @ 2.60, sell 2 @ 3.00, mark 2.80 (multiplier 100, 0.65 per contract).
//   average cost: avg (2×2.00 + 2.60)/3 = 2.20; realised (3.00−2.20)×2×100 = 160; open 1 @ 2.20 → (2.80−2.20)×100 = 60
//   FIFO:         realised (3.00−2.00)×2×100 = 200;  open 1 @ 2.60 → (2.80−2.60)×100 = 20
//   both: gross 220, commissions 1.30+0.65+1.30 = 3.25, net 216.75
// Strategy "shares": short 10 SPY @ 500, buy 4 @ 495 (commission 1 each), mark 497:
//   realised (500−495)×4 = 20; open short 6 @ 500 → (500−497)×6 = 18; commissions 2; net 36
const fills = [
  testFill({ instrumentId: CALL, side: 'buy', quantity: 2, price: '2.00', commission: '1.30', timestampMs: 1000 }),
  testFill({ instrumentId: CALL, side: 'buy', quantity: 1, price: '2.60', commission: '0.65', timestampMs: 2000 }),
  testFill({ instrumentId: CALL, side: 'sell', quantity: 2, price: '3.00', commission: '1.30', timestampMs: 3000 }),
  testFill({ instrumentId: 'SPY', side: 'sell', quantity: 10, price: '500', commission: '1', timestampMs: 1500 }),
  testFill({ instrumentId: 'SPY', side: 'buy', quantity: 4, price: '495', commission: '1', timestampMs: 2500 }),
]
const attribution = new Map(fills.map((fill) => [fill.clientOrderId, fill.instrumentId === 'SPY' ? 'shares' : 'calls']))
const marks = { [CALL]: new Decimal('2.80'), SPY: new Decimal('497') }

describe('computePortfolio', () => {
  it('realises against the average cost and values the rest at the mark', () => {
    const snapshot = computePortfolio(fills, { method: 'average_cost', marks, attribution })
    const calls = snapshot.strategies.find((s) => s.strategyId === 'calls')
    expect(calls?.realizedPnl.toString()).toBe('160')
    expect(calls?.unrealizedPnl.toString()).toBe('60')
    expect(calls?.commissions.toString()).toBe('3.25')
    expect(calls?.netPnl.toString()).toBe('216.75')
    const position = snapshot.positions.find((p) => p.instrumentId === CALL)
    expect(position?.side).toBe('long')
    expect(position?.quantity).toBe(1)
    expect(position?.averagePrice?.toString()).toBe('2.2')
    expect(position?.multiplier).toBe(100)
  })

  it('realises against the oldest lots under FIFO with the same total', () => {
    const snapshot = computePortfolio(fills, { method: 'fifo', marks, attribution })
    const calls = snapshot.strategies.find((s) => s.strategyId === 'calls')
    expect(calls?.realizedPnl.toString()).toBe('200')
    expect(calls?.unrealizedPnl.toString()).toBe('20')
    expect(calls?.netPnl.toString()).toBe('216.75')
    expect(snapshot.positions.find((p) => p.instrumentId === CALL)?.averagePrice?.toString()).toBe('2.6')
  })

  it('accounts short positions and sums strategies into the total', () => {
    const snapshot = computePortfolio(fills, { marks, attribution })
    const shares = snapshot.strategies.find((s) => s.strategyId === 'shares')
    expect(shares?.realizedPnl.toString()).toBe('20')
    expect(shares?.unrealizedPnl.toString()).toBe('18')
    expect(shares?.netPnl.toString()).toBe('36')
    expect(snapshot.positions.find((p) => p.instrumentId === 'SPY')?.side).toBe('short')
    expect(snapshot.total.realizedPnl.toString()).toBe('180')
    expect(snapshot.total.unrealizedPnl.toString()).toBe('78')
    expect(snapshot.total.commissions.toString()).toBe('5.25')
    expect(snapshot.total.netPnl.toString()).toBe('252.75')
  })

  it('values an unmarked position at its latest fill price and puts unnamed fills under unattributed', () => {
    const snapshot = computePortfolio(fills)
    expect(snapshot.strategies.map((s) => s.strategyId)).toEqual(['unattributed'])
    const call = snapshot.positions.find((p) => p.instrumentId === CALL)
    expect(call?.markPrice?.toString()).toBe('3')
    expect(call?.unrealizedPnl.toString()).toBe('80')
  })

  it('flips through flat: closes the long and opens a short at the fill price', () => {
    const flip = [
      testFill({ instrumentId: 'QQQ', side: 'buy', quantity: 5, price: '100', timestampMs: 1 }),
      testFill({ instrumentId: 'QQQ', side: 'sell', quantity: 8, price: '110', timestampMs: 2 }),
    ]
    const snapshot = computePortfolio(flip, { marks: { QQQ: new Decimal('108') } })
    const position = snapshot.positions[0]
    expect(position?.realizedPnl.toString()).toBe('50')
    expect(position?.side).toBe('short')
    expect(position?.quantity).toBe(3)
    expect(position?.averagePrice?.toString()).toBe('110')
    expect(position?.unrealizedPnl.toString()).toBe('6')
  })

  it('reports a closed position as flat with no mark and keeps its realised P&L', () => {
    const roundTrip = [
      testFill({ instrumentId: 'IWM', side: 'buy', quantity: 3, price: '200', timestampMs: 1 }),
      testFill({ instrumentId: 'IWM', side: 'sell', quantity: 3, price: '201.5', timestampMs: 2 }),
    ]
    const [position] = computePortfolio(roundTrip).positions
    expect(position?.side).toBe('flat')
    expect(position?.averagePrice).toBeNull()
    expect(position?.markPrice).toBeNull()
    expect(position?.realizedPnl.toString()).toBe('4.5')
  })

  it('takes the strategy stamped on the fill before the attribution map', () => {
    const stamped = [
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '1', timestampMs: 1, strategyId: 's1' }),
    ]
    const snapshot = computePortfolio(stamped, { attribution: () => 'other' })
    expect(snapshot.strategies[0]?.strategyId).toBe('s1')
  })

  it('rejects a fill with a non-positive quantity', () => {
    const bad = [testFill({ instrumentId: 'SPY', side: 'buy', quantity: 0, price: '1', timestampMs: 1 })]
    expect(() => computePortfolio(bad)).toThrow(ReportInputError)
  })
})
