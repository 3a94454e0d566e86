import { Decimal } from 'decimal.js'
import type { ExitEvent } from '../../exits/exitManager.js'
import type { ManagedOrder } from '../../oms/managedOrder.js'
import { createBacktestReport } from '../../reports/html/createBacktestReport.js'
import { computePerformanceMetrics, type ReturnSampling } from '../../reports/performance/performanceMetrics.js'
import type { EquitySample } from '../../reports/performance/periodicReturns.js'
import type { ResolvedReturnConventions } from '../../reports/performance/returnConventions.js'
import { slippageSamples } from '../../reports/performance/slippage.js'
import { type ClosedTrade, closedTrades } from '../../reports/portfolio/closedTrades.js'
import { buildEquityCurve, type EquityPoint, type MarkPrice } from '../../reports/portfolio/equityCurve.js'
import { UNATTRIBUTED_STRATEGY } from '../../reports/portfolio/strategyAttribution.js'
import type { SignalDecision } from '../../system/signalDecision.js'
import type { Fill } from '../../trading/types.js'
import type { BacktestDay, BacktestResult, BacktestStrategySummary } from '../backtestResult.js'
import { attributeFills, type TradeFill } from './attributeFills.js'
import type { AccountSample } from './runSession.js'

/** Everything the run collected, plus how to present it. */
export interface ResultInput {
  readonly runId: string
  readonly title: string
  readonly simulated: boolean
  readonly startingCash: Decimal
  readonly days: readonly BacktestDay[]
  readonly eventCount: number
  readonly skippedEventCount: number
  readonly fills: readonly Fill[]
  readonly orders: readonly ManagedOrder[]
  readonly decisions: readonly SignalDecision[]
  readonly exits: readonly ExitEvent[]
  readonly samples: readonly AccountSample[]
  readonly marks: readonly MarkPrice[]
  readonly midsAtOrder: ReadonlyMap<string, Decimal>
  readonly strategyIds: readonly string[]
  readonly sampling: 'daily' | 'intraday'
  readonly riskFreeRateAnnual: number
  readonly notes: readonly string[]
  readonly parameters: Readonly<Record<string, string | number | boolean>>
}

/** Account samples as equity points; realised P&L is what remains of the equity change after marks and fees. */
function equityPoints(samples: readonly AccountSample[], fills: readonly Fill[], startingCash: Decimal): EquityPoint[] {
  const byTime = [...fills].sort((a, b) => a.timestampMs - b.timestampMs)
  let commissions = new Decimal(0)
  let next = 0
  return samples.map((sample) => {
    for (let fill = byTime[next]; fill !== undefined && fill.timestampMs <= sample.timestampMs; fill = byTime[next]) {
      commissions = commissions.plus(fill.commission)
      next++
    }
    return {
      timestampMs: sample.timestampMs,
      equity: sample.equity,
      realizedPnl: sample.equity.minus(startingCash).minus(sample.unrealizedPnl).plus(commissions),
      unrealizedPnl: sample.unrealizedPnl,
      commissions,
    }
  })
}

/** One trade per entry order: closed-trade accounting with the entry as the grouping key. */
function tradesByEntry(tradeFills: readonly TradeFill[]): ClosedTrade[] {
  const strategyOfEntry = new Map(tradeFills.map((fill) => [fill.entryId, fill.strategyId] as const))
  const keyed = tradeFills.map((fill) => ({ ...fill, strategyId: fill.entryId }))
  const occurrences = new Map<string, number>()
  return closedTrades(keyed, { grouping: 'strategy' }).map((trade) => {
    const entryId = trade.strategyId
    const n = (occurrences.get(entryId) ?? 0) + 1
    occurrences.set(entryId, n)
    return {
      ...trade,
      tradeId: n === 1 ? entryId : `${entryId}#${n}`,
      strategyId: strategyOfEntry.get(entryId) ?? UNATTRIBUTED_STRATEGY,
    }
  })
}

