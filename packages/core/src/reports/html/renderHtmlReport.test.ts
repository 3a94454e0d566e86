import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { ConfigError } from '../../errors/configError.js'
import { testFill } from '../internal/testFill.js'
import { computePerformanceMetrics } from '../performance/performanceMetrics.js'
import { closedTrades } from '../portfolio/closedTrades.js'
import { buildEquityCurve } from '../portfolio/equityCurve.js'
import { parseBacktestReport } from './backtestReport.js'
import { createBacktestReport } from './createBacktestReport.js'
import { renderHtmlReport } from './renderHtmlReport.js'

const CALL = 'SPY   250303C00580000'
const at = (hhmm: string) => nyTimeToMs('2025-03-03', hhmm)

// Starting cash 10 000 on 2025-03-03:
//   condor: buy 1 SPY call 2.00 at 09:45, sell 3.00 at 10:15, 0.65 each way → net 100 − 1.30 = 98.70 (exit hour 10)
//   momo:   buy 10 QQQ 400 at 11:00, sell 398 at 14:30, 1.00 each way → net −20 − 2 = −22.00 (exit hour 14)
//   net profit 76.70; end equity 10 076.70; win rate 50 %; profit factor 98.70 / 22 = 4.49
const fills = [
  testFill({
    instrumentId: CALL,
    side: 'buy',
    quantity: 1,
    price: '2.00',
    commission: '0.65',
    timestampMs: at('09:45'),
    strategyId: 'condor',
  }),
  testFill({
    instrumentId: CALL,
    side: 'sell',
    quantity: 1,
    price: '3.00',
    commission: '0.65',
    timestampMs: at('10:15'),
    strategyId: 'condor',
  }),
  testFill({
    instrumentId: 'QQQ',
    side: 'buy',
    quantity: 10,
    price: '400',
    commission: '1',
    timestampMs: at('11:00'),
    strategyId: 'momo',
  }),
  testFill({
    instrumentId: 'QQQ',
    side: 'sell',
    quantity: 10,
    price: '398',
    commission: '1',
    timestampMs: at('14:30'),
    strategyId: 'momo',
  }),
]
const marks = [
  { instrumentId: CALL, timestampMs: at('10:00'), price: new Decimal('2.50') },
  { instrumentId: 'QQQ', timestampMs: at('12:00'), price: new Decimal('396') },
]

function buildReport(dataSource: 'simulated' | 'recorded', title = 'SPY 0DTE, March 3') {
  const startingCash = new Decimal(10_000)
  const equityCurve = buildEquityCurve({ startingCash, fills, marks, startTimeMs: at('09:30') })
  const trades = closedTrades(fills)
  const metrics = computePerformanceMetrics({ equityCurve, trades, fills })
  return createBacktestReport({
    runId: 'bt-0001',
    title,
    mode: 'backtest',
    dataSource,
    startingCash,
    startMs: at('09:30'),
    endMs: at('16:00'),
    equityCurve,
    trades,
    metrics,
    notes: ['Fills at mid ± half spread.'],
    parameters: { deltaTarget: 0.16, wings: 5 },
  })
}

describe('createBacktestReport', () => {
  const report = buildReport('simulated')

  it('aggregates P&L by strategy and by New York exit hour as exact decimal strings', () => {
    expect(report.pnlByStrategy).toEqual([
      { strategyId: 'condor', netPnl: '98.7', tradeCount: 1 },
      { strategyId: 'momo', netPnl: '-22', tradeCount: 1 },
    ])
    expect(report.pnlByHour).toEqual([
      { hour: 10, netPnl: '98.7', tradeCount: 1 },
      { hour: 14, netPnl: '-22', tradeCount: 1 },
    ])
    expect(report.equityCurve.at(-1)?.equity).toBe('10076.7')
    expect(report.run.simulated).toBe(true)
    expect(report.run.strategyIds).toEqual(['condor', 'momo'])
  })

  it('round-trips through JSON and the schema, and rejects a malformed document', () => {
    const loaded = parseBacktestReport(JSON.parse(JSON.stringify(report)))
    expect(loaded).toEqual(report)
    expect(() => parseBacktestReport({ ...report, schemaVersion: 2 })).toThrow(ConfigError)
  })
})

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(buildReport('simulated'))

  it('contains the four charts as inline SVG', () => {
    for (const id of ['equity-curve', 'drawdown', 'pnl-by-strategy', 'pnl-by-hour']) {
      expect(html).toContain(`<figure class="chart" id="${id}">`)
    }
    expect(html.match(/<svg /g)).toHaveLength(4)
    expect(html).toContain('<path class="line" d="M')
    expect(html).toContain('<path class="area"')
    expect(html).toContain('<rect class="neg"')
    expect(html).toContain('>10:00</text>')
    expect(html).toContain('>14:00</text>')
  })

  it('shows the figures', () => {
    expect(html).toContain('data-metric="netProfit">USD 76.70<')
    expect(html).toContain('data-metric="endEquity">USD 10,076.70<')
    expect(html).toContain('data-metric="winRate">50.00%<')
    expect(html).toContain('data-metric="profitFactor">4.49<')
    expect(html).toContain('data-metric="sharpeRatio">n/a<')
    expect(html).toContain('USD \u221222.00')
    expect(html).toContain('2025-03-03 10:15 ET')
    expect(html).toContain('<th scope="row">deltaTarget</th><td>0.16</td>')
  })

  it('labels a simulated run and not a recorded one', () => {
    expect(html).toContain('<title>[SIMULATED] SPY 0DTE, March 3</title>')
    expect(html).toContain('<span class="badge">SIMULATED</span>')
    expect(html).toContain('class="simulated"')
    const recorded = renderHtmlReport(buildReport('recorded'))
    expect(recorded).not.toContain('SIMULATED')
  })

  it('references nothing outside the file', () => {
    expect(html).not.toMatch(/https?:\/\//i)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i)
  })

  it('renders identical bytes for the same input', () => {
    expect(renderHtmlReport(buildReport('simulated'))).toBe(html)
  })

  it('escapes text from the run', () => {
    const hostile = renderHtmlReport(buildReport('recorded', '<script>alert(1)</script>'))
    expect(hostile).not.toContain('<script>')
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('limits the trade table and says how many rows were left out', () => {
    const limited = renderHtmlReport(buildReport('recorded'), { maxTradeRows: 1 })
    expect(limited.match(/<tr><td>/g)).toHaveLength(1)
    expect(limited).toContain('1 more trades not listed')
  })
})
