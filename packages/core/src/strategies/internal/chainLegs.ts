import type { OptionContract, OptionRight } from '../../instruments/instrument.js'
import type { ChainSnapshot } from '../../streams/chain/chainTypes.js'
import { type QuoteFilter, type UsableLeg, usableLeg } from './usableLeg.js'

/**
 * The usable contracts of one right in the chain window, ascending strike.
 *
 * @param chain - The chain snapshot.
 * @param right - Calls or puts.
 * @param filter - Quote freshness and width limits.
 * @returns Legs with live two-sided quotes.
 * @example
 * ```ts
 * const calls = legsOf(chain, 'call', filter)
 * ```
 */
export function legsOf(chain: ChainSnapshot, right: OptionRight, filter: QuoteFilter): UsableLeg[] {
  const out: UsableLeg[] = []
  for (const row of chain.rows) {
    const leg = usableLeg(right === 'call' ? row.call : row.put, filter)
    if (leg) out.push(leg)
  }
  return out.sort((a, b) => a.contract.strike - b.contract.strike)
}

/**
 * Whether two contracts can be legs of one combo: same underlying, root (settlement style), expiry and multiplier.
 *
 * @param a - A contract.
 * @param b - Another contract.
 * @returns `true` when they belong to one series family.
 * @example
 * ```ts
 * sameSeries(call600, call602) // true
 * ```
 */
export function sameSeries(a: OptionContract, b: OptionContract): boolean {
  return a.underlying === b.underlying && a.root === b.root && a.expiry === b.expiry && a.multiplier === b.multiplier
}

/**
 * The leg whose |delta| is nearest `targetAbsDelta`, provided the miss is within `tolerance` (a target outside
 * the window must not silently become a much riskier strike). Legs without greeks are skipped; ties go to the
 * first leg in the order given.
 *
 * @param legs - Candidate legs.
 * @param targetAbsDelta - Wanted |delta|, in (0, 1).
 * @param tolerance - Largest accepted | |delta| − target |.
 * @returns The leg, or `undefined`.
 * @example
 * ```ts
 * const shortPut = nearestByDelta(putsBelowSpot, 0.16, 0.05)
 * ```
 */
export function nearestByDelta(
  legs: readonly UsableLeg[],
  targetAbsDelta: number,
  tolerance: number,
): UsableLeg | undefined {
  let best: UsableLeg | undefined
  let bestMiss = Number.POSITIVE_INFINITY
  for (const leg of legs) {
    const delta = leg.quote.greeks?.delta
    if (delta === undefined || !Number.isFinite(delta)) continue
    const miss = Math.abs(Math.abs(delta) - targetAbsDelta)
    if (miss < bestMiss) {
      best = leg
      bestMiss = miss
    }
  }
  return bestMiss <= tolerance + 1e-12 ? best : undefined
}

/**
 * The leg of the same series strictly beyond `anchor` (above for `direction` 1, below for −1) whose distance from
 * it is nearest `distance`; ties go to the narrower one. Strike grids differ (SPY 1, SPX 5), so the width asked
 * for is matched as closely as the listed strikes allow.
 *
 * @param legs - Candidate legs of one right.
 * @param anchor - The leg the distance is measured from.
 * @param distance - Wanted distance in strike points, positive.
 * @param direction - 1 for a higher strike, −1 for a lower one.
 * @returns The leg, or `undefined` when none lies beyond the anchor.
 * @example
 * ```ts
 * const shortCall = legAtDistance(calls, longCall, 2, 1)
 * ```
 */
export function legAtDistance(
  legs: readonly UsableLeg[],
  anchor: UsableLeg,
  distance: number,
  direction: 1 | -1,
): UsableLeg | undefined {
  let best: UsableLeg | undefined
  let bestMiss = Number.POSITIVE_INFINITY
  let bestWidth = Number.POSITIVE_INFINITY
  for (const leg of legs) {
    const width = (leg.contract.strike - anchor.contract.strike) * direction
    if (!(width > 0) || !sameSeries(leg.contract, anchor.contract)) continue
    const miss = Math.abs(width - distance)
    if (miss < bestMiss || (miss === bestMiss && width < bestWidth)) {
      best = leg
      bestMiss = miss
      bestWidth = width
    }
  }
  return best
}

/**
 * The leg at `strike` (to a thousandth of a point, the finest strike increment), if usable.
 *
 * @param legs - Candidate legs.
 * @param strike - Strike price.
 * @returns The leg, or `undefined`.
 * @example
 * ```ts
 * legAtStrike(calls, 600)
 * ```
 */
export function legAtStrike(legs: readonly UsableLeg[], strike: number): UsableLeg | undefined {
  return legs.find((leg) => Math.abs(leg.contract.strike - strike) < 5e-4)
}
