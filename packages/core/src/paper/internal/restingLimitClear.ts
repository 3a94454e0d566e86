import { decimalNumber } from '../../orders/internal/decimalNumber.js'
import { legIds } from '../../orders/legIds.js'
import type { QuoteLookup } from '../../orders/packageQuote.js'
import type { Order } from '../../trading/types.js'

/**
 * Whether a resting limit order surely cannot fill at the current quotes, judged in floating point: a leg without
 * a usable quote (then `packageQuote` has none), or the package's net ask above the order's limit (signed net) by
 * more than the rounding of both sides (each leg price is rounded to 8 decimals as money, 5e-9, and the numbers
 * carry a few units in their 16th significant digit). `false` when unsure: the exact Decimal match decides. A
 * resting order is re-examined on every quote of its legs, and almost always rests on.
 *
 * @param order - A limit order (with `limitPrice`) that is not taking liquidity now.
 * @param quoteOf - The quotes the match would use.
 * @returns `true` when `matchOrder` would surely return `undefined`.
 * @example
 * ```ts
 * if (order.type === 'LMT' && !taker && restingLimitClear(order, book.quoteOf)) return
 * ```
 */
export function restingLimitClear(order: Order, quoteOf: QuoteLookup): boolean {
  const { legs, limitPrice } = order
  if (limitPrice === undefined) return false
  const ids = legIds(legs)
  let netAsk = 0
  let size = 0
  let units = 0
  for (let index = 0; index < legs.length; index++) {
    const leg = legs[index]
    const id = ids[index]
    if (leg === undefined || id === undefined) return true
    const quote = quoteOf(id)
    // The cases where packageQuote answers undefined (and so nothing fills).
    if (!quote || !Number.isFinite(quote.bid) || !Number.isFinite(quote.ask)) return true
    if (quote.bid > 0 && quote.ask > 0 && quote.bid > quote.ask) return true
    const term = leg.side === 'buy' ? Math.max(quote.ask, 0) * leg.ratio : -Math.max(quote.bid, 0) * leg.ratio
    netAsk += term
    size += Math.abs(term)
    units += leg.ratio
  }
  const single = legs.length === 1 ? legs[0] : undefined
  const limit = single?.side === 'sell' ? -decimalNumber(limitPrice) : decimalNumber(limitPrice)
  const margin = 1e-7 * (1 + units) + 1e-9 * (size + Math.abs(limit))
  return Number.isFinite(limit) && Number.isFinite(margin) && limit + margin < netAsk
}
