import type { Decimal } from 'decimal.js'
import { type Order, OrderStatus } from '../trading/types.js'
import { IllegalOrderTransitionError, OverfillError } from './orderErrors.js'

/** One execution of a whole number of units of an order. */
export interface OrderFillInput {
  /** Units filled (contracts, or spreads for combos), a positive integer. */
  readonly quantity: number
  /** Price per unit in the order's convention: the instrument price for single legs, the signed net for combos. */
  readonly price: Decimal
  /** Execution time, epoch milliseconds. */
  readonly timestampMs: number
}

/**
 * Adds a fill to an order: filled quantity grows, the average fill price is the quantity-weighted mean of every
 * fill, and the status becomes `partially_filled` or `filled`. Only working orders (`submitted`,
 * `partially_filled`) can fill, and never beyond their quantity.
 *
 * @param order - A working order.
 * @param fill - Units, price and time of the execution.
 * @returns The order after the fill (a new object).
 * @throws {OverfillError} When the quantity is not a positive integer or exceeds what remains.
 * @throws {IllegalOrderTransitionError} When the order is not working.
 * @example
 * ```ts
 * const next = applyOrderFill(order, { quantity: 1, price: new Decimal('1.05'), timestampMs: clock.now() })
 * ```
 */
export function applyOrderFill(order: Order, fill: OrderFillInput): Order {
  const working = order.status === OrderStatus.Submitted || order.status === OrderStatus.PartiallyFilled
  const remaining = order.quantity - order.filledQuantity
  const complete = fill.quantity === remaining
  if (!working) {
    throw new IllegalOrderTransitionError(
      order.clientOrderId,
      order.status,
      complete ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
    )
  }
  if (!Number.isSafeInteger(fill.quantity) || fill.quantity <= 0 || fill.quantity > remaining) {
    throw new OverfillError(order.clientOrderId, order.quantity, order.filledQuantity, fill.quantity)
  }
  const filledQuantity = order.filledQuantity + fill.quantity
  const previousValue = order.averageFillPrice?.times(order.filledQuantity)
  const value =
    previousValue === undefined ? fill.price.times(fill.quantity) : previousValue.plus(fill.price.times(fill.quantity))
  return {
    ...order,
    status: complete ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
    filledQuantity,
    averageFillPrice: value.dividedBy(filledQuantity),
    updatedAtMs: Math.max(order.updatedAtMs, fill.timestampMs),
  }
}
