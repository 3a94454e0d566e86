import { Decimal } from 'decimal.js'
import type { TaxDisposal } from './taxDisposal.js'
import { TaxTerm } from './taxTerm.js'

/** One Section 1256 contract's net result for the year (realised closes plus year-end marks). */
export interface Form6781Contract {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Contract description without quantity (`SPXW 2025-03-21 5800 Call`). */
  readonly description: string
  /** Net gain (positive) or loss (negative) for the year. */
  readonly gainOrLoss: Decimal
}

/** Form 6781 Part I figures for one year. */
export interface Form6781Summary {
  /** Calendar year. */
  readonly taxYear: number
  /** Per contract, ordered by instrument id. */
  readonly contracts: readonly Form6781Contract[]
  /** Net Section 1256 gain or loss (Part I line 7 before any carryback election). */
  readonly totalGainOrLoss: Decimal
  /** 40 % of the total: short-term (line 8). */
  readonly shortTermPortion: Decimal
  /** 60 % of the total: long-term (line 9); `total − shortTermPortion`, so the two add up exactly. */
  readonly longTermPortion: Decimal
}

/**
 * Form 6781 Part I for one year: Section 1256 results per contract (closed positions and positions marked to
 * market on 31 December), their net, and the 60/40 split that applies whatever the holding period.
 *
 * @param disposals - Disposals from {@link computeTaxReport} (any years; non-1256 rows are ignored).
 * @param taxYear - Calendar year.
 * @returns The summary; all zeros when there are no Section 1256 disposals that year.
 * @example
 * ```ts
 * const part1 = form6781Summary(report.disposals, 2025)
 * part1.longTermPortion.toFixed(2)
 * ```
 */
export function form6781Summary(disposals: readonly TaxDisposal[], taxYear: number): Form6781Summary {
  const byContract = new Map<string, { description: string; gain: Decimal }>()
  for (const disposal of disposals) {
    if (disposal.taxYear !== taxYear || disposal.term !== TaxTerm.Section1256) continue
    const entry = byContract.get(disposal.instrumentId) ?? {
      description: disposal.description.replace(/^\S+ /, ''),
      gain: new Decimal(0),
    }
    entry.gain = entry.gain.plus(disposal.gainOrLoss)
    byContract.set(disposal.instrumentId, entry)
  }
  const contracts = [...byContract]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrumentId, { description, gain }]) => ({ instrumentId, description, gainOrLoss: gain }))
  const total = contracts.reduce((sum, contract) => sum.plus(contract.gainOrLoss), new Decimal(0))
  const shortTerm = total.times('0.4')
  return {
    taxYear,
    contracts,
    totalGainOrLoss: total,
    shortTermPortion: shortTerm,
    longTermPortion: total.minus(shortTerm),
  }
}
