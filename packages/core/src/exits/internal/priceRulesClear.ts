import type { OpenTrade } from '../../oms/openTrades.js'
import { decimalNumber } from '../../orders/internal/decimalNumber.js'
import type { ExitRules } from '../exitRules.js'
import { activeTier } from './activeTier.js'

/**
 * Margin, relative to the size of the numbers involved, by which a profit fraction estimated in floating point
 * must clear a rule's threshold. The estimate and the exact Decimal value differ by a few units in the 16th
 * significant digit of those numbers (marks' shortest decimal forms, sums, the division, `toNumber`), so 1e-9
 * leaves a margin of about a million times that.
 */
const RELATIVE_MARGIN = 1e-9

// The exit manager asks for every open trade at the same instant, with rules of its own that nobody else holds:
// the last answer per rules object is kept.
const lastTiers = new WeakMap<ExitRules, { readonly nowMs: number; readonly index: number | undefined }>()

function tierAt(rules: ExitRules, nowMs: number): number | undefined {
  const last = lastTiers.get(rules)
  if (last?.nowMs === nowMs) return last.index
  const index = activeTier(rules, nowMs)
  lastTiers.set(rules, { nowMs, index })
  return index
}

/**
 * Whether neither the stop-loss nor the take-profit tier in force can fire for a trade at these marks, so that
 * `decideExit` past its time exit returns `undefined` whatever the exact valuation is: a leg without a mark or a
 * zero entry price (no valuation), or a profit fraction estimated in floating point that stays clear of every
 * threshold that applies by {@link RELATIVE_MARGIN}. `false` means unsure: the exact Decimal valuation decides.
 * This spares the Decimal valuation of every open trade on every evaluation while nothing is near a threshold.
 *
 * @param trade - The trade.
 * @param marks - Mark of each leg, in leg order (as `marketView.mark` returns them).
 * @param rules - Exit rules, never changed (the tier found last per rules object and instant is kept).
 * @param nowMs - Current time (selects the take-profit tier).
 * @param triggeredTiers - Take-profit tiers already used by this trade.
 * @returns `true` when no price rule can fire.
 * @example
 * ```ts
 * const value = priceRulesClear(trade, marks, rules, nowMs, triggered) ? undefined : valueTrade(trade, marketView)
 * ```
 */
export function priceRulesClear(
  trade: Pick<OpenTrade, 'legs' | 'entryNetPrice'>,
  marks: readonly (number | undefined)[],
  rules: ExitRules,
  nowMs: number,
  triggeredTiers: ReadonlySet<number>,
): boolean {
  const entry = trade.entryNetPrice
  let net = 0
  let size = 0
  for (let i = 0; i < trade.legs.length; i++) {
    const leg = trade.legs[i]
    const mark = marks[i]
    if (leg === undefined || mark === undefined) return true
    if (!Number.isFinite(mark)) return false
    const term = leg.ratio * (leg.side === 'buy' ? 1 : -1) * mark
    net += term
    size += Math.abs(term)
  }
  if (entry.isZero()) return true
  const entryValue = decimalNumber(entry)
  const scale = Math.abs(entryValue)
  const fraction = (net - entryValue) / scale
  const margin = (RELATIVE_MARGIN * (size + scale)) / scale
  if (!Number.isFinite(fraction) || !Number.isFinite(margin)) return false
  if (rules.stopLoss !== null) {
    const limit = entry.isNegative() ? rules.stopLoss.credit : rules.stopLoss.debit
    if (!(fraction - margin > -limit)) return false
  }
  const tierIndex = tierAt(rules, nowMs)
  const tier = tierIndex === undefined ? undefined : rules.takeProfit[tierIndex]
  if (tier === undefined || tierIndex === undefined || triggeredTiers.has(tierIndex)) return true
  return fraction + margin < tier.profitFraction
}
