import type { BacktestResult, PerformanceMetrics } from '@smart-0dte/core'

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(2)}%`)
const ratio = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2))
const money = (value: { toFixed(digits: number): string }) => value.toFixed(2)

interface Row {
  readonly name: string
  readonly metrics: PerformanceMetrics
  readonly netPnl: string
  readonly commissions: string
}

/**
 * The summary of a backtest as a text table: one row per strategy (each measured as if it had traded the starting
 * cash alone) and the account as a whole.
 *
 * @param result - The backtest result.
 * @returns The table, lines joined with `\n`.
 */
export function summaryTable(result: BacktestResult): string {
  const commissions = result.fills.reduce((sum, fill) => sum.plus(fill.commission), result.startingCash.times(0))
  const rows: Row[] = [
    ...result.strategies.map((s) => ({
      name: s.strategyId,
      metrics: s.metrics,
      netPnl: money(s.netPnl),
      commissions: money(s.commissions),
    })),
    {
      name: 'account',
      metrics: result.metrics,
      netPnl: money(result.endingEquity.minus(result.startingCash)),
      commissions: money(commissions),
    },
  ]
  const header = ['strategy', 'trades', 'net P&L', 'return', 'Sharpe', 'max DD', 'win rate', 'profit f.', 'commissions']
  const cells = rows.map((row) => [
    row.name,
    String(row.metrics.tradeCount),
    row.netPnl,
    percent(row.metrics.totalReturn),
    ratio(row.metrics.sharpeRatio),
    percent(row.metrics.maxDrawdown),
    percent(row.metrics.winRate),
    ratio(row.metrics.profitFactor),
    row.commissions,
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)),
  )
  const format = (line: readonly string[]) =>
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [format(header), rule, ...cells.slice(0, -1).map(format), rule, ...cells.slice(-1).map(format)].join('\n')
}
