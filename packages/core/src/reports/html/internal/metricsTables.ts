import type { PerformanceMetrics } from '../../performance/performanceMetrics.js'
import { escapeHtml } from './escapeHtml.js'
import { formatDuration, formatMoney, formatNumber, formatPercent, formatRatio, NOT_AVAILABLE } from './formatValue.js'

type Kind = 'money' | 'percent' | 'ratio' | 'duration' | 'count' | 'bps' | 'points'
type Row = readonly [label: string, key: keyof PerformanceMetrics, kind: Kind]

const RETURNS: readonly Row[] = [
  ['Start equity', 'startEquity', 'money'],
  ['End equity', 'endEquity', 'money'],
  ['Total return', 'totalReturn', 'percent'],
  ['Annualised return', 'annualizedReturn', 'percent'],
  ['Sharpe ratio', 'sharpeRatio', 'ratio'],
  ['Sortino ratio', 'sortinoRatio', 'ratio'],
  ['Calmar ratio', 'calmarRatio', 'ratio'],
  ['Max drawdown', 'maxDrawdown', 'percent'],
  ['Max drawdown (amount)', 'maxDrawdownAmount', 'money'],
  ['Drawdown peak to trough', 'maxDrawdownPeakToTroughMs', 'duration'],
  ['Drawdown peak to recovery', 'maxDrawdownPeakToRecoveryMs', 'duration'],
  ['Longest drawdown', 'longestDrawdownMs', 'duration'],
]

const TRADES: readonly Row[] = [
  ['Trades', 'tradeCount', 'count'],
  ['Net profit', 'netProfit', 'money'],
  ['Win rate', 'winRate', 'percent'],
  ['Profit factor', 'profitFactor', 'ratio'],
  ['Expectancy per trade', 'expectancy', 'money'],
  ['Average win', 'averageWin', 'money'],
  ['Average loss', 'averageLoss', 'money'],
  ['Average slippage vs mid', 'averageSlippage', 'points'],
  ['Average slippage vs mid (bps)', 'averageSlippageBps', 'bps'],
  ['Order fill rate', 'orderFillRate', 'percent'],
  ['Quantity fill rate', 'quantityFillRate', 'percent'],
  ['Exposure', 'exposure', 'percent'],
]

function format(value: number | null | undefined, kind: Kind, currency: string): string {
  if (value === null || value === undefined) return NOT_AVAILABLE
  switch (kind) {
    case 'money':
      return formatMoney(value, currency)
    case 'percent':
      return formatPercent(value)
    case 'ratio':
      return formatRatio(value)
    case 'duration':
      return formatDuration(value)
    case 'count':
      return formatNumber(value, 0)
    case 'bps':
      return `${formatNumber(value, 1)} bps`
    case 'points':
      return formatNumber(value, 4)
  }
}

function table(
  caption: string,
  rows: readonly Row[],
  metrics: Readonly<Record<string, number | null>>,
  currency: string,
) {
  const body = rows
    .map(([label, key, kind]) => {
      const value = metrics[key]
      const loss = typeof value === 'number' && value < 0 && kind !== 'duration' ? ' loss' : ''
      return `<tr><th scope="row">${escapeHtml(label)}</th><td class="num${loss}" data-metric="${key}">${escapeHtml(format(value, kind, currency))}</td></tr>`
    })
    .join('\n')
  return `<table><caption class="note">${escapeHtml(caption)}</caption>\n<tbody>\n${body}\n</tbody></table>`
}

/** The two metric tables (returns and risk; trades and execution) and the conventions note. */
export function metricsTables(metrics: Readonly<Record<string, number | null>>, currency: string): string {
  const periods = metrics.periodsPerYear
  const rate = metrics.riskFreeRateAnnual
  const note =
    `Sharpe and Sortino annualised with ${periods === null || periods === undefined ? NOT_AVAILABLE : formatNumber(periods, 0)} periods a year ` +
    `and a risk-free rate of ${formatPercent(rate ?? null)}; n/a marks a figure undefined for this run.`
  return [
    '<div class="metrics">',
    table('Returns and risk', RETURNS, metrics, currency),
    table('Trades and execution', TRADES, metrics, currency),
    '</div>',
    `<p class="note">${escapeHtml(note)}</p>`,
  ].join('\n')
}
