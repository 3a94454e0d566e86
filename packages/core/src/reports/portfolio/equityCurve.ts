import { Decimal } from 'decimal.js'
import { Ledger } from '../internal/ledger.js'
import { sortedFills } from '../internal/validateFill.js'
import { ReportInputError } from '../reportInputError.js'
import { CostBasisMethod } from './costBasisMethod.js'
import type { InstrumentResolver } from './instrumentResolver.js'
import { type AttributedFill, type StrategyAttribution, strategyOf } from './strategyAttribution.js'

/** A price observation for one instrument (a mid, a last sale, a settlement). */
export interface MarkPrice {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** When the price held, epoch milliseconds. */
  readonly timestampMs: number
  /** Price per unit. */
  readonly price: Decimal
}

/** Account value at one instant. */
export interface EquityPoint {
  /** Epoch milliseconds. */
  readonly timestampMs: number
  /** Starting cash + realised + unrealised − commissions. */
  readonly equity: Decimal
  /** Gross realised P&L so far. */
  readonly realizedPnl: Decimal
  /** Gross unrealised P&L of open positions at their latest price. */
  readonly unrealizedPnl: Decimal
  /** Commissions paid so far. */
  readonly commissions: Decimal
}

/** Input of {@link buildEquityCurve}. */
export interface EquityCurveInput {
  /** Cash before the first fill. */
  readonly startingCash: Decimal
  /** Executions, any order. */
  readonly fills: readonly AttributedFill[]
  /** Prices over time, any order. */
  readonly marks?: readonly MarkPrice[]
  /** Split of realised vs unrealised in each point (equity itself does not depend on it). @default 'average_cost' */
  readonly method?: CostBasisMethod
  /** Fill → strategy mapping. */
  readonly attribution?: StrategyAttribution
  /** Keep only this strategy's fills: the curve of one strategy trading `startingCash` alone. */
  readonly strategyId?: string
  /** Instrument id → instrument, for multipliers. @default instrumentFromId */
  readonly instrumentResolver?: InstrumentResolver
  /**
   * When set, the curve starts with a point at this time holding exactly `startingCash`, so returns and drawdowns
   * are measured from the starting capital rather than from the first fill. Must not be after the first event.
   */
  readonly startTimeMs?: number
}

interface TimedEvent {
  readonly timestampMs: number
  readonly order: number
  readonly fill?: AttributedFill
  readonly mark?: MarkPrice
}

/**
 * Equity over time from starting cash, fills and marks. One point per distinct timestamp of a fill or mark,
 * taken after every event at that instant (fills first, then marks, so a mark at the fill's time wins). Open
 * positions are valued at the latest mark or fill price of their instrument; marks for instruments never held
 * only update that price.
 *
 * @param input - Starting cash, fills, marks and options.
 * @returns Points in time order (a point at `startTimeMs` first when given); empty when there are no events and no
 *   `startTimeMs`.
 * @throws {ReportInputError} When a fill or mark is malformed.
 * @example
 * ```ts
 * const curve = buildEquityCurve({ startingCash: new Decimal(10_000), fills, marks })
 * curve.at(-1)?.equity.toFixed(2)
 * ```
 */
export function buildEquityCurve(input: EquityCurveInput): EquityPoint[] {
  if (!input.startingCash.isFinite()) throw new ReportInputError('startingCash', 'must be a finite Decimal')
  const method = input.method ?? CostBasisMethod.AverageCost
  const ledger = new Ledger(input.instrumentResolver, input.attribution)
  const fills = sortedFills(input.fills).filter(
    (fill) => input.strategyId === undefined || strategyOf(fill, input.attribution) === input.strategyId,
  )
  const events: TimedEvent[] = fills.map((fill, order) => ({ timestampMs: fill.timestampMs, order, fill }))
  ;(input.marks ?? []).forEach((mark, position) => {
    if (!Number.isFinite(mark.timestampMs)) throw new ReportInputError(`marks[${position}].timestampMs`, 'not finite')
    if (!mark.price.isFinite() || mark.price.isNegative()) {
      throw new ReportInputError(`marks[${position}].price`, 'must be a finite, non-negative Decimal')
    }
    events.push({ timestampMs: mark.timestampMs, order: fills.length + position, mark })
  })
  events.sort((a, b) => a.timestampMs - b.timestampMs || a.order - b.order)
  const points: EquityPoint[] = []
  if (input.startTimeMs !== undefined) {
    const first = events[0]
    if (!Number.isFinite(input.startTimeMs) || (first !== undefined && input.startTimeMs > first.timestampMs)) {
      throw new ReportInputError('startTimeMs', 'must be finite and not after the first fill or mark')
    }
    const zero = new Decimal(0)
    points.push({
      timestampMs: input.startTimeMs,
      equity: input.startingCash,
      realizedPnl: zero,
      unrealizedPnl: zero,
      commissions: zero,
    })
  }
  events.forEach((event, position) => {
    if (event.fill !== undefined) ledger.apply(event.fill)
    if (event.mark !== undefined) ledger.mark(event.mark.instrumentId, event.mark.price)
    const next = events[position + 1]
    if (next !== undefined && next.timestampMs === event.timestampMs) return
    const totals = ledger.totals(method)
    points.push({
      timestampMs: event.timestampMs,
      equity: input.startingCash.plus(totals.netPnl),
      realizedPnl: totals.realizedPnl,
      unrealizedPnl: totals.unrealizedPnl,
      commissions: totals.commissions,
    })
  })
  return points
}
