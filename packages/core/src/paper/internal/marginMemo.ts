import { Decimal } from 'decimal.js'
import type { Position } from '../../trading/types.js'
import type { MarginResult, MarginRules, PriceLookup } from '../marginRequirement.js'
import { groupRequirement, type MarginGroup, marginGroups, stressBase, withShortStock } from './marginGroups.js'

/**
 * Whether `priceOf(id)` is surely either `undefined` or below `level` (`false` when unsure); lets the memo skip
 * working out an underlying's price that cannot move a stress base off the highest strike. Given only with a
 * `priceOf` whose prices are finite (as the paper book's marks are), so that no price can make a requirement NaN.
 */
export type PriceUnder = (instrumentId: string, level: number) => boolean

/** {@link marginRequirement} for one account, remembering what its positions alone determine. */
export type MarginMemo = (positions: readonly Position[], priceOf: PriceLookup, priceUnder?: PriceUnder) => MarginResult

interface GroupEntry {
  readonly group: MarginGroup
  /** The highest strike as a number when it is positive (then it is the base of any lower or unknown price). */
  readonly level: number | undefined
  /** Whether every leg is a put. */
  readonly putsOnly: boolean
  /** Significant digits of the highest strike. */
  readonly strikeDigits: number
  /** Whether `base` equals the highest strike. */
  atStrike?: boolean
  /** The underlying's price at the last valuation (Decimals are immutable: the same object is the same price). */
  spot?: Decimal | undefined
  base?: Decimal
  requirement?: Decimal
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Equal value and equal sign (a Decimal can be −0). */
function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.eq(b) && a.isNegative() === b.isNegative()
}

/**
 * Creates a memo of {@link marginRequirement} with fixed rules, for an account marked every second. Its answers
 * equal `marginRequirement(positions, priceOf, rules)` exactly: the option groups and their payoff at zero and
 * the strikes are kept while the positions are the same objects (positions are immutable values, replaced on
 * every change), and each group's stressed value is kept while its stress base (the highest strike, or the
 * underlying's price above it) is unchanged, which it is whenever the underlying trades below the highest strike.
 * A frozen positions array seen last time is known to hold the same positions without comparing them; the sum is
 * kept too while no group changed and no short stock (valued at each call's price) is held. With `priceUnder`,
 * a group whose base is its (positive) highest strike keeps it without pricing the underlying while the price is
 * surely below that strike, and a group of puts only keeps its requirement without pricing the underlying at all.
 *
 * @param rules - Stress and short-stock settings.
 * @returns The memoised requirement.
 * @example
 * ```ts
 * const margin = createMarginMemo(rules)
 * const { requirement } = margin(positions, book.markOf)
 * ```
 */
export function createMarginMemo(rules: MarginRules): MarginMemo {
  let seen: readonly Position[] | undefined
  let held: readonly Position[] = []
  let entries: GroupEntry[] = []
  let nakedShortContracts = 0
  let shortStock = false
  let sum: Decimal | undefined
  // A group of puts only owes the same at every finite base: the base is at least the highest strike, so the
  // stressed price (base × (1 + fraction), fraction ≥ 0, rounded no lower than that strike while the strike fits in
  // the Decimal precision) finds every put worth zero, and zero is also the value at the highest strike, one of the
  // fixed points, which Decimal.min keeps on a tie. Its requirement is worked out once.
  const stressUp = rules.nakedCallStressFraction >= 0
  return (positions, priceOf, priceUnder) => {
    if (positions !== seen || !Object.isFrozen(positions)) {
      if (!sameElements(positions, held)) {
        entries = marginGroups(positions).map((group) => ({
          group,
          level: group.highestStrike.gt(0) ? group.highestStrike.toNumber() : undefined,
          putsOnly: group.legs.every((leg) => leg.instrument.kind === 'option' && leg.instrument.right === 'put'),
          strikeDigits: group.highestStrike.sd(),
        }))
        held = [...positions]
        nakedShortContracts = entries.reduce((total, entry) => total + entry.group.nakedShortContracts, 0)
        shortStock = positions.some((p) => p.instrument.kind === 'equity' && p.side === 'short')
        sum = undefined
      }
      seen = positions
    }
    let changed = sum === undefined
    for (const entry of entries) {
      if (entry.requirement !== undefined && priceUnder !== undefined) {
        if (entry.putsOnly && stressUp && entry.base?.isFinite() && entry.strikeDigits <= Decimal.precision) continue
        // Below (or without) a price, the base of a positive highest strike is that strike: nothing to value.
        const { level } = entry
        if (entry.atStrike && level !== undefined && priceUnder(entry.group.underlyingId, level)) continue
      }
      const spot = priceOf(entry.group.underlyingId)
      // The base is a function of the group and the spot's value: the same spot object cannot move it.
      if (entry.requirement !== undefined && entry.spot === spot) continue
      const base = stressBase(entry.group, spot)
      entry.spot = spot
      if (entry.base === undefined || entry.requirement === undefined || !sameDecimal(entry.base, base)) {
        entry.requirement = groupRequirement(entry.group, base, rules)
        entry.base = base
        entry.atStrike = sameDecimal(base, entry.group.highestStrike)
        changed = true
      }
    }
    if (changed || sum === undefined) {
      let requirement = new Decimal(0)
      for (const entry of entries)
        if (entry.requirement !== undefined) requirement = requirement.plus(entry.requirement)
      sum = requirement
    }
    const requirement = shortStock ? withShortStock(sum, positions, priceOf, rules) : sum
    return { requirement, nakedShortContracts }
  }
}
