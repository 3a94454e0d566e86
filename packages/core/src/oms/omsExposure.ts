import { Decimal } from 'decimal.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import { orderCapital } from '../risk/internal/orderCapital.js'
import type { MarketView } from '../risk/marketView.js'
import type { RiskExposure, WorkingOrder } from '../risk/riskContext.js'
import type { Account, Position } from '../trading/types.js'
import type { ManagedOrder } from './managedOrder.js'

/**
 * Orders the broker may still fill, with their unfilled units. Orders not yet acknowledged count: they may be
 * at the broker already.
 *
 * @param orders - Every tracked order.
 * @returns Working orders.
 * @example
 * ```ts
 * workingOrders(oms.orders()).map((w) => w.remainingQuantity)
 * ```
 */
export function workingOrders(orders: Iterable<ManagedOrder>): WorkingOrder[] {
  const working: WorkingOrder[] = []
  for (const order of orders) {
    const remainingQuantity = order.quantity - order.filledQuantity
    if (!isFinalStatus(order.status) && remainingQuantity > 0) {
      working.push({ intent: order, purpose: order.purpose, remainingQuantity })
    }
  }
  return working
}

/**
 * The exposure the risk engine checks an order against. Buying power is the broker's last figure less the
 * worst-case capital of entry units filled after that figure was taken (the broker has not charged them yet);
 * with no account reported yet it is zero, so entries fail closed.
 *
 * @param orders - Every tracked order.
 * @param positions - Current positions.
 * @param account - Latest account report, if any.
 * @param market - Marks, to value filled units of market orders.
 * @returns The exposure.
 * @example
 * ```ts
 * const exposure = omsExposure(oms.orders(), oms.positions(), lastAccount, marketView)
 * ```
 */
export function omsExposure(
  orders: Iterable<ManagedOrder>,
  positions: readonly Position[],
  account: Account | undefined,
  market: MarketView,
): RiskExposure {
  const list = [...orders]
  let buyingPower = account?.buyingPower ?? new Decimal(0)
  if (account !== undefined) {
    for (const order of list) {
      if (order.purpose !== 'entry' || order.filledQuantity === 0 || order.updatedAtMs <= account.timestampMs) continue
      const capital = orderCapital(order, order.filledQuantity, market)
      // Without a mark the capital is unknown: charge everything, entries then fail closed.
      buyingPower = capital.ok ? buyingPower.minus(capital.dollars) : new Decimal(0)
    }
  }
  return { positions, workingOrders: workingOrders(list), buyingPower }
}
