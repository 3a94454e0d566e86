import { Decimal } from 'decimal.js'
import { orderTick } from '../../orders/orderPriceTick.js'
import type { PackageQuote } from '../../orders/packageQuote.js'
import { fromSignedNet, toSignedNet } from '../../orders/signedNetPrice.js'
import type { TickTable } from '../../orders/tickTable.js'
import { type Order, OrderType } from '../../trading/types.js'
import type { Execution } from '../bookExecutions.js'
import { type SlippageModel, slippageAmount } from '../slippageModel.js'

/** The trades an order would cause if its remaining quantity filled at its worst price. */
export interface OrderEstimate {
  /** Per-leg executions (prices only meaningful for single legs). */
  readonly executions: Omit<Execution, 'commission'>[]
  /** Cash change, negative when paying. */
  readonly cashDelta: Decimal
}

/**
 * Estimates the remaining quantity of an order filled at its worst price: the limit for limit and stop-limit
 * orders, the stop for stop orders, the current net ask plus slippage for market orders. Used by the buying-power
 * check when the order is acknowledged or modified.
 *
 * @param order - The order.
 * @param quote - Its package quote now.
 * @param slippage - Slippage model.
 * @param tickTable - Tick table.
 * @returns The estimate, or a sentence saying why the order cannot be priced.
 * @example
 * ```ts
 * const estimate = estimateOrder(order, packageQuote(order.legs, book.quoteOf), slippage, tickTable)
 * ```
 */
export function estimateOrder(
  order: Order,
  quote: PackageQuote | undefined,
  slippage: SlippageModel,
  tickTable: TickTable,
): OrderEstimate | string {
  let signed: Decimal
  if (order.type === OrderType.Market) {
    if (!quote?.priced) return 'no quote to estimate the cost of a market order'
    const tick = orderTick(order.legs, fromSignedNet(order.legs, quote.netAsk).abs(), tickTable)
    signed = quote.netAsk.plus(slippageAmount(slippage, { netAsk: quote.netAsk, netBid: quote.netBid, tick }))
  } else {
    const price = order.type === OrderType.Stop ? order.stopPrice : order.limitPrice
    if (price === undefined) return `a ${order.type} order without its price`
    signed = toSignedNet(order.legs, price)
  }
  const units = order.quantity - order.filledQuantity
  const first = order.legs[0]?.instrument
  const multiplier = first?.kind === 'option' ? first.multiplier : 1
  const single = order.legs.length === 1
  const executions = order.legs.map((leg) => ({
    instrument: leg.instrument,
    side: leg.side,
    quantity: units * leg.ratio,
    price: single ? signed.abs() : new Decimal(0),
    multiplier: leg.instrument.kind === 'option' ? leg.instrument.multiplier : 1,
  }))
  return { executions, cashDelta: signed.times(units).times(multiplier).negated() }
}
