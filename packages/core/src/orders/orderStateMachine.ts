import { type Order, OrderStatus } from '../trading/types.js'
import { IllegalOrderTransitionError } from './orderErrors.js'

/**
 * Every legal change of an order's status. A status listed under itself may be re-emitted with other fields
 * changed (a modification, another partial fill); final statuses (`filled`, `cancelled`, `rejected`, `expired`)
 * lead nowhere. `pending` is the order before the broker acknowledged it, `submitted` working without fills.
 *
 * - pending → submitted | rejected | cancelled | expired
 * - submitted → submitted | partially_filled | filled | cancelled | rejected | expired
 * - partially_filled → partially_filled | filled | cancelled | expired (the fills stay)
 *
 * @example
 * ```ts
 * ORDER_TRANSITIONS.submitted.includes('cancelled') // true
 * ```
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  pending: [
    OrderStatus.Pending,
    OrderStatus.Submitted,
    OrderStatus.Rejected,
    OrderStatus.Cancelled,
    OrderStatus.Expired,
  ],
  submitted: [
    OrderStatus.Submitted,
    OrderStatus.PartiallyFilled,
    OrderStatus.Filled,
    OrderStatus.Cancelled,
    OrderStatus.Rejected,
    OrderStatus.Expired,
  ],
  partially_filled: [OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Expired],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
})

/**
 * Whether an order may go from one status to another (see {@link ORDER_TRANSITIONS}).
 *
 * @param from - Current status.
 * @param to - Requested status.
 * @returns `true` when legal.
 * @example
 * ```ts
 * canTransition('filled', 'cancelled') // false
 * ```
 */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to)
}

/**
 * Whether a status is final: the order will never change again.
 *
 * @param status - An order status.
 * @returns `true` for `filled`, `cancelled`, `rejected` and `expired`.
 * @example
 * ```ts
 * isFinalStatus('partially_filled') // false
 * ```
 */
export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0
}

/** What {@link transitionOrder} stamps on the new state. */
export interface TransitionContext {
  /** When the change happened, epoch milliseconds. */
  readonly nowMs: number
  /** Why (rejection or cancellation reason). */
  readonly reason?: string
  /** The broker's id, when the change is the acknowledgement that assigns it. */
  readonly brokerOrderId?: string
}

/**
 * Moves an order to a status without a fill: acknowledgement, rejection, cancellation, expiry. Fills go through
 * `applyOrderFill`, which keeps the quantities right; asking this function for `partially_filled` or `filled`
 * throws. A cancelled or expired order keeps its fills.
 *
 * @param order - The order.
 * @param to - New status.
 * @param context - Time, and optionally a reason and the broker's id.
 * @returns The order in its new status (a new object).
 * @throws {IllegalOrderTransitionError} When the transition is not in {@link ORDER_TRANSITIONS}, or is a fill.
 * @example
 * ```ts
 * const cancelled = transitionOrder(order, 'cancelled', { nowMs: clock.now(), reason: 'user request' })
 * ```
 */
export function transitionOrder(order: Order, to: OrderStatus, context: TransitionContext): Order {
  const isFill = to === OrderStatus.Filled || to === OrderStatus.PartiallyFilled
  if (isFill || !canTransition(order.status, to)) {
    throw new IllegalOrderTransitionError(order.clientOrderId, order.status, to)
  }
  return {
    ...order,
    status: to,
    updatedAtMs: Math.max(order.updatedAtMs, context.nowMs),
    ...(context.reason === undefined ? {} : { reason: context.reason }),
    ...(context.brokerOrderId === undefined ? {} : { brokerOrderId: context.brokerOrderId }),
  }
}
