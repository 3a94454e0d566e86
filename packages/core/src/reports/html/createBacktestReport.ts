import { formatInTimeZone } from 'date-fns-tz'
import { Decimal } from 'decimal.js'
import { NEW_YORK } from '../../calendar/newYorkTime.js'
import type { PerformanceMetrics } from '../performance/performanceMetrics.js'
import type { ClosedTrade } from '../portfolio/closedTrades.js'
import type { EquityPoint } from '../portfolio/equityCurve.js'
import { ReportInputError } from '../reportInputError.js'
import type { BacktestReport, DataSource, RunMode } from './backtestReport.js'

/** Input of {@link createBacktestReport}. */
export interface BacktestReportInput {
  /** Run id (unique per run, chosen by the caller; never a wall-clock stamp taken here). */
  readonly runId: string
  /** Heading of the report. */
  readonly title: string
  /** How orders were executed. */
  readonly mode: RunMode
  /** Where prices came from; `simulated` labels the report SIMULATED everywhere. */
  readonly dataSource: DataSource
  /** Cash at the start. */
  readonly startingCash: Decimal
  /** Period covered, epoch ms. */
  readonly startMs: number
  /** End of the period, epoch ms. */
  readonly endMs: number
  /** Equity over time (from `buildEquityCurve`). */
  readonly equityCurve: readonly EquityPoint[]
  /** Closed trades (from `closedTrades`). */
  readonly trades: readonly ClosedTrade[]
  /** Metrics (from `computePerformanceMetrics`). */
  readonly metrics: PerformanceMetrics
  /** Strategies in the run; defaults to those in the trades, sorted. */
  readonly strategyIds?: readonly string[]
  /** ISO 4217 currency of the account. @default 'USD' */
  readonly currency?: string
  /** Free-text notes shown under the heading (fill model, data caveats). @default [] */
  readonly notes?: readonly string[]
  /** Strategy and run parameters, shown as a table. @default {} */
  readonly parameters?: Readonly<Record<string, string | number | boolean>>
}

function sumBy<K>(trades: readonly ClosedTrade[], key: (trade: ClosedTrade) => K) {
  const sums = new Map<K, { netPnl: Decimal; tradeCount: number }>()
  for (const trade of trades) {
    const k = key(trade)
    const entry = sums.get(k) ?? { netPnl: new Decimal(0), tradeCount: 0 }
    sums.set(k, { netPnl: entry.netPnl.plus(trade.netPnl), tradeCount: entry.tradeCount + 1 })
  }
  return sums
}

/**
 * Builds the JSON document of a run from the accounting and metrics results. Money becomes exact decimal
 * strings; P&L by hour attributes each trade's net P&L to the New York hour of its exit. The output depends
 * only on the input, so the same run always serialises to the same bytes.
 *
 * @param input - Run metadata, curve, trades and metrics.
 * @returns The report.
 * @throws {ReportInputError} When the period is inverted or a metric is not finite.
 * @example
 * ```ts
 * const report = createBacktestReport({ runId: 'bt-42', title: 'Iron condor, March', mode: 'backtest',
 *   dataSource: 'simulated', startingCash: new Decimal(25_000), startMs, endMs, equityCurve, trades, metrics })
 * writeFileSync('bt-42.html', renderHtmlReport(report))
 * ```
 */
export function createBacktestReport(input: BacktestReportInput): BacktestReport {
  if (!(input.endMs >= input.startMs)) throw new ReportInputError('endMs', 'must not be before startMs')
  for (const [name, value] of Object.entries(input.metrics)) {
    if (value !== null && !Number.isFinite(value))
      throw new ReportInputError(`metrics.${name}`, 'must be finite or null')
  }
  const byStrategy = sumBy(input.trades, (trade) => trade.strategyId)
  const byHour = sumBy(input.trades, (trade) => Number(formatInTimeZone(trade.exitTimeMs, NEW_YORK, 'H')))
  const strategyIds = input.strategyIds ?? [...byStrategy.keys()]
  return {
    schemaVersion: 1,
    run: {
      runId: input.runId,
      title: input.title,
      strategyIds: [...strategyIds].sort(),
      mode: input.mode,
      dataSource: input.dataSource,
      simulated: input.dataSource === 'simulated',
      startMs: input.startMs,
      endMs: input.endMs,
      startingCash: input.startingCash.toFixed(),
      currency: input.currency ?? 'USD',
      notes: [...(input.notes ?? [])],
      parameters: { ...(input.parameters ?? {}) },
    },
    metrics: { ...input.metrics },
    equityCurve: input.equityCurve.map((point) => ({ timestampMs: point.timestampMs, equity: point.equity.toFixed() })),
    trades: input.trades.map((trade) => ({
      tradeId: trade.tradeId,
      strategyId: trade.strategyId,
      instrumentIds: [...trade.instrumentIds],
      direction: trade.direction,
      quantity: trade.quantity,
      entryTimeMs: trade.entryTimeMs,
      exitTimeMs: trade.exitTimeMs,
      entryPrice: trade.entryPrice === null ? null : trade.entryPrice.toFixed(),
      exitPrice: trade.exitPrice === null ? null : trade.exitPrice.toFixed(),
      grossPnl: trade.grossPnl.toFixed(),
      commissions: trade.commissions.toFixed(),
      netPnl: trade.netPnl.toFixed(),
    })),
    pnlByStrategy: [...byStrategy]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([strategyId, { netPnl, tradeCount }]) => ({ strategyId, netPnl: netPnl.toFixed(), tradeCount })),
    pnlByHour: [...byHour]
      .sort(([a], [b]) => a - b)
      .map(([hour, { netPnl, tradeCount }]) => ({ hour, netPnl: netPnl.toFixed(), tradeCount })),
  }
}
