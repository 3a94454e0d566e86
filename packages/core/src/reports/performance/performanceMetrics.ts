import type { AttributedFill } from '../portfolio/strategyAttribution.js'
import { annualizedReturn } from './annualizedReturn.js'
import { calmarRatio } from './calmarRatio.js'
import { maxDrawdown } from './drawdown.js'
import { exposureShare } from './exposureShare.js'
import { type FillRateOrder, fillRate } from './fillRate.js'
import { dailyEquityCurve, type EquitySample, periodicReturns } from './periodicReturns.js'
import { type ReturnConventions, resolveReturnConventions } from './returnConventions.js'
import { sharpeRatio } from './sharpeRatio.js'
import { averageSlippage, type SlippageSample } from './slippage.js'
import { sortinoRatio } from './sortinoRatio.js'
import { totalReturn } from './totalReturn.js'
import { type TradeOutcome, tradeStatistics } from './tradeStatistics.js'

/** How periodic returns are taken from the equity curve. */
export const ReturnSampling = {
  /** Returns between New York day closes ({@link dailyEquityCurve}); pair with `periodsPerYear: 252`. */
  Daily: 'daily',
  /** Returns between consecutive points as given; set `periodsPerYear` to the points' frequency. */
  Points: 'points',
} as const
/** One of {@link ReturnSampling}. */
export type ReturnSampling = (typeof ReturnSampling)[keyof typeof ReturnSampling]

/**
 * A flat set of performance figures. Every ratio is a finite number or `null` where it is undefined; no NaN or
 * Infinity. Fractions are plain (0.1 = 10 %), money in account currency, durations in milliseconds.
 */
export interface PerformanceMetrics {
  /** First equity of the curve. */
  readonly startEquity: number | null
  /** Last equity of the curve. */
  readonly endEquity: number | null
  /** `end / start − 1`. */
  readonly totalReturn: number | null
  /** Compound annual growth over the sampled return periods. */
  readonly annualizedReturn: number | null
  /** Annualised Sharpe ratio ({@link sharpeRatio} conventions). */
  readonly sharpeRatio: number | null
  /** Annualised Sortino ratio ({@link sortinoRatio} conventions). */
  readonly sortinoRatio: number | null
  /** Annualised return / maximum drawdown. */
  readonly calmarRatio: number | null
  /** Maximum drawdown as a positive fraction of the peak. */
  readonly maxDrawdown: number | null
  /** Maximum drawdown in account currency. */
  readonly maxDrawdownAmount: number | null
  /** Peak to trough of the maximum drawdown. */
  readonly maxDrawdownPeakToTroughMs: number | null
  /** Peak to recovery of the maximum drawdown; `null` when not recovered. */
  readonly maxDrawdownPeakToRecoveryMs: number | null
  /** Longest time under a previous peak. */
  readonly longestDrawdownMs: number | null
  /** Closed trades. */
  readonly tradeCount: number
  /** Winners / trades. */
  readonly winRate: number | null
  /** Gross profit / |gross loss| of trades; `null` without losses. */
  readonly profitFactor: number | null
  /** Mean net P&L per trade. */
  readonly expectancy: number | null
  /** Mean winner. */
  readonly averageWin: number | null
  /** Mean loser (negative). */
  readonly averageLoss: number | null
  /** Sum of trades' net P&L. */
  readonly netProfit: number
  /** Quantity-weighted slippage per unit against mid at order time (positive = worse). */
  readonly averageSlippage: number | null
  /** The same in basis points of mid. */
  readonly averageSlippageBps: number | null
  /** Filled / submitted orders. */
  readonly orderFillRate: number | null
  /** Filled / submitted quantity. */
  readonly quantityFillRate: number | null
  /** Share of the curve's time span with an open position. */
  readonly exposure: number | null
  /** Return periods per year used for annualising. */
  readonly periodsPerYear: number
  /** Annual risk-free rate used. */
  readonly riskFreeRateAnnual: number
}

