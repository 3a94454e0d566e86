import type { Decimal } from 'decimal.js'
import { BaseError } from '../errors/baseError.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { OpenTrade } from '../oms/openTrades.js'
import { limitPriceFor } from '../orders/limitPricePolicy.js'
import { roundOrderPrice } from '../orders/orderPriceTick.js'
import type { QuoteLookup } from '../orders/packageQuote.js'
import { fromSignedNet, reverseLegs } from '../orders/signedNetPrice.js'
import { DEFAULT_TICK_TABLE, type TickTable } from '../orders/tickTable.js'
import type { OrderIntent, TradingMode } from '../trading/types.js'
import type { ExitDecision } from './evaluateExit.js'

/** What {@link exitIntent} needs besides the trade and the decision. */
export interface ExitIntentContext {
  /** Id of the exit order. */
  readonly clientOrderId: string
  /** Paper or live. */
  readonly mode: TradingMode
  /** Quotes for take-profit limit prices (mid of the closing package); marks are used without it. */
  readonly quoteOf?: QuoteLookup
  /** Tick table for rounding. @default DEFAULT_TICK_TABLE */
  readonly tickTable?: TickTable
}

/**
 * Builds the order that closes (part of) a trade: the trade's legs reversed, `decision.units` units. Stop-loss
 * and time exits are market orders (getting out matters more than the price) that leave out long legs with a
 * zero bid (worthless, and unsellable at market); take-profits are limit orders at
 * the closing package's mid (from quotes when given, otherwise from the decision's net mark), rounded passively
 * onto the tick grid.
 *
 * @param trade - The trade to close.
 * @param decision - The exit decision.
 * @param context - Order id, mode, quotes and tick table.
 * @returns The intent, or `undefined` when a take-profit cannot be priced (no mark, or a single leg worth 0) or
 *   when every leg left to close is worthless.
 * @example
 * ```ts
 * const intent = exitIntent(trade, decision, { clientOrderId: 'exit.sl.abc.1', mode: 'paper' })
 * ```
 */
export function exitIntent(
  trade: OpenTrade,
  decision: ExitDecision,
  context: ExitIntentContext,
): OrderIntent | undefined {
  const reversed = reverseLegs(trade.legs)
  // A market exit cannot sell an option nobody bids for; such a long leg is worth nothing and can only gain, so
  // it is left to expire and only the legs with value are closed.
  const legs =
    decision.reason === 'take_profit' || context.quoteOf === undefined
      ? reversed
      : reversed.filter((leg) => leg.side === 'buy' || !(context.quoteOf?.(instrumentId(leg.instrument))?.bid === 0))
  if (legs.length === 0) return undefined
  const base = {
    clientOrderId: context.clientOrderId,
    legs,
    quantity: decision.units,
    timeInForce: 'DAY' as const,
    mode: context.mode,
    ...(trade.strategyId === undefined ? {} : { strategyId: trade.strategyId }),
  }
  if (decision.reason !== 'take_profit') return { ...base, type: 'MKT' }
  const table = context.tickTable ?? DEFAULT_TICK_TABLE
  let price: Decimal | undefined
  if (context.quoteOf !== undefined) {
    try {
      price = limitPriceFor({ legs, quoteOf: context.quoteOf, policy: { kind: 'mid' }, tickTable: table })
    } catch (error) {
      if (!(error instanceof BaseError)) throw error
    }
  }
  if (price === undefined && decision.netMark !== undefined) {
    // Closing reverses every leg, so its signed net is the negated net mark of the trade as opened.
    price = roundOrderPrice(legs, fromSignedNet(legs, decision.netMark.negated()), table)
  }
  if (price === undefined || (legs.length === 1 && price.lte(0))) return undefined
  return { ...base, type: 'LMT', limitPrice: price }
}
