import { checkBuyingPower } from './checks/checkBuyingPower.js'
import { checkContractsPerOrder } from './checks/checkContractsPerOrder.js'
import { checkExpiry } from './checks/checkExpiry.js'
import { checkGreekCaps } from './checks/checkGreekCaps.js'
import { checkMaxLoss } from './checks/checkMaxLoss.js'
import { checkNotionalPerOrder } from './checks/checkNotionalPerOrder.js'
import { checkPositionCounts } from './checks/checkPositionCounts.js'
import { checkRateLimit } from './checks/checkRateLimit.js'
import { checkReducing } from './checks/checkReducing.js'
import { checkRiskState } from './checks/checkRiskState.js'
import { validateIntent } from './checks/validateIntent.js'
import type { RiskCheck, RiskContext } from './riskContext.js'
import type { RiskRejection } from './riskRejection.js'

/** Checks every order passes, in order: shape, mode, state; exits then only need to prove they reduce. */
const COMMON: readonly RiskCheck[] = [validateIntent, checkRiskState]

/** Checks only entries pass, cheapest first. */
export const ENTRY_CHECKS: readonly RiskCheck[] = [
  checkContractsPerOrder,
  checkExpiry,
  checkRateLimit,
  checkNotionalPerOrder,
  checkMaxLoss,
  checkPositionCounts,
  checkBuyingPower,
  checkGreekCaps,
]

/**
 * Runs the pre-trade checks for an order and returns the first rejection. Entries run every check; exits run
 * the shape and mode checks and `checkReducing` (exits skip limits meant to stop opening risk). Extra checks
 * run after the built-in ones, for entries only.
 *
 * @param ctx - Check context.
 * @param extraChecks - User checks for entries. @default []
 * @returns The first rejection, or `undefined` when every check passes.
 * @example
 * ```ts
 * const rejection = runRiskChecks(ctx)
 * if (rejection) log.warn('rejected', { code: rejection.code })
 * ```
 */
export function runRiskChecks(ctx: RiskContext, extraChecks: readonly RiskCheck[] = []): RiskRejection | undefined {
  const checks = ctx.purpose === 'exit' ? [...COMMON, checkReducing] : [...COMMON, ...ENTRY_CHECKS, ...extraChecks]
  for (const check of checks) {
    const rejection = check(ctx)
    if (rejection !== undefined) return rejection
  }
  return undefined
}