/** The curve at each of `times`: the latest point at or before it (the start value before the first). */
function resample(points: readonly EquityPoint[], times: readonly number[], start: Decimal): EquitySample[] {
  let index = 0
  let equity = start
  return times.map((timestampMs) => {
    for (let point = points[index]; point !== undefined && point.timestampMs <= timestampMs; point = points[index]) {
      equity = point.equity
      index++
    }
    return { timestampMs, equity }
  })
}

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0))

/**
 * Turns what a run collected into its result: equity curve, trades per entry, metrics overall and per strategy,
 * and the report document.
 *
 * @param input - The run's records and presentation settings.
 * @returns The result.
 */
export function buildResult(input: ResultInput): BacktestResult {
  const { startingCash, days } = input
  const first = days[0]
  const last = days.at(-1)
  const startMs = first?.startMs ?? 0
  const endMs = last?.endMs ?? startMs
  const curve = equityPoints(input.samples, input.fills, startingCash)
  const tradeFills = attributeFills(input.fills, input.orders)
  const trades = tradesByEntry(tradeFills)
  const perDay = Math.max(1, Math.round((curve.length - 1) / Math.max(days.length, 1)))
  const conventions: ResolvedReturnConventions = {
    periodsPerYear: input.sampling === 'daily' ? 252 : 252 * perDay,
    riskFreeRateAnnual: input.riskFreeRateAnnual,
  }
  const sampling: ReturnSampling = input.sampling === 'daily' ? 'daily' : 'points'
  const midAtOrder = (fill: Fill) => input.midsAtOrder.get(`${fill.clientOrderId}|${fill.instrumentId}`)
  const metrics = computePerformanceMetrics({
    equityCurve: curve,
    trades,
    slippageSamples: slippageSamples(input.fills, midAtOrder),
    orders: input.orders,
    fills: input.fills,
    conventions,
    sampling,
  })
  const times = curve.map((point) => point.timestampMs)
  const strategyIds = [
    ...new Set([
      ...input.strategyIds,
      ...trades.map((trade) => trade.strategyId),
      ...tradeFills.map((f) => f.strategyId),
    ]),
  ].sort()
  const strategies: BacktestStrategySummary[] = strategyIds.map((strategyId) => {
    const own = trades.filter((trade) => trade.strategyId === strategyId)
    const fills = tradeFills.filter((fill) => fill.strategyId === strategyId)
    const points = buildEquityCurve({ startingCash, fills, marks: input.marks, strategyId, startTimeMs: startMs })
    return {
      strategyId,
      tradeCount: own.length,
      netPnl: sum(own.map((trade) => trade.netPnl)),
      commissions: sum(own.map((trade) => trade.commissions)),
      metrics: computePerformanceMetrics({
        equityCurve: resample(points, times, startingCash),
        trades: own,
        slippageSamples: slippageSamples(fills, midAtOrder),
        orders: input.orders.filter((order) => order.strategyId === strategyId),
        fills,
        conventions,
        sampling,
      }),
    }
  })
  const report = createBacktestReport({
    runId: input.runId,
    title: input.title,
    mode: 'backtest',
    dataSource: input.simulated ? 'simulated' : 'recorded',
    startingCash,
    startMs,
    endMs,
    equityCurve: curve,
    trades,
    metrics,
    strategyIds: input.strategyIds,
    notes: input.notes,
    parameters: { ...input.parameters, periodsPerYear: conventions.periodsPerYear },
  })
  return {
    runId: input.runId,
    dataSource: input.simulated ? 'simulated' : 'recorded',
    simulated: input.simulated,
    days,
    startMs,
    endMs,
    startingCash,
    endingEquity: curve.at(-1)?.equity ?? startingCash,
    eventCount: input.eventCount,
    skippedEventCount: input.skippedEventCount,
    fills: input.fills,
    orders: input.orders,
    decisions: input.decisions,
    exits: input.exits,
    equityCurve: curve,
    metrics,
    trades,
    strategies,
    report,
  }
}
