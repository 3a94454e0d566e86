import type { Decimal } from 'decimal.js'
import type { ClosedTrade } from '../portfolio/closedTrades.js'

/** A baseline trade and the compared trade matched to it. */
export interface AlignedTrade {
  /** Trade in the baseline run (paper). */
  readonly baseline: ClosedTrade
  /** Trade in the compared run (live). */
  readonly compared: ClosedTrade
  /** Compared entry time − baseline entry time, ms. */
  readonly entryDelayMs: number
  /** Compared entry price − baseline entry price, or `null` for multi-leg trades. */
  readonly entryPriceDifference: Decimal | null
  /** Compared exit price − baseline exit price, or `null` for multi-leg trades. */
  readonly exitPriceDifference: Decimal | null
  /** Compared net P&L − baseline net P&L. */
  readonly netPnlDifference: Decimal
}

/** Result of {@link alignTrades}. */
export interface TradeAlignment {
  /** Matched pairs, in baseline order. */
  readonly pairs: readonly AlignedTrade[]
  /** Baseline trades with no counterpart. */
  readonly unmatchedBaseline: readonly ClosedTrade[]
  /** Compared trades with no counterpart. */
  readonly unmatchedCompared: readonly ClosedTrade[]
}

/** Options of {@link alignTrades}. */
export interface AlignTradesOptions {
  /** Largest entry-time gap for two trades to be the same decision. @default 60000 */
  readonly toleranceMs?: number
}

function signature(trade: ClosedTrade): string {
  return `${trade.strategyId}\u0000${trade.direction ?? 'multi'}\u0000${trade.instrumentIds.join('\u0001')}`
}

/**
 * Matches the trades of two runs of one strategy (paper vs live): same strategy, instruments and direction,
 * entry times within the tolerance, each trade used once, nearest entry first. Differences read compared −
 * baseline.
 *
 * @param baseline - Trades of the baseline run.
 * @param compared - Trades of the compared run.
 * @param options - Tolerance.
 * @returns Pairs and the unmatched trades of both sides.
 * @example
 * ```ts
 * const { pairs } = alignTrades(paperTrades, liveTrades, { toleranceMs: 5_000 })
 * pairs.map((pair) => pair.entryPriceDifference?.toNumber())
 * ```
 */
export function alignTrades(
  baseline: readonly ClosedTrade[],
  compared: readonly ClosedTrade[],
  options: AlignTradesOptions = {},
): TradeAlignment {
  const toleranceMs = options.toleranceMs ?? 60_000
  const used = new Set<number>()
  const pairs: AlignedTrade[] = []
  const unmatchedBaseline: ClosedTrade[] = []
  for (const trade of baseline) {
    let bestIndex = -1
    let bestGap = Number.POSITIVE_INFINITY
    compared.forEach((candidate, index) => {
      if (used.has(index) || signature(candidate) !== signature(trade)) return
      const gap = Math.abs(candidate.entryTimeMs - trade.entryTimeMs)
      if (gap <= toleranceMs && gap < bestGap) {
        bestGap = gap
        bestIndex = index
      }
    })
    const match = compared[bestIndex]
    if (match === undefined) {
      unmatchedBaseline.push(trade)
      continue
    }
    used.add(bestIndex)
    pairs.push({
      baseline: trade,
      compared: match,
      entryDelayMs: match.entryTimeMs - trade.entryTimeMs,
      entryPriceDifference:
        trade.entryPrice === null || match.entryPrice === null ? null : match.entryPrice.minus(trade.entryPrice),
      exitPriceDifference:
        trade.exitPrice === null || match.exitPrice === null ? null : match.exitPrice.minus(trade.exitPrice),
      netPnlDifference: match.netPnl.minus(trade.netPnl),
    })
  }
  return { pairs, unmatchedBaseline, unmatchedCompared: compared.filter((_, index) => !used.has(index)) }
}
