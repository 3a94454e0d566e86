import type { Decimal } from 'decimal.js'
import { Ledger } from '../internal/ledger.js'
import { sortedFills } from '../internal/validateFill.js'
import { ReportInputError } from '../reportInputError.js'
import { CostBasisMethod } from './costBasisMethod.js'
import type { InstrumentResolver } from './instrumentResolver.js'
import type { PortfolioSnapshot } from './portfolioSnapshot.js'
import type { AttributedFill, StrategyAttribution } from './strategyAttribution.js'

/** Options of {@link computePortfolio}. */
export interface ComputePortfolioOptions {
  /** How realised P&L is measured on partial closes. @default 'average_cost' */
  readonly method?: CostBasisMethod
  /**
   * Current prices by instrument id, applied after every fill. An instrument without a mark is valued at its
   * latest fill price.
   */
  readonly marks?: ReadonlyMap<string, Decimal> | Readonly<Record<string, Decimal>>
  /** Fill → strategy mapping; fills naming no strategy go to `unattributed`. */
  readonly attribution?: StrategyAttribution
  /** Instrument id → instrument, for multipliers. @default instrumentFromId */
  readonly instrumentResolver?: InstrumentResolver
}

/**
 * Portfolio accounting from fills: realised and unrealised P&L and commissions per position, per strategy and
 * in total. Fills are processed in time order (ties keep input order). Each strategy keeps its own book per
 * instrument, so two strategies holding the same contract in opposite directions are not netted: a strategy's
 * P&L is what it would have made alone. Money is `Decimal`; an option's P&L is price change × units × multiplier.
 * Expiry is not inferred here: a contract held through expiry stays open until a closing fill (the broker's
 * expiration or settlement record) or a mark at its settlement value is supplied.
 *
 * @param fills - Executions, any order.
 * @param options - Method, marks, attribution, resolver.
 * @returns The snapshot.
 * @throws {ReportInputError} When a fill or mark is malformed.
 * @example
 * ```ts
 * const snapshot = computePortfolio(fills, { method: 'fifo', marks: { 'SPY   250321C00500000': new Decimal('2.40') } })
 * snapshot.total.netPnl.toFixed(2)
 * ```
 */
export function computePortfolio(
  fills: readonly AttributedFill[],
  options: ComputePortfolioOptions = {},
): PortfolioSnapshot {
  const method = options.method ?? CostBasisMethod.AverageCost
  if (method !== CostBasisMethod.AverageCost && method !== CostBasisMethod.Fifo) {
    throw new ReportInputError('method', 'must be "average_cost" or "fifo"')
  }
  const ledger = new Ledger(options.instrumentResolver, options.attribution)
  for (const fill of sortedFills(fills)) ledger.apply(fill)
  const marks = options.marks instanceof Map ? [...options.marks] : Object.entries(options.marks ?? {})
  for (const [instrumentId, price] of marks) {
    if (!price.isFinite() || price.isNegative()) {
      throw new ReportInputError(`marks.${instrumentId}`, 'must be a finite, non-negative Decimal')
    }
    ledger.mark(instrumentId, price)
  }
  return ledger.snapshot(method)
}
