import { instrumentId } from '../../instruments/instrumentId.js'
import { legContracts } from '../internal/legMath.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries with a leg of more than `maxContractsPerOrder` contracts (order quantity × leg ratio).
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkContractsPerOrder(ctx) // { code: 'contracts_per_order', limit: '10', actual: '12', ... }
 * ```
 */
export const checkContractsPerOrder: RiskCheck = (ctx) => {
  const limit = ctx.limits.maxContractsPerOrder
  for (const leg of ctx.intent.legs) {
    const contracts = legContracts(leg, ctx.intent.quantity)
    if (contracts > limit) {
      return {
        code: 'contracts_per_order',
        message: `leg ${instrumentId(leg.instrument)} has ${contracts} contracts, above the limit of ${limit}`,
        limit: String(limit),
        actual: String(contracts),
      }
    }
  }
  return undefined
}
