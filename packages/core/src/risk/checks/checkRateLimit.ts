import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses an entry when `maxOrdersPerWindow` entries were already accepted in the rolling window
 * (`nowMs − rateWindowMs`, `nowMs`]. A runaway strategy loop stops here instead of at the broker.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkRateLimit({ ...ctx, recentEntriesMs: Array(10).fill(ctx.nowMs) }) // { code: 'rate_limit', ... }
 * ```
 */
export const checkRateLimit: RiskCheck = (ctx) => {
  const since = ctx.nowMs - ctx.limits.rateWindowMs
  const count = ctx.recentEntriesMs.filter((ms) => ms > since && ms <= ctx.nowMs).length
  if (count < ctx.limits.maxOrdersPerWindow) return undefined
  return {
    code: 'rate_limit',
    message: `${count} entries in the last ${ctx.limits.rateWindowMs} ms, limit ${ctx.limits.maxOrdersPerWindow}`,
    limit: String(ctx.limits.maxOrdersPerWindow),
    actual: String(count + 1),
  }
}
