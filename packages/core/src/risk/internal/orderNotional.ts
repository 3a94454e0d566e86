import { Decimal } from 'decimal.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { OrderIntent } from '../../trading/types.js'
import type { MarketView } from '../marketView.js'
import { instrumentMultiplier, legContracts } from './legMath.js'

/** Gross premium of an order in dollars, or the instrument without a mark. */
export type NotionalResult =
  | { readonly ok: true; readonly dollars: Decimal }
  | { readonly ok: false; readonly missing: string }

/**
 * Gross premium of `units` of an order: Σ legs |price| × contracts × multiplier, in dollars. A single-leg
 * limit or stop-limit order is valued at the higher of its limit and the mark (the most it can cost or the
 * mark if that is higher); every other leg at its mark.
 *
 * @param intent - The order.
 * @param units - Units to value.
 * @param market - Marks.
 * @returns Dollars, or the first instrument without a mark.
 */
export function orderNotional(intent: OrderIntent, units: number, market: MarketView): NotionalResult {
  let total = new Decimal(0)
  for (const leg of intent.legs) {
    const id = instrumentId(leg.instrument)
    const mark = market.mark(id)
    const limit = intent.legs.length === 1 ? intent.limitPrice : undefined
    if (mark === undefined && limit === undefined) return { ok: false, missing: id }
    const price = Decimal.max(limit ?? 0, mark ?? 0).abs()
    total = total.plus(price.times(legContracts(leg, units) * instrumentMultiplier(leg.instrument)))
  }
  return { ok: true, dollars: total }
}
