import { canTransition, isFinalStatus } from '../orders/orderStateMachine.js'
import type { Order } from '../trading/types.js'

function sameDecimal(a: Order['limitPrice'] | null, b: Order['limitPrice'] | null): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return a === b
  return a.equals(b)
}

function changed(local: Order, next: Order): boolean {
  return (
    local.status !== next.status ||
    local.filledQuantity !== next.filledQuantity ||
    !sameDecimal(local.averageFillPrice, next.averageFillPrice) ||
    local.brokerOrderId !== next.brokerOrderId ||
    local.reason !== next.reason ||
    local.quantity !== next.quantity ||
    !sameDecimal(local.limitPrice, next.limitPrice) ||
    !sameDecimal(local.stopPrice, next.stopPrice)
  )
}

/**
 * Merges a broker report of an order into the locally known state. Reports arrive late, twice and out of
 * order (the `placeOrder` result and `orders$` race; recovery replays what was already seen), so:
 *
 * - a report with fewer filled units than known is stale and ignored;
 * - a status change is taken only when the order state machine allows it (never out of a final status), except
 *   that more filled units are facts and always taken (a late fill of an order reported cancelled);
 * - identity fields (id, legs, mode, purpose) stay local; quantity and prices follow the broker (modifications).
 *
 * @param local - The order as known.
 * @param incoming - The broker's report.
 * @returns The merged order, or `undefined` when the report changes nothing or is stale.
 * @example
 * ```ts
 * const next = mergeOrderUpdate(known, report)
 * if (next) await journal.append({ kind: 'order', order: next })
 * ```
 */
export function mergeOrderUpdate<T extends Order>(local: T, incoming: Order): T | undefined {
  if (incoming.filledQuantity < local.filledQuantity) return undefined
  const moreFills = incoming.filledQuantity > local.filledQuantity
  const statusOk = local.status === incoming.status || canTransition(local.status, incoming.status)
  if (!statusOk && !moreFills) return undefined
  const quantity = Math.max(incoming.quantity, incoming.filledQuantity)
  const status: Order['status'] = statusOk
    ? incoming.status
    : incoming.filledQuantity === quantity
      ? 'filled'
      : isFinalStatus(local.status)
        ? local.status
        : 'partially_filled'
  const next: T = {
    ...local,
    status,
    filledQuantity: incoming.filledQuantity,
    averageFillPrice: incoming.averageFillPrice ?? local.averageFillPrice,
    quantity,
    ...(incoming.limitPrice === undefined ? {} : { limitPrice: incoming.limitPrice }),
    ...(incoming.stopPrice === undefined ? {} : { stopPrice: incoming.stopPrice }),
    ...(incoming.brokerOrderId === undefined ? {} : { brokerOrderId: incoming.brokerOrderId }),
    ...(incoming.reason === undefined ? {} : { reason: incoming.reason }),
    updatedAtMs: Math.max(local.updatedAtMs, incoming.updatedAtMs),
  }
  return changed(local, next) ? next : undefined
}
