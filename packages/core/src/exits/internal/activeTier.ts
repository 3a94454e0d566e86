import { nyDate, nyTimeToMs } from '../../calendar/newYorkTime.js'
import type { ExitRules } from '../exitRules.js'

// The tiers' wall times of the date last asked about, per rules object: every open trade asks every second.
const tierTimes = new WeakMap<ExitRules, { readonly date: string; readonly times: Map<string, number> }>()

/** A tier bound (`HH:mm`) on a New York date, as an instant. */
function tierTime(rules: ExitRules, date: string, hhmm: string): number {
  let memo = tierTimes.get(rules)
  if (memo === undefined || memo.date !== date) {
    memo = { date, times: new Map() }
    tierTimes.set(rules, memo)
  }
  let ms = memo.times.get(hhmm)
  if (ms === undefined) {
    ms = nyTimeToMs(date, hhmm)
    memo.times.set(hhmm, ms)
  }
  return ms
}

/**
 * The take-profit tier in force at an instant, by New York time of day: the first tier whose [`from`, `until`)
 * holds it.
 *
 * @param rules - Exit rules.
 * @param nowMs - The instant.
 * @returns The tier's index in `rules.takeProfit`, or `undefined` when none is in force.
 * @example
 * ```ts
 * activeTier(parseExitRules(), nyTimeToMs('2025-11-21', '12:30')) // 1 with the default tiers
 * ```
 */
export function activeTier(rules: ExitRules, nowMs: number): number | undefined {
  const date = nyDate(nowMs)
  const index = rules.takeProfit.findIndex(
    (tier) =>
      (tier.from === undefined || nowMs >= tierTime(rules, date, tier.from)) &&
      (tier.until === undefined || nowMs < tierTime(rules, date, tier.until)),
  )
  return index < 0 ? undefined : index
}
