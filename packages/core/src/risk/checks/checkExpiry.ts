import { nyDate, nyTimeToMs } from '../../calendar/newYorkTime.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries in contracts that have expired, and entries in contracts expiring today (0DTE) at or after
 * `zeroDteEntryCutoff` New York time. Exits never reach this check.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkExpiry(ctxAt('15:31')) // { code: 'zero_dte_cutoff', ... }
 * ```
 */
export const checkExpiry: RiskCheck = (ctx) => {
  const today = nyDate(ctx.nowMs)
  const cutoffMs = nyTimeToMs(today, ctx.limits.zeroDteEntryCutoff)
  for (const leg of ctx.intent.legs) {
    const instrument = leg.instrument
    if (instrument.kind !== 'option') continue
    if (instrument.expiry < today) {
      return {
        code: 'expired_instrument',
        message: `${instrumentId(instrument)} expired on ${instrument.expiry}`,
      }
    }
    if (instrument.expiry === today && ctx.nowMs >= cutoffMs) {
      return {
        code: 'zero_dte_cutoff',
        message: `no new 0DTE entries after ${ctx.limits.zeroDteEntryCutoff} New York time (${instrumentId(instrument)})`,
        limit: ctx.limits.zeroDteEntryCutoff,
        actual: new Date(ctx.nowMs).toISOString(),
      }
    }
  }
  return undefined
}
