import type { OrderModification } from '../execution/brokerInterface.js'
import { type Order, OrderStatus, OrderType } from '../trading/types.js'
import { InvalidOrderError } from './orderErrors.js'
import { orderIntentIssues } from './orderIntentIssues.js'
import { DEFAULT_TICK_TABLE, type TickTable } from './tickTable.js'

/**
 * Applies a modification to a working order (pending, submitted or partially filled): a new total quantity above
 * what is already filled, a new limit price on limit orders, a new stop price on stop orders. The result is
 * checked like a new order (ticks, prices its type needs). Status and fills are unchanged.
 *
 * @param order - The working order.
 * @param changes - New quantity and/or prices.
 * @param nowMs - Time of the change.
 * @param tickTable - Tick table. @default DEFAULT_TICK_TABLE
 * @returns The modified order.
 * @throws {InvalidOrderError} When the order is final, nothing changes, or the result is invalid.
 * @example
 * ```ts
 * const next = applyOrderModification(order, { limitPrice: new Decimal('1.10') }, clock.now())
 * ```
 */
export function applyOrderModification(
  order: Order,
  changes: OrderModification,
  nowMs: number,
  tickTable: TickTable = DEFAULT_TICK_TABLE,
): Order {
  const issues: string[] = []
  const working =
    order.status === OrderStatus.Pending ||
    order.status === OrderStatus.Submitted ||
    order.status === OrderStatus.PartiallyFilled
  if (!working) issues.push(`a ${order.status} order cannot be modified`)
  if (changes.quantity === undefined && changes.limitPrice === undefined && changes.stopPrice === undefined) {
    issues.push('a modification must change quantity, limit price or stop price')
  }
  if (changes.quantity !== undefined && !(changes.quantity > order.filledQuantity)) {
    issues.push(`quantity ${changes.quantity} must exceed the ${order.filledQuantity} already filled`)
  }
  const takesLimit = order.type === OrderType.Limit || order.type === OrderType.StopLimit
  const takesStop = order.type === OrderType.Stop || order.type === OrderType.StopLimit
  if (changes.limitPrice !== undefined && !takesLimit) issues.push(`a ${order.type} order has no limit price`)
  if (changes.stopPrice !== undefined && !takesStop) issues.push(`a ${order.type} order has no stop price`)
  if (issues.length > 0) throw new InvalidOrderError(issues, order.clientOrderId)
  const next: Order = {
    ...order,
    ...(changes.quantity === undefined ? {} : { quantity: changes.quantity }),
    ...(changes.limitPrice === undefined ? {} : { limitPrice: changes.limitPrice }),
    ...(changes.stopPrice === undefined ? {} : { stopPrice: changes.stopPrice }),
    updatedAtMs: Math.max(order.updatedAtMs, nowMs),
  }
  const invalid = orderIntentIssues(next, tickTable)
  if (invalid.length > 0) throw new InvalidOrderError(invalid, order.clientOrderId)
  return next
}
