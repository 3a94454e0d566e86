import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { tradeStatistics } from './tradeStatistics.js'

const trades = (values: string[]) => values.map((v) => ({ netPnl: new Decimal(v) }))

describe('tradeStatistics', () => {
  // Net P&L 100, −50, 0, 30, −20: 2 wins, 2 losses, 1 breakeven
  //   win rate 2/5 = 0.4; gross profit 130, gross loss −70; profit factor 130/70 = 1.857143
  //   expectancy 60/5 = 12; average win 65; average loss −35
  it('computes win rate, profit factor and expectancy from net P&L', () => {
    const stats = tradeStatistics(trades(['100', '-50', '0', '30', '-20']))
    expect(stats.winCount).toBe(2)
    expect(stats.lossCount).toBe(2)
    expect(stats.breakevenCount).toBe(1)
    expect(stats.winRate).toBe(0.4)
    expect(stats.grossProfit).toBe(130)
    expect(stats.grossLoss).toBe(-70)
    expect(stats.profitFactor).toBeCloseTo(1.857143, 6)
    expect(stats.expectancy).toBe(12)
    expect(stats.averageWin).toBe(65)
    expect(stats.averageLoss).toBe(-35)
    expect(stats.netProfit).toBe(60)
  })

  it('returns null profit factor without losses and null rates without trades', () => {
    expect(tradeStatistics(trades(['10', '5'])).profitFactor).toBeNull()
    expect(tradeStatistics(trades(['-10'])).profitFactor).toBe(0)
    const empty = tradeStatistics([])
    expect(empty.winRate).toBeNull()
    expect(empty.expectancy).toBeNull()
    expect(empty.averageWin).toBeNull()
    expect(empty.profitFactor).toBeNull()
  })
})