/** Input of {@link computePerformanceMetrics}. */
export interface PerformanceInput {
  /** Equity over time, including the starting equity as its first point (see `buildEquityCurve`'s `startTimeMs`). */
  readonly equityCurve: readonly EquitySample[]
  /** Closed trades. */
  readonly trades: readonly TradeOutcome[]
  /** Fills with mids at order time, for slippage; omitted → `null` slippage. */
  readonly slippageSamples?: readonly SlippageSample[]
  /** Final order states, for fill rate; omitted → `null` fill rates. */
  readonly orders?: readonly FillRateOrder[]
  /** Fills, for exposure over the curve's span; omitted → `null` exposure. */
  readonly fills?: readonly AttributedFill[]
  /** Periods per year and risk-free rate. */
  readonly conventions?: ReturnConventions
  /** How returns are sampled from the curve. @default 'daily' */
  readonly sampling?: ReturnSampling
}

/**
 * Every performance figure the reports show, from an equity curve and a trade list (and optionally slippage
 * samples, orders and fills).
 *
 * @param input - Curve, trades, optional extras and conventions.
 * @returns The metrics, `null` wherever a figure is undefined for the input.
 * @throws {ConfigError} When the conventions are out of range.
 * @example
 * ```ts
 * const metrics = computePerformanceMetrics({ equityCurve: curve, trades: closedTrades(fills), fills, orders })
 * metrics.sharpeRatio
 * ```
 */
export function computePerformanceMetrics(input: PerformanceInput): PerformanceMetrics {
  const conventions = resolveReturnConventions(input.conventions)
  const curve = input.equityCurve
  const sampled = input.sampling === ReturnSampling.Points ? curve : dailyEquityCurve(curve)
  const returns = periodicReturns(sampled)
  const total = totalReturn(curve)
  const annualized = returns === null ? null : annualizedReturn(total, returns.length, conventions.periodsPerYear)
  const drawdown = maxDrawdown(curve)
  const trades = tradeStatistics(input.trades)
  const slippage = input.slippageSamples === undefined ? null : averageSlippage(input.slippageSamples)
  const rates = input.orders === undefined ? null : fillRate(input.orders)
  const first = curve[0]
  const last = curve[curve.length - 1]
  const exposed =
    input.fills === undefined || first === undefined || last === undefined
      ? null
      : exposureShare(input.fills, { startMs: first.timestampMs, endMs: last.timestampMs })
  return {
    startEquity: first === undefined ? null : first.equity.toNumber(),
    endEquity: last === undefined ? null : last.equity.toNumber(),
    totalReturn: total,
    annualizedReturn: annualized,
    sharpeRatio: returns === null ? null : sharpeRatio(returns, conventions),
    sortinoRatio: returns === null ? null : sortinoRatio(returns, conventions),
    calmarRatio: calmarRatio(annualized, drawdown === null ? null : drawdown.fraction),
    maxDrawdown: drawdown === null ? null : drawdown.fraction,
    maxDrawdownAmount: drawdown === null ? null : drawdown.amount,
    maxDrawdownPeakToTroughMs: drawdown === null ? null : drawdown.peakToTroughMs,
    maxDrawdownPeakToRecoveryMs: drawdown === null ? null : drawdown.peakToRecoveryMs,
    longestDrawdownMs: drawdown === null ? null : drawdown.longestUnderwaterMs,
    tradeCount: trades.tradeCount,
    winRate: trades.winRate,
    profitFactor: trades.profitFactor,
    expectancy: trades.expectancy,
    averageWin: trades.averageWin,
    averageLoss: trades.averageLoss,
    netProfit: trades.netProfit,
    averageSlippage: slippage === null ? null : slippage.averagePerUnit,
    averageSlippageBps: slippage === null ? null : slippage.averageBps,
    orderFillRate: rates === null ? null : rates.orderFillRate,
    quantityFillRate: rates === null ? null : rates.quantityFillRate,
    exposure: exposed,
    periodsPerYear: conventions.periodsPerYear,
    riskFreeRateAnnual: conventions.riskFreeRateAnnual,
  }
}
