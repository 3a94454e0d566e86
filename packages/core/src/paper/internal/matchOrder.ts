import type { Decimal } from 'decimal.js'
import { orderTick } from '../../orders/orderPriceTick.js'
import type { PackageQuote } from '../../orders/packageQuote.js'
import { quoteDecimal } from '../../orders/quoteDecimal.js'
import { fromSignedNet, toSignedNet } from '../../orders/signedNetPrice.js'
import type { TickTable } from '../../orders/tickTable.js'
import { type Order, OrderType } from '../../trading/types.js'
import { PaperBrokerInvariantError } from '../paperBrokerErrors.js'
import { type SlippageModel, slippageAmount } from '../slippageModel.js'
import { allocateLegPrices, netOfLegPrices } from './legPriceAllocation.js'

/** Input of {@link matchOrder}. */
export interface MatchInput {
  /** A working order. */
  readonly order: Order
  /** The order's package quote, after liquidity already taken from the current quotes. */
  readonly quote: PackageQuote | undefined
  /** Whether the order takes liquidity now (just acknowledged, triggered or re-priced) or rests on the book. */
  readonly taker: boolean
  /** For stop orders: whether the stop has triggered. */
  readonly triggered: boolean
  /** Slippage of marketable fills. */
  readonly slippage: SlippageModel
  /** Tick table. */
  readonly tickTable: TickTable
}

/** A package execution decided by {@link matchOrder}. */
export interface MatchResult {
  /** Units of the order filled. */
  readonly units: number
  /** Price of each leg, in leg order. */
  readonly legPrices: readonly Decimal[]
  /** Net per unit in the order's convention (what `averageFillPrice` averages). */
  readonly price: Decimal
}

/**
 * Whether a stop order's trigger is touched: the cost of executing the package now (its signed net ask) has
 * reached the stop. For a single-leg sell stop that is the bid falling to the stop; for a buy stop the ask rising
 * to it; for combos the net of the legs' touches. Displayed size does not matter: a touch is a touch.
 *
 * @param order - A stop or stop-limit order.
 * @param quote - Its package quote.
 * @returns `true` when triggered.
 * @example
 * ```ts
 * if (stopTouched(order, packageQuote(order.legs, quoteOf))) markTriggered(order)
 * ```
 */
export function stopTouched(order: Order, quote: PackageQuote | undefined): boolean {
  if (!quote?.priced || order.stopPrice === undefined) return false
  return quote.netAsk.gte(toSignedNet(order.legs, order.stopPrice))
}

function effectiveLimit(order: Order): Decimal | undefined {
  const limited = order.type === OrderType.Limit || order.type === OrderType.StopLimit
  return limited && order.limitPrice !== undefined ? toSignedNet(order.legs, order.limitPrice) : undefined
}

/**
 * Decides whether and how a working order fills against the current market, as one package (all legs at once,
 * never legged in). A taker fills at the touch plus slippage, capped by its limit; a resting limit order fills at
 * its limit once the far touch reaches it. Units are capped by displayed size. Untriggered stops never fill.
 *
 * @param input - The order, its package quote and the simulation settings.
 * @returns The execution, or `undefined` when nothing fills.
 * @throws {PaperBrokerInvariantError} If the legs' prices would not add up to the package price.
 * @example
 * ```ts
 * const match = matchOrder({ order, quote, taker: true, triggered: false, slippage, tickTable })
 * ```
 */
export function matchOrder(input: MatchInput): MatchResult | undefined {
  const { order, quote } = input
  const isStop = order.type === OrderType.Stop || order.type === OrderType.StopLimit
  if (isStop && !input.triggered) return undefined
  if (!quote?.executable || quote.askUnits <= 0) return undefined
  const units = Math.min(order.quantity - order.filledQuantity, quote.askUnits)
  if (units <= 0) return undefined
  const limit = effectiveLimit(order)
  if (limit?.lt(quote.netAsk)) return undefined
  let target: Decimal
  if (input.taker || limit === undefined) {
    const tick = orderTick(order.legs, fromSignedNet(order.legs, quote.netAsk).abs(), input.tickTable)
    const slipped = quote.netAsk.plus(
      slippageAmount(input.slippage, { netAsk: quote.netAsk, netBid: quote.netBid, tick }),
    )
    target = limit === undefined ? slipped : limit.lt(slipped) ? limit : slipped
  } else {
    target = limit
  }
  const touches = order.legs.map((leg, index) => {
    const legQuote = quote.legQuotes[index]
    return quoteDecimal(leg.side === 'buy' ? (legQuote?.ask ?? Number.NaN) : (legQuote?.bid ?? Number.NaN))
  })
  const legPrices = allocateLegPrices(order.legs, touches, target.minus(quote.netAsk)) ?? touches
  const net = netOfLegPrices(order.legs, legPrices)
  if (!net.isFinite() || net.gt(target) || (limit !== undefined && net.gt(limit)) || legPrices.some((p) => p.lte(0))) {
    throw new PaperBrokerInvariantError(
      `fill of ${order.clientOrderId} at net ${net.toString()} breaks its target ${target.toString()}`,
    )
  }
  return { units, legPrices, price: fromSignedNet(order.legs, net) }
}
