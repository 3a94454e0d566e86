import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { testFill } from '../internal/testFill.js'
import { closedTrades } from '../portfolio/closedTrades.js'
import { alignTrades } from './alignTrades.js'
import { compareMetrics } from './compareMetrics.js'
import { computePerformanceMetrics } from './performanceMetrics.js'
import { dailyEquityCurve, periodicReturns } from './periodicReturns.js'

const point = (timestampMs: number, equity: string) => ({ timestampMs, equity: new Decimal(equity) })

function everyNumberFinite(value: object): boolean {
  return Object.values(value).every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))
}

describe('computePerformanceMetrics', () => {
  // Points 100, 110, 99, 108.9 sampled as points with P = 4: returns [0.1, −0.1, 0.1]
  //   total 0.089; annualised 1.089^(4/3) − 1 = 0.1203933; max drawdown (110 − 99)/110 = 0.1; Calmar 1.203933
  //   Sharpe: mean 1/30, sample sd √12/30 → 1/√12 × √4 = 0.577350
  //   Sortino: downside √(0.01/3) = 0.0577350 → (1/30)/0.0577350 × 2 = 1.154701
  const curve = [point(0, '100'), point(1000, '110'), point(2000, '99'), point(3000, '108.9')]

  it('computes return, risk and drawdown figures from the curve', () => {
    const metrics = computePerformanceMetrics({
      equityCurve: curve,
      trades: [],
      sampling: 'points',
      conventions: { periodsPerYear: 4 },
    })
    expect(metrics.totalReturn).toBeCloseTo(0.089, 12)
    expect(metrics.annualizedReturn).toBeCloseTo(0.1203933, 6)
    expect(metrics.sharpeRatio).toBeCloseTo(0.57735, 5)
    expect(metrics.sortinoRatio).toBeCloseTo(1.154701, 5)
    expect(metrics.maxDrawdown).toBeCloseTo(0.1, 12)
    expect(metrics.calmarRatio).toBeCloseTo(1.203933, 5)
    expect(metrics.maxDrawdownPeakToTroughMs).toBe(1000)
    expect(metrics.maxDrawdownPeakToRecoveryMs).toBeNull()
    expect(metrics.periodsPerYear).toBe(4)
  })

  it('returns explicit nulls, never NaN or Infinity, for an empty run', () => {
    const metrics = computePerformanceMetrics({
      equityCurve: [],
      trades: [],
      orders: [],
      slippageSamples: [],
      fills: [],
    })
    expect(metrics.totalReturn).toBeNull()
    expect(metrics.sharpeRatio).toBeNull()
    expect(metrics.maxDrawdown).toBeNull()
    expect(metrics.winRate).toBeNull()
    expect(metrics.profitFactor).toBeNull()
    expect(metrics.orderFillRate).toBeNull()
    expect(metrics.averageSlippage).toBeNull()
    expect(metrics.exposure).toBeNull()
    expect(everyNumberFinite(metrics)).toBe(true)
  })

  it('returns nulls for a flat curve with only winning trades', () => {
    const flat = [point(0, '100'), point(1, '100'), point(2, '100')]
    const metrics = computePerformanceMetrics({
      equityCurve: flat,
      trades: [{ netPnl: new Decimal(5) }],
      sampling: 'points',
    })
    expect(metrics.sharpeRatio).toBeNull()
    expect(metrics.sortinoRatio).toBeNull()
    expect(metrics.calmarRatio).toBeNull()
    expect(metrics.profitFactor).toBeNull()
    expect(metrics.winRate).toBe(1)
    expect(everyNumberFinite(metrics)).toBe(true)
  })
})

describe('dailyEquityCurve', () => {
  it('keeps the first point and the last point of each New York date', () => {
    const points = [
      point(Date.parse('2025-03-03T14:30:00Z'), '100'), // Mar 3, 09:30 ET
      point(Date.parse('2025-03-03T20:00:00Z'), '101'),
      point(Date.parse('2025-03-04T01:00:00Z'), '102'), // still Mar 3 in New York (20:00 ET)
      point(Date.parse('2025-03-04T15:00:00Z'), '99'),
      point(Date.parse('2025-03-04T20:59:00Z'), '103'),
    ]
    const daily = dailyEquityCurve(points)
    expect(daily.map((p) => p.equity.toString())).toEqual(['100', '102', '103'])
    expect(periodicReturns(daily)?.[0]).toBeCloseTo(0.02, 12)
  })
})

describe('paper vs live', () => {
  const base = computePerformanceMetrics({ equityCurve: [], trades: [{ netPnl: new Decimal(10) }] })
  const live = computePerformanceMetrics({
    equityCurve: [],
    trades: [{ netPnl: new Decimal(10) }, { netPnl: new Decimal(-4) }],
  })

  it('diffs two metric sets metric by metric', () => {
    const rows = compareMetrics(base, live)
    expect(rows.find((r) => r.metric === 'expectancy')?.difference).toBe(-7) // (10 − 4)/2 − 10
    expect(rows.find((r) => r.metric === 'tradeCount')?.difference).toBe(1)
    expect(rows.find((r) => r.metric === 'profitFactor')).toEqual({
      metric: 'profitFactor',
      baseline: null,
      compared: 2.5,
      difference: null,
    })
  })

  it('aligns trades of the same decision and reports price and P&L differences', () => {
    const paper = closedTrades([
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '500.00', timestampMs: 0, strategyId: 's' }),
      testFill({
        instrumentId: 'SPY',
        side: 'sell',
        quantity: 1,
        price: '501.00',
        timestampMs: 60_000,
        strategyId: 's',
      }),
      testFill({ instrumentId: 'QQQ', side: 'buy', quantity: 1, price: '400', timestampMs: 0, strategyId: 's' }),
      testFill({ instrumentId: 'QQQ', side: 'sell', quantity: 1, price: '401', timestampMs: 1, strategyId: 's' }),
    ])
    const liveTrades = closedTrades([
      testFill({ instrumentId: 'SPY', side: 'buy', quantity: 1, price: '500.05', timestampMs: 800, strategyId: 's' }),
      testFill({
        instrumentId: 'SPY',
        side: 'sell',
        quantity: 1,
        price: '500.90',
        timestampMs: 61_000,
        strategyId: 's',
      }),
    ])
    const { pairs, unmatchedBaseline, unmatchedCompared } = alignTrades(paper, liveTrades, { toleranceMs: 5_000 })
    expect(pairs).toHaveLength(1)
    expect(pairs[0]?.entryDelayMs).toBe(800)
    expect(pairs[0]?.entryPriceDifference?.toString()).toBe('0.05')
    expect(pairs[0]?.exitPriceDifference?.toString()).toBe('-0.1')
    expect(pairs[0]?.netPnlDifference.toString()).toBe('-0.15')
    expect(unmatchedBaseline.map((t) => t.instrumentIds[0])).toEqual(['QQQ'])
    expect(unmatchedCompared).toEqual([])
  })
})
