import { Decimal } from 'decimal.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Position, Side } from '../trading/types.js'

/**
 * A position with its exact open cost: `openCost` is Σ price × units of the units still open (per unit of the
 * instrument, before the multiplier), so closing the whole position realises exactly what was paid and received,
 * with no rounding from the average price.
 */
export interface LedgerPosition {
  /** The position as reported. */
  readonly position: Position
  /** Cost of the open units, ≥ 0 (what was paid for a long, received for a short). */
  readonly openCost: Decimal
}

/** One execution applied to a position. */
export interface PositionFill {
  /** The instrument. */
  readonly instrument: Instrument
  /** Buy or sell. */
  readonly side: Side
  /** Units, positive integer. */
  readonly quantity: number
  /** Price per unit. */
  readonly price: Decimal
  /** Contract multiplier. */
  readonly multiplier: number
}

/** Result of {@link applyPositionFill}. */
export interface PositionFillResult {
  /** The position after the fill, or `undefined` when it is flat. */
  readonly next: LedgerPosition | undefined
  /** P&L realised by the units closed, in dollars (multiplier applied, before commissions). */
  readonly realizedPnl: Decimal
}

function make(fill: PositionFill, side: 'long' | 'short', quantity: number, openCost: Decimal): LedgerPosition {
  return {
    position: {
      instrumentId: instrumentId(fill.instrument),
      instrument: fill.instrument,
      side,
      quantity,
      averagePrice: openCost.dividedBy(quantity),
      multiplier: fill.multiplier,
    },
    openCost,
  }
}

/**
 * Applies an execution to a position: adds to it on the same side, reduces it (realising P&L on the closed units at
 * their share of the open cost) on the other side, and flips it when the execution is larger than the position.
 *
 * @param current - The position before, or `undefined` when flat.
 * @param fill - The execution.
 * @returns The position after and the realised P&L.
 * @example
 * ```ts
 * const { next, realizedPnl } = applyPositionFill(current, { instrument, side: 'sell', quantity: 1, price, multiplier: 100 })
 * ```
 */
export function applyPositionFill(current: LedgerPosition | undefined, fill: PositionFill): PositionFillResult {
  const fillSide = fill.side === 'buy' ? 'long' : 'short'
  const value = fill.price.times(fill.quantity)
  if (!current || current.position.side === fillSide) {
    const quantity = (current?.position.quantity ?? 0) + fill.quantity
    const cost = (current?.openCost ?? new Decimal(0)).plus(value)
    return { next: make(fill, fillSide, quantity, cost), realizedPnl: new Decimal(0) }
  }
  const held = current.position.quantity
  const closed = Math.min(held, fill.quantity)
  const closedCost = closed === held ? current.openCost : current.openCost.times(closed).dividedBy(held)
  const closedValue = fill.price.times(closed)
  const pnlPerShare = current.position.side === 'long' ? closedValue.minus(closedCost) : closedCost.minus(closedValue)
  const realizedPnl = pnlPerShare.times(current.position.multiplier)
  if (fill.quantity < held) {
    const rest = make(fill, current.position.side, held - closed, current.openCost.minus(closedCost))
    return { next: { ...rest, position: { ...rest.position, multiplier: current.position.multiplier } }, realizedPnl }
  }
  const flipped = fill.quantity - held
  return {
    next: flipped > 0 ? make(fill, fillSide, flipped, fill.price.times(flipped)) : undefined,
    realizedPnl,
  }
}
