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

  test('takes new cash and requirement into account while positions and marks stand still', () => {
    const view = createPaperAccountView()
    const long = entry(500, 'long', 2, '2.00')
    const at = (cash: string, requirement: string, mark: Decimal) =>
      view({
        accountId: 'A',
        mode: 'paper',
        cash: d(cash),
        realizedPnl: d(0),
        positions: [long],
        markOf: () => mark,
        requirement: d(requirement),
        nowMs: 0,
      })
    const mark = d('1.50')
    let account = at('1000', '100', mark)
    expect([account.equity, account.buyingPower, account.unrealizedPnl].map(String)).toEqual(['1300', '900', '100'])
    account = at('1000', '100', mark)
    expect([account.equity, account.buyingPower, account.unrealizedPnl].map(String)).toEqual(['1300', '900', '100'])
    account = at('800', '100', mark)
    expect([account.equity, account.buyingPower].map(String)).toEqual(['1100', '700'])
    account = at('800', '300', mark)
    expect([account.equity, account.buyingPower].map(String)).toEqual(['1100', '500'])
    account = at('800', '300', d('1.00'))
    expect([account.equity, account.buyingPower, account.unrealizedPnl].map(String)).toEqual(['1000', '500', '0'])
    account = view({
      accountId: 'A',
      mode: 'paper',
      cash: d(800),
      realizedPnl: d(0),
      positions: [],
      markOf: () => undefined,
      requirement: d(0),
      nowMs: 1,
    })
    expect([account.equity, account.unrealizedPnl].map(String)).toEqual(['800', '0'])
  })
})
