import { Decimal } from 'decimal.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { toSignedNet } from '../../orders/signedNetPrice.js'
import type { OrderIntent } from '../../trading/types.js'
import type { MarketView } from '../marketView.js'
import { sideSign } from './legMath.js'

/** Net price per order unit, or the instrument whose mark was missing. */
export type NetPriceResult =
  | { readonly ok: true; readonly price: Decimal }
  | { readonly ok: false; readonly missing: string }

/**
 * Net mark of an order per unit: Σ sign × ratio × mark over legs (positive is a debit). Per share, like the
 * limit price of a combo.
 *
 * @param intent - The order.
 * @param market - Marks.
 * @returns The net mark, or the first instrument without one.
 */
export function netMark(intent: Pick<OrderIntent, 'legs'>, market: MarketView): NetPriceResult {
  let sum = new Decimal(0)
  for (const leg of intent.legs) {
    const id = instrumentId(leg.instrument)
    const mark = market.mark(id)
    if (mark === undefined) return { ok: false, missing: id }
    sum = sum.plus(new Decimal(mark).times(leg.ratio * sideSign(leg.side)))
  }
  return { ok: true, price: sum }
}

/**
 * The signed net price per unit (debit positive, credit negative) the risk checks assume an order trades at:
 * the limit of a limit or stop-limit order (the worst it can fill at), otherwise the higher, so worse, of the
 * stop (if any) and the net mark. Market orders are assumed to fill at the mark; slippage beyond it is not
 * modelled. Single-leg prices are converted from the order convention (a sell at 1.20 is −1.20).
 *
 * @param intent - The order.
 * @param market - Marks.
 * @returns The assumed signed net price, or the instrument without a mark.
 */
export function assumedNetPrice(intent: OrderIntent, market: MarketView): NetPriceResult {
  if ((intent.type === 'LMT' || intent.type === 'STP_LMT') && intent.limitPrice !== undefined) {
    return { ok: true, price: toSignedNet(intent.legs, intent.limitPrice) }
  }
  const mark = netMark(intent, market)
  if (!mark.ok || intent.stopPrice === undefined) return mark
  return { ok: true, price: Decimal.max(mark.price, toSignedNet(intent.legs, intent.stopPrice)) }
}
