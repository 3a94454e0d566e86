import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import type { LedgerPosition } from '../positionLedger.js'
import { createPaperAccountView } from './paperAccountView.js'
import { d, spy } from './paperTestKit.js'

const entry = (strike: number, side: 'long' | 'short', quantity: number, openCost: string): LedgerPosition => ({
  position: {
    instrumentId: `SPY${strike}`,
    instrument: spy(strike),
    side,
    quantity,
    averagePrice: d(openCost).dividedBy(quantity),
    multiplier: 100,
  },
  openCost: d(openCost),
})

describe('createPaperAccountView', () => {
  test('follows mark and position changes across repeated marks', () => {
    const view = createPaperAccountView()
    const marks = new Map<string, Decimal>()
    const at = (positions: LedgerPosition[]) =>
      view({
        accountId: 'A',
        mode: 'paper',
        cash: d(1000),
        realizedPnl: d(0),
        positions,
        markOf: (id) => marks.get(id),
        requirement: d(100),
        nowMs: 0,
      })
    const long = entry(500, 'long', 2, '2.00')
    const short = entry(505, 'short', 2, '1.00')
    marks.set('SPY500', d('1.50'))
    let account = at([long, short])
    // short unmarked: valued at its average price (0.50), so no unrealised P&L of its own
    expect(account.equity.toString()).toBe('1200')
    expect(account.unrealizedPnl.toString()).toBe('100')
    expect(account.buyingPower.toString()).toBe('900')
    account = at([long, short])
    expect(account.unrealizedPnl.toString()).toBe('100')
    marks.set('SPY505', new Decimal('0.25'))
    account = at([long, short])
    expect(account.equity.toString()).toBe('1250')
    expect(account.unrealizedPnl.toString()).toBe('150')
    const bigger = entry(500, 'long', 4, '5.00')
    account = at([bigger, short])
    expect(account.equity.toString()).toBe('1550')
    expect(account.unrealizedPnl.toString()).toBe('150')
    marks.set('SPY500', d('1.50'))
    account = at([short])
    expect(account.equity.toString()).toBe('950')
    expect(account.unrealizedPnl.toString()).toBe('50')
  })
})
