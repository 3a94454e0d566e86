import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries unless the risk state is active. Exits always pass: closing risk is allowed while reducing and
 * while halted (a halt that also blocked exits would leave positions open into expiration).
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkRiskState({ ...ctx, status: 'halted', purpose: 'entry' }) // { code: 'halted', ... }
 * ```
 */
export const checkRiskState: RiskCheck = (ctx) => {
  if (ctx.purpose === 'exit' || ctx.status === 'active') return undefined
  if (ctx.status === 'halted') return { code: 'halted', message: 'trading is halted: exits only, no new risk' }
  return { code: 'reducing_only', message: 'risk state is reducing: exits only' }
}
