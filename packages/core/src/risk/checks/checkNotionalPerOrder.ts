import { dollars } from '../internal/format.js'
import { orderNotional } from '../internal/orderNotional.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries whose gross premium (Σ legs |price| × contracts × multiplier) exceeds `maxNotionalPerOrder`.
 * Fails closed: a leg without a mark is refused as `missing_market_data`.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkNotionalPerOrder(ctx) // { code: 'notional_per_order', limit: '10000.00', actual: '12500.00', ... }
 * ```
 */
export const checkNotionalPerOrder: RiskCheck = (ctx) => {
  const notional = orderNotional(ctx.intent, ctx.intent.quantity, ctx.market)
  if (!notional.ok) return { code: 'missing_market_data', message: `no mark for ${notional.missing}` }
  const limit = ctx.limits.maxNotionalPerOrder
  if (notional.dollars.lte(limit)) return undefined
  return {
    code: 'notional_per_order',
    message: `gross premium ${dollars(notional.dollars)} exceeds the limit of ${dollars(limit)}`,
    limit: dollars(limit),
    actual: dollars(notional.dollars),
  }
}
