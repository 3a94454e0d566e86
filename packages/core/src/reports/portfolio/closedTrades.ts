import { Decimal } from 'decimal.js'
import { Ledger } from '../internal/ledger.js'
import { sortedFills } from '../internal/validateFill.js'
import type { InstrumentResolver } from './instrumentResolver.js'
import type { AttributedFill, StrategyAttribution } from './strategyAttribution.js'

const ZERO = new Decimal(0)

/** What counts as one trade. */
export const TradeGrouping = {
  /** From a strategy's position in one instrument leaving flat to its return to flat (a flip ends one, starts another). */
  Instrument: 'instrument',
  /**
   * From a strategy leaving flat in all instruments to all its positions being flat again: a vertical or an iron
   * condor opened and closed together is one trade, not two to four.
   */
  Strategy: 'strategy',
} as const
/** One of {@link TradeGrouping}. */
export type TradeGrouping = (typeof TradeGrouping)[keyof typeof TradeGrouping]

/** A completed round trip. Money is `Decimal`, in account currency. */
export interface ClosedTrade {
  /** Id of the fill that opened it. */
  readonly tradeId: string
  /** Strategy that held it. */
  readonly strategyId: string
  /** Instruments traded, in order of first fill. */
  readonly instrumentIds: readonly string[]
  /** `long` or `short` for one instrument; `null` for a multi-leg trade. */
  readonly direction: 'long' | 'short' | null
  /** Units opened, or `null` for a multi-leg trade. */
  readonly quantity: number | null
  /** Quantity-weighted opening price, or `null` for a multi-leg trade. */
  readonly entryPrice: Decimal | null
  /** Quantity-weighted closing price, or `null` for a multi-leg trade. */
  readonly exitPrice: Decimal | null
  /** Contract multiplier, or `null` for a multi-leg trade. */
  readonly multiplier: number | null
  /** Time of the opening fill, epoch ms. */
  readonly entryTimeMs: number
  /** Time of the fill that made it flat, epoch ms. */
  readonly exitTimeMs: number
  /** Realised P&L before commissions. */
  readonly grossPnl: Decimal
  /** Commissions of its fills (a flipping fill's commission is split by quantity). */
  readonly commissions: Decimal
  /** Gross P&L minus commissions. */
  readonly netPnl: Decimal
  /** Fills that belong to it, in time order. */
  readonly fillIds: readonly string[]
}

/** Options of {@link closedTrades}. */
export interface ClosedTradesOptions {
  /** What counts as one trade. @default 'instrument' */
  readonly grouping?: TradeGrouping
  /** Fill → strategy mapping. */
  readonly attribution?: StrategyAttribution
  /** Instrument id → instrument, for multipliers. @default instrumentFromId */
  readonly instrumentResolver?: InstrumentResolver
}

interface OpenTrade {
  tradeId: string
  strategyId: string
  instruments: string[]
  direction: 'long' | 'short'
  entryTimeMs: number
  openedUnits: number
  openedValue: Decimal
  closedUnits: number
  closedValue: Decimal
  gross: Decimal
  commissions: Decimal
  fillIds: string[]
}

function startTrade(fill: AttributedFill, strategyId: string): OpenTrade {
  return {
    tradeId: fill.fillId,
    strategyId,
    instruments: [],
    direction: fill.side === 'buy' ? 'long' : 'short',
    entryTimeMs: fill.timestampMs,
    openedUnits: 0,
    openedValue: ZERO,
    closedUnits: 0,
    closedValue: ZERO,
    gross: ZERO,
    commissions: ZERO,
    fillIds: [],
  }
}

