import { dollars } from '../internal/format.js'
import { assumedNetPrice } from '../internal/netPrice.js'
import { orderMaxLoss } from '../orderMaxLoss.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries whose own maximum loss at expiry (see `orderMaxLoss`, at the limit price or, for market
 * orders, the net mark) exceeds `maxLossPerOrder`, and entries with unbounded loss unless `allowUndefinedRisk`.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkMaxLoss(ctx) // { code: 'undefined_risk', ... } for a naked short call
 * ```
 */
export const checkMaxLoss: RiskCheck = (ctx) => {
  const net = assumedNetPrice(ctx.intent, ctx.market)
  if (!net.ok) return { code: 'missing_market_data', message: `no mark for ${net.missing}` }
  const loss = orderMaxLoss(ctx.intent.legs, net.price)
  if (loss.kind === 'undefined') {
    if (ctx.limits.allowUndefinedRisk) return undefined
    return { code: 'undefined_risk', message: `order has undefined risk: ${loss.reason}` }
  }
  const total = loss.maxLossPerUnit.times(ctx.intent.quantity)
  const limit = ctx.limits.maxLossPerOrder
  if (total.lte(limit)) return undefined
  return {
    code: 'max_loss_per_order',
    message: `maximum loss ${dollars(total)} exceeds the limit of ${dollars(limit)}`,
    limit: dollars(limit),
    actual: dollars(total),
  }
}
