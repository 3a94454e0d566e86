import { legContracts, sideSign } from '../internal/legMath.js'
import { dollarGreeks, type SignedHolding } from '../internal/portfolioGreeks.js'
import type { RiskCheck, RiskContext } from '../riskContext.js'

/**
 * Holdings if every working entry and the new order filled: positions, plus working entries' remaining units,
 * plus the order.
 *
 * @param ctx - Check context.
 * @returns Signed holdings (instruments may repeat; the greeks are additive).
 * @example
 * ```ts
 * holdingsAfter(ctx).reduce((sum, h) => sum + Math.abs(h.contracts), 0) // contracts if everything fills
 * ```
 */
export function holdingsAfter(ctx: RiskContext): SignedHolding[] {
  const holdings: SignedHolding[] = ctx.exposure.positions.map((position) => ({
    instrument: position.instrument,
    contracts: position.side === 'long' ? position.quantity : -position.quantity,
  }))
  const add = (legs: RiskContext['intent']['legs'], units: number) => {
    for (const leg of legs) {
      holdings.push({ instrument: leg.instrument, contracts: sideSign(leg.side) * legContracts(leg, units) })
    }
  }
  for (const working of ctx.exposure.workingOrders) {
    if (working.purpose === 'entry') add(working.intent.legs, working.remainingQuantity)
  }
  add(ctx.intent.legs, ctx.intent.quantity)
  return holdings
}

/**
 * Refuses entries after which |portfolio dollar delta| would exceed `maxPortfolioDeltaDollars` or |dollar gamma
 * per 1 % move| would exceed `maxPortfolioGammaDollars`, counting positions, working entries and the order.
 * Fails closed: an instrument without greeks or an underlying without a mark refuses the entry.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkGreekCaps(ctx) // { code: 'portfolio_delta', limit: '250000', actual: '262000', ... }
 * ```
 */
export const checkGreekCaps: RiskCheck = (ctx) => {
  const greeks = dollarGreeks(holdingsAfter(ctx), ctx.market)
  if (!greeks.ok) return { code: 'missing_market_data', message: `no ${greeks.what} for ${greeks.missing}` }
  const { maxPortfolioDeltaDollars, maxPortfolioGammaDollars } = ctx.limits
  if (Math.abs(greeks.deltaDollars) > maxPortfolioDeltaDollars) {
    return {
      code: 'portfolio_delta',
      message: `portfolio dollar delta would be ${greeks.deltaDollars.toFixed(0)}, beyond ±${maxPortfolioDeltaDollars}`,
      limit: String(maxPortfolioDeltaDollars),
      actual: greeks.deltaDollars.toFixed(0),
    }
  }
  if (Math.abs(greeks.gammaDollars) > maxPortfolioGammaDollars) {
    return {
      code: 'portfolio_gamma',
      message: `portfolio dollar gamma would be ${greeks.gammaDollars.toFixed(0)}, beyond ±${maxPortfolioGammaDollars}`,
      limit: String(maxPortfolioGammaDollars),
      actual: greeks.gammaDollars.toFixed(0),
    }
  }
  return undefined
}
