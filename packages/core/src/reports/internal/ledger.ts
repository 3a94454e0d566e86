import { Decimal } from 'decimal.js'
import { CostBasisMethod } from '../portfolio/costBasisMethod.js'
import { type InstrumentResolver, instrumentFromId, multiplierOf } from '../portfolio/instrumentResolver.js'
import type { PnlSummary, PortfolioSnapshot, PositionPnl, StrategyPnl } from '../portfolio/portfolioSnapshot.js'
import { type AttributedFill, type StrategyAttribution, strategyOf } from '../portfolio/strategyAttribution.js'
import { type BookChange, PositionBook } from './positionBook.js'

const ZERO = new Decimal(0)

/** A book with the keys it is filed under. */
export interface KeyedBook {
  readonly strategyId: string
  readonly instrumentId: string
  readonly book: PositionBook
}

/** What applying one fill did, with the book it went to. */
export interface LedgerChange extends KeyedBook {
  readonly change: BookChange
  /** Whether the book held a position before the fill. */
  readonly wasOpen: boolean
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function summary(realizedPnl: Decimal, unrealizedPnl: Decimal, commissions: Decimal): PnlSummary {
  return { realizedPnl, unrealizedPnl, commissions, netPnl: realizedPnl.plus(unrealizedPnl).minus(commissions) }
}

/**
 * Books per (strategy, instrument) plus the latest known price per instrument. Fills must arrive in time order;
 * a fill's price is the instrument's latest price until a later mark replaces it.
 */
export class Ledger {
  private readonly books = new Map<string, KeyedBook>()
  private readonly multipliers = new Map<string, number>()
  private readonly prices = new Map<string, Decimal>()
  private readonly openBooks = new Set<KeyedBook>()
  private realizedFifo = ZERO
  private realizedAverage = ZERO
  private commissions = ZERO

  constructor(
    private readonly resolver: InstrumentResolver = instrumentFromId,
    private readonly attribution?: StrategyAttribution,
  ) {}

  /** Applies a fill to its strategy's book and records its price as the instrument's latest. */
  apply(fill: AttributedFill): LedgerChange {
    const strategyId = strategyOf(fill, this.attribution)
    const key = `${strategyId}\u0000${fill.instrumentId}`
    let keyed = this.books.get(key)
    if (keyed === undefined) {
      keyed = {
        strategyId,
        instrumentId: fill.instrumentId,
        book: new PositionBook(this.multiplier(fill.instrumentId)),
      }
      this.books.set(key, keyed)
    }
    const wasOpen = keyed.book.quantity !== 0
    const change = keyed.book.apply(fill.side, fill.quantity, fill.price, fill.commission)
    this.prices.set(fill.instrumentId, fill.price)
    this.realizedFifo = this.realizedFifo.plus(change.realizedFifo)
    this.realizedAverage = this.realizedAverage.plus(change.realizedAverage)
    this.commissions = this.commissions.plus(fill.commission)
    if (keyed.book.quantity === 0) this.openBooks.delete(keyed)
    else this.openBooks.add(keyed)
    return { ...keyed, change, wasOpen }
  }

  /** Records a mark price for an instrument. */
  mark(instrumentId: string, price: Decimal): void {
    this.prices.set(instrumentId, price)
  }

  /** Contract multiplier of an instrument, resolved once. */
  multiplier(instrumentId: string): number {
    let multiplier = this.multipliers.get(instrumentId)
    if (multiplier === undefined) {
      multiplier = multiplierOf(this.resolver(instrumentId))
      this.multipliers.set(instrumentId, multiplier)
    }
    return multiplier
  }

  /** Whether any book holds a position. */
  hasOpenPosition(): boolean {
    return this.openBooks.size > 0
  }

  /**
   * Total gross realised, unrealised and commissions under a method, without building a full snapshot: running
   * sums plus a pass over the open books only, so an equity point costs O(open positions).
   */
  totals(method: CostBasisMethod): PnlSummary {
    let unrealized = ZERO
    for (const { instrumentId, book } of this.openBooks) {
      const price = this.prices.get(instrumentId)
      if (price !== undefined) unrealized = unrealized.plus(book.unrealized(price, method))
    }
    const realized = method === CostBasisMethod.Fifo ? this.realizedFifo : this.realizedAverage
    return summary(realized, unrealized, this.commissions)
  }

  /** Per-position, per-strategy and total P&L under a method. */
  snapshot(method: CostBasisMethod): PortfolioSnapshot {
    const ordered = [...this.books.values()].sort(
      (a, b) => compareText(a.strategyId, b.strategyId) || compareText(a.instrumentId, b.instrumentId),
    )
    const positions = ordered.map((keyed) => this.position(keyed, method))
    const byStrategy = new Map<string, PositionPnl[]>()
    for (const position of positions) {
      const list = byStrategy.get(position.strategyId) ?? []
      list.push(position)
      byStrategy.set(position.strategyId, list)
    }
    const strategies: StrategyPnl[] = [...byStrategy].map(([strategyId, list]) => ({
      strategyId,
      ...sum(list),
    }))
    return { method, positions, strategies, total: sum(strategies) }
  }

  private position({ strategyId, instrumentId, book }: KeyedBook, method: CostBasisMethod): PositionPnl {
    const flat = book.quantity === 0
    const price = this.prices.get(instrumentId)
    const markPrice = flat || price === undefined ? null : price
    const unrealized = markPrice === null ? ZERO : book.unrealized(markPrice, method)
    return {
      strategyId,
      instrumentId,
      side: flat ? 'flat' : book.quantity > 0 ? 'long' : 'short',
      quantity: Math.abs(book.quantity),
      averagePrice: flat ? null : book.openPrice(method),
      multiplier: book.multiplier.toNumber(),
      markPrice,
      ...summary(book.realized(method), unrealized, book.commissions),
    }
  }
}

function sum(items: readonly PnlSummary[]): PnlSummary {
  let realized = ZERO
  let unrealized = ZERO
  let commissions = ZERO
  for (const item of items) {
    realized = realized.plus(item.realizedPnl)
    unrealized = unrealized.plus(item.unrealizedPnl)
    commissions = commissions.plus(item.commissions)
  }
  return summary(realized, unrealized, commissions)
}
