import type { Decimal } from 'decimal.js'
import type { OrderIntent } from '../../trading/types.js'
import type { MarketView } from '../marketView.js'
import { orderMaxLoss } from '../orderMaxLoss.js'
import { assumedNetPrice } from './netPrice.js'
import { orderNotional } from './orderNotional.js'

/** Worst-case capital an order ties up, or the instrument whose mark was missing. */
export type CapitalResult =
  | { readonly ok: true; readonly dollars: Decimal; readonly definedRisk: boolean }
  | { readonly ok: false; readonly missing: string }

/**
 * Capital that `units` of an order tie up in the worst case: its maximum loss at expiry (the premium for
 * debits, width less credit for credit spreads), which is what Reg-T margin charges for defined-risk spreads.
 * Orders with undefined risk (only ever accepted with `allowUndefinedRisk`) are charged their gross premium, a
 * lower bound; the broker's own margin check is the real limit for them.
 *
 * @param intent - The order.
 * @param units - Units to charge.
 * @param market - Marks.
 * @returns Dollars and whether the risk was defined.
 */
export function orderCapital(intent: OrderIntent, units: number, market: MarketView): CapitalResult {
  const net = assumedNetPrice(intent, market)
  if (!net.ok) return net
  const loss = orderMaxLoss(intent.legs, net.price)
  if (loss.kind === 'defined') return { ok: true, dollars: loss.maxLossPerUnit.times(units), definedRisk: true }
  const notional = orderNotional(intent, units, market)
  if (!notional.ok) return notional
  return { ok: true, dollars: notional.dollars, definedRisk: false }
}
