import type { Order } from '../../trading/types.js'

/** The order fields the fill rate reads. */
export type FillRateOrder = Pick<Order, 'status' | 'quantity' | 'filledQuantity'>

/** How much of what was sent got executed. */
export interface FillRate {
  /** Orders that reached the broker: every status but `pending` (rejections count, they were sent). */
  readonly submittedOrders: number
  /** Submitted orders with at least one unit filled. */
  readonly filledOrders: number
  /** Submitted orders filled in full. */
  readonly fullyFilledOrders: number
  /** `filledOrders / submittedOrders`, or `null` when nothing was submitted. */
  readonly orderFillRate: number | null
  /** `Σ filledQuantity / Σ quantity` over submitted orders, or `null` when nothing was submitted. */
  readonly quantityFillRate: number | null
}

/**
 * Fill rate: filled versus submitted orders, by count and by quantity. Orders still `pending` never left the
 * system and are not counted.
 *
 * @param orders - Final states of the orders.
 * @returns The rates, `null` when no order was submitted.
 * @example
 * ```ts
 * fillRate(orders).orderFillRate // 0.8
 * ```
 */
export function fillRate(orders: readonly FillRateOrder[]): FillRate {
  let submitted = 0
  let filled = 0
  let full = 0
  let wanted = 0
  let got = 0
  for (const order of orders) {
    if (order.status === 'pending') continue
    submitted += 1
    wanted += order.quantity
    got += order.filledQuantity
    if (order.filledQuantity > 0) filled += 1
    if (order.filledQuantity >= order.quantity) full += 1
  }
  return {
    submittedOrders: submitted,
    filledOrders: filled,
    fullyFilledOrders: full,
    orderFillRate: submitted === 0 ? null : filled / submitted,
    quantityFillRate: submitted === 0 || wanted === 0 ? null : got / wanted,
  }
}
