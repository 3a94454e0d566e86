import { Decimal } from 'decimal.js'
import { finiteOrNull } from '../internal/finite.js'

/** The one field of a trade the statistics read. `ClosedTrade` satisfies it. */
export interface TradeOutcome {
  /** P&L of the trade after commissions. */
  readonly netPnl: Decimal
}

/** Win/loss statistics of a trade list. Money figures are plain numbers in account currency. */
export interface TradeStatistics {
  /** Trades counted. */
  readonly tradeCount: number
  /** Trades with net P&L > 0. */
  readonly winCount: number
  /** Trades with net P&L < 0. */
  readonly lossCount: number
  /** Trades with net P&L exactly 0 (they count in the win rate's denominator, not its numerator). */
  readonly breakevenCount: number
  /** `winCount / tradeCount`, or `null` without trades. */
  readonly winRate: number | null
  /** Sum of winning net P&L, ≥ 0. */
  readonly grossProfit: number
  /** Sum of losing net P&L, ≤ 0. */
  readonly grossLoss: number
  /** `grossProfit / |grossLoss|`, or `null` when there is no losing trade (the ratio is unbounded). */
  readonly profitFactor: number | null
  /** Mean net P&L per trade (the expected value of one more trade), or `null` without trades. */
  readonly expectancy: number | null
  /** Mean net P&L of winners, or `null` without winners. */
  readonly averageWin: number | null
  /** Mean net P&L of losers (negative), or `null` without losers. */
  readonly averageLoss: number | null
  /** Sum of net P&L over all trades. */
  readonly netProfit: number
}

/**
 * Win rate, profit factor, expectancy and friends, from net (after-commission) trade P&L. Sums are taken in
 * `Decimal` and converted once.
 *
 * @param trades - Closed trades.
 * @returns The statistics; ratios are `null` where undefined (no trades, no losses, no wins).
 * @example
 * ```ts
 * const stats = tradeStatistics(closedTrades(fills))
 * stats.profitFactor // null when nothing lost
 * ```
 */
export function tradeStatistics(trades: readonly TradeOutcome[]): TradeStatistics {
  let profit = new Decimal(0)
  let loss = new Decimal(0)
  let wins = 0
  let losses = 0
  for (const trade of trades) {
    if (trade.netPnl.greaterThan(0)) {
      wins += 1
      profit = profit.plus(trade.netPnl)
    } else if (trade.netPnl.lessThan(0)) {
      losses += 1
      loss = loss.plus(trade.netPnl)
    }
  }
  const count = trades.length
  const net = profit.plus(loss)
  return {
    tradeCount: count,
    winCount: wins,
    lossCount: losses,
    breakevenCount: count - wins - losses,
    winRate: count === 0 ? null : wins / count,
    grossProfit: profit.toNumber(),
    grossLoss: loss.toNumber(),
    profitFactor: losses === 0 ? null : finiteOrNull(profit.dividedBy(loss.abs()).toNumber()),
    expectancy: count === 0 ? null : net.dividedBy(count).toNumber(),
    averageWin: wins === 0 ? null : profit.dividedBy(wins).toNumber(),
    averageLoss: losses === 0 ? null : loss.dividedBy(losses).toNumber(),
    netProfit: net.toNumber(),
  }
}
