import { Decimal } from 'decimal.js'
import { dollars } from '../internal/format.js'
import { orderCapital } from '../internal/orderCapital.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries whose worst-case capital (maximum loss; see `orderCapital`) exceeds the buying power left
 * after every working entry is charged the same way. Fails closed on missing marks.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkBuyingPower(ctx) // { code: 'buying_power', limit: '400.00', actual: '380.00', ... } when 20 is already reserved
 * ```
 */
export const checkBuyingPower: RiskCheck = (ctx) => {
  let reserved = new Decimal(0)
  for (const working of ctx.exposure.workingOrders) {
    if (working.purpose !== 'entry') continue
    const capital = orderCapital(working.intent, working.remainingQuantity, ctx.market)
    if (!capital.ok) return { code: 'missing_market_data', message: `no mark for ${capital.missing}` }
    reserved = reserved.plus(capital.dollars)
  }
  const needed = orderCapital(ctx.intent, ctx.intent.quantity, ctx.market)
  if (!needed.ok) return { code: 'missing_market_data', message: `no mark for ${needed.missing}` }
  const available = ctx.exposure.buyingPower.minus(reserved)
  if (needed.dollars.lte(available)) return undefined
  return {
    code: 'buying_power',
    message: `order needs ${dollars(needed.dollars)}, ${dollars(available)} available after ${dollars(reserved)} reserved by working orders`,
    limit: dollars(available),
    actual: dollars(needed.dollars),
  }
}
