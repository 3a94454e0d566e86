import { Decimal } from 'decimal.js'
import type { Position } from '../../trading/types.js'
import type { MarginResult, MarginRules, PriceLookup } from '../marginRequirement.js'
import { groupRequirement, type MarginGroup, marginGroups, stressBase, withShortStock } from './marginGroups.js'

/** {@link marginRequirement} for one account, remembering what its positions alone determine. */
export type MarginMemo = (positions: readonly Position[], priceOf: PriceLookup) => MarginResult

interface GroupEntry {
  readonly group: MarginGroup
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
  let held: readonly Position[] = []
  let entries: GroupEntry[] = []
  return (positions, priceOf) => {
    if (!sameElements(positions, held)) {
      entries = marginGroups(positions).map((group) => ({ group }))
      held = [...positions]
    }
    let requirement = new Decimal(0)
    let nakedShortContracts = 0
    for (const entry of entries) {
      const base = stressBase(entry.group, priceOf(entry.group.underlyingId))
      if (entry.base === undefined || entry.requirement === undefined || !sameDecimal(entry.base, base)) {
        entry.requirement = groupRequirement(entry.group, base, rules)
        entry.base = base
      }
      requirement = requirement.plus(entry.requirement)
      nakedShortContracts += entry.group.nakedShortContracts
    }
    return { requirement: withShortStock(requirement, positions, priceOf, rules), nakedShortContracts }
  }
}