function addPart(trade: OpenTrade, fill: AttributedFill, closed: number, opened: number, gross: Decimal): void {
  if (!trade.instruments.includes(fill.instrumentId)) trade.instruments.push(fill.instrumentId)
  if (!trade.fillIds.includes(fill.fillId)) trade.fillIds.push(fill.fillId)
  trade.openedUnits += opened
  trade.openedValue = trade.openedValue.plus(fill.price.times(opened))
  trade.closedUnits += closed
  trade.closedValue = trade.closedValue.plus(fill.price.times(closed))
  trade.gross = trade.gross.plus(gross)
  trade.commissions = trade.commissions.plus(fill.commission.times(closed + opened).dividedBy(fill.quantity))
}

function finish(trade: OpenTrade, exitTimeMs: number, multiplier: number): ClosedTrade {
  const single = trade.instruments.length === 1
  return {
    tradeId: trade.tradeId,
    strategyId: trade.strategyId,
    instrumentIds: trade.instruments,
    direction: single ? trade.direction : null,
    quantity: single ? trade.openedUnits : null,
    entryPrice: single ? trade.openedValue.dividedBy(trade.openedUnits) : null,
    exitPrice: single && trade.closedUnits > 0 ? trade.closedValue.dividedBy(trade.closedUnits) : null,
    multiplier: single ? multiplier : null,
    entryTimeMs: trade.entryTimeMs,
    exitTimeMs,
    grossPnl: trade.gross,
    commissions: trade.commissions,
    netPnl: trade.gross.minus(trade.commissions),
    fillIds: trade.fillIds,
  }
}

/**
 * The list of completed round trips, for win rate, profit factor, expectancy and the report's trade table.
 * A trade's gross P&L is the same under FIFO and average cost, because every unit it opened is closed. A
 * position still open at the end is not a trade yet and is left out.
 *
 * @param fills - Executions, any order.
 * @param options - Grouping, attribution, resolver.
 * @returns Trades in order of exit time (ties in order of entry).
 * @throws {ReportInputError} When a fill is malformed.
 * @example
 * ```ts
 * const trades = closedTrades(fills, { grouping: 'strategy', attribution })
 * trades.filter((t) => t.netPnl.isPositive()).length
 * ```
 */
export function closedTrades(fills: readonly AttributedFill[], options: ClosedTradesOptions = {}): ClosedTrade[] {
  const grouping = options.grouping ?? TradeGrouping.Instrument
  const ledger = new Ledger(options.instrumentResolver, options.attribution)
  const openBooks = new Map<string, number>()
  const open = new Map<string, OpenTrade>()
  const done: ClosedTrade[] = []
  for (const fill of sortedFills(fills)) {
    const { strategyId, instrumentId, book, change, wasOpen } = ledger.apply(fill)
    const groupKey = grouping === TradeGrouping.Strategy ? strategyId : `${strategyId}\u0000${instrumentId}`
    const openBefore = openBooks.get(groupKey) ?? 0
    const othersFlat = openBefore - (wasOpen ? 1 : 0) === 0
    openBooks.set(groupKey, openBefore - (wasOpen ? 1 : 0) + (book.quantity !== 0 ? 1 : 0))
    const multiplier = ledger.multiplier(instrumentId)
    let trade = open.get(groupKey) ?? startTrade(fill, strategyId)
    const flipsThroughFlat = change.closedQuantity > 0 && change.openedQuantity > 0 && othersFlat
    if (flipsThroughFlat) {
      addPart(trade, fill, change.closedQuantity, 0, change.realizedFifo)
      done.push(finish(trade, fill.timestampMs, multiplier))
      trade = startTrade(fill, strategyId)
      addPart(trade, fill, 0, change.openedQuantity, ZERO)
    } else {
      addPart(trade, fill, change.closedQuantity, change.openedQuantity, change.realizedFifo)
    }
    if (othersFlat && book.quantity === 0) {
      done.push(finish(trade, fill.timestampMs, multiplier))
      open.delete(groupKey)
    } else {
      open.set(groupKey, trade)
    }
  }
  return done.sort((a, b) => a.exitTimeMs - b.exitTimeMs || a.entryTimeMs - b.entryTimeMs)
}
