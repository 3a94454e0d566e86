import { Decimal } from 'decimal.js'
import type { Side } from '../../trading/types.js'
import { type CostBasisMethod, CostBasisMethod as Method } from '../portfolio/costBasisMethod.js'
import { roundQuantity } from './quantity.js'

const ZERO = new Decimal(0)

/** An open lot of a position, in FIFO order. */
interface OpenLot {
  quantity: number
  price: Decimal
}

/** What one fill did to a book. */
export interface BookChange {
  /** Units that reduced the existing position. */
  readonly closedQuantity: number
  /** Units that opened (or, after a flip, re-opened) a position. */
  readonly openedQuantity: number
  /** Gross realised P&L of the closed units against FIFO lots. */
  readonly realizedFifo: Decimal
  /** Gross realised P&L of the closed units against the average cost. */
  readonly realizedAverage: Decimal
}

/**
 * One position (one strategy, one instrument) kept under both cost-basis methods at once: FIFO lots and a running
 * average cost. Realised figures are gross of commission; commissions accumulate separately.
 */
export class PositionBook {
  readonly multiplier: Decimal
  /** Signed units: positive long, negative short. */
  quantity = 0
  /** Average open price under the average-cost method; 0 when flat. */
  averagePrice = ZERO
  realizedFifo = ZERO
  realizedAverage = ZERO
  commissions = ZERO
  private lots: OpenLot[] = []

  constructor(multiplier: number) {
    this.multiplier = new Decimal(multiplier)
  }

  /** Applies one execution and returns what it closed and opened. */
  apply(side: Side, quantity: number, price: Decimal, commission: Decimal): BookChange {
    this.commissions = this.commissions.plus(commission)
    const direction = side === 'buy' ? 1 : -1
    const held = Math.abs(this.quantity)
    if (this.quantity === 0 || Math.sign(this.quantity) === direction) {
      this.open(direction, quantity, price)
      return { closedQuantity: 0, openedQuantity: quantity, realizedFifo: ZERO, realizedAverage: ZERO }
    }
    const closed = Math.min(quantity, held)
    const positionSign = Math.sign(this.quantity)
    const realizedAverage = price.minus(this.averagePrice).times(closed).times(this.multiplier).times(positionSign)
    const realizedFifo = this.consumeLots(closed, price, positionSign)
    this.realizedAverage = this.realizedAverage.plus(realizedAverage)
    this.realizedFifo = this.realizedFifo.plus(realizedFifo)
    this.quantity = roundQuantity(this.quantity + direction * closed)
    if (this.quantity === 0) this.averagePrice = ZERO
    const opened = roundQuantity(quantity - closed)
    if (opened > 0) this.open(direction, opened, price)
    return { closedQuantity: closed, openedQuantity: opened, realizedFifo, realizedAverage }
  }

  /** Gross realised P&L under a method. */
  realized(method: CostBasisMethod): Decimal {
    return method === Method.Fifo ? this.realizedFifo : this.realizedAverage
  }

  /** Average open price under a method (the FIFO figure weights the remaining lots); 0 when flat. */
  openPrice(method: CostBasisMethod): Decimal {
    if (method === Method.AverageCost || this.lots.length === 0) return this.averagePrice
    let units = 0
    let cost = ZERO
    for (const lot of this.lots) {
      units += lot.quantity
      cost = cost.plus(lot.price.times(lot.quantity))
    }
    return cost.dividedBy(units)
  }

  /**
   * Unrealised P&L at `mark` under a method. The methods value the same open units at different open costs, so
   * unrealised differs between them by exactly what realised differs, and realised + unrealised agrees.
   */
  unrealized(mark: Decimal, method: CostBasisMethod): Decimal {
    if (this.quantity === 0) return ZERO
    return mark.minus(this.openPrice(method)).times(this.quantity).times(this.multiplier)
  }

  private open(direction: number, quantity: number, price: Decimal): void {
    const held = Math.abs(this.quantity)
    const total = roundQuantity(held + quantity)
    this.averagePrice = this.averagePrice.times(held).plus(price.times(quantity)).dividedBy(total)
    this.quantity = direction * total
    this.lots.push({ quantity, price })
  }

  private consumeLots(quantity: number, price: Decimal, positionSign: number): Decimal {
    let remaining = quantity
    let realized = ZERO
    while (remaining > 0) {
      const lot = this.lots[0]
      if (lot === undefined) break
      const taken = Math.min(remaining, lot.quantity)
      realized = realized.plus(price.minus(lot.price).times(taken).times(this.multiplier).times(positionSign))
      lot.quantity = roundQuantity(lot.quantity - taken)
      if (lot.quantity === 0) this.lots.shift()
      remaining = roundQuantity(remaining - taken)
    }
    return realized
  }
}
