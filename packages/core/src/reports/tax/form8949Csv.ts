import type { Decimal } from 'decimal.js'
import { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'
import { csvField } from '../internal/csvField.js'
import { DisposalKind, type TaxDisposal } from './taxDisposal.js'
import { TaxTerm } from './taxTerm.js'

/** Which Form 8949 check box the rows belong to, by what the broker's 1099-B says. */
export const BasisReporting = {
  /** Basis reported to the IRS on Form 1099-B: box A (short-term) / D (long-term). Options since 2014 are covered. */
  Reported: 'reported',
  /** Form 1099-B received, basis not reported to the IRS: box B / E. */
  NotReported: 'not_reported',
  /** No Form 1099-B (a foreign broker, for example): box C / F. */
  No1099B: 'no_1099b',
} as const
/** One of {@link BasisReporting}. */
export type BasisReporting = (typeof BasisReporting)[keyof typeof BasisReporting]

/** Options of {@link form8949Csv}. */
export interface Form8949Options {
  /** Calendar year whose disposals are exported. */
  readonly taxYear: number
  /** Box selection. @default 'reported' */
  readonly basisReporting?: BasisReporting
}

const optionsSchema = z.object({
  taxYear: z.number().int().min(2000).max(2100),
  basisReporting: z.enum(['reported', 'not_reported', 'no_1099b']).default('reported'),
})

const BOXES: Record<BasisReporting, { short: string; long: string }> = {
  reported: { short: 'A', long: 'D' },
  not_reported: { short: 'B', long: 'E' },
  no_1099b: { short: 'C', long: 'F' },
}

/** Header row of {@link form8949Csv}. */
export const FORM_8949_HEADER = [
  'Description',
  'Date Acquired',
  'Date Sold',
  'Proceeds',
  'Cost Basis',
  'Adjustment Code',
  'Adjustment Amount',
  'Gain or Loss',
  'Box/Term',
] as const

function usDate(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`
}

function money(value: Decimal): string {
  return value.toFixed(2)
}

/**
 * A Form 8949-style CSV of one year's disposals: one row per disposal, short-term rows first, then long-term,
 * each by date sold. Section 1256 contracts are left out (they go on Form 6781, see {@link form6781Summary}).
 * Dates are MM/DD/YYYY; money has two decimals (half-up). A wash sale shows code `W` and the disallowed loss as
 * a positive adjustment, so gain or loss = proceeds − cost basis + adjustment. An expired option keeps 0.00 in
 * the proceeds (long) or cost (short) column and says "expired" in the description, where the paper form has
 * the word EXPIRED. Lines end with CRLF (RFC 4180).
 *
 * @param disposals - Disposals from {@link computeTaxReport} (any years).
 * @param options - Tax year and box selection.
 * @returns The CSV text, header included.
 * @throws {ConfigError} When the options are invalid.
 * @example
 * ```ts
 * writeFileSync('8949-2025.csv', form8949Csv(report.disposals, { taxYear: 2025 }))
 * ```
 */
export function form8949Csv(disposals: readonly TaxDisposal[], options: Form8949Options): string {
  const { taxYear, basisReporting } = parseConfig(optionsSchema, options, 'Form 8949 export options')
  const boxes = BOXES[basisReporting]
  const rows = disposals
    .filter((d) => d.taxYear === taxYear && d.term !== TaxTerm.Section1256)
    .map((d, position) => ({ d, position }))
    .sort(
      (a, b) =>
        Number(a.d.term === TaxTerm.LongTerm) - Number(b.d.term === TaxTerm.LongTerm) ||
        (a.d.closedDate < b.d.closedDate ? -1 : a.d.closedDate > b.d.closedDate ? 1 : 0) ||
        a.position - b.position,
    )
    .map(({ d }) => {
      const long = d.term === TaxTerm.LongTerm
      const wash = !d.washSaleDisallowed.isZero()
      const description = d.kind === DisposalKind.Expiration ? `${d.description} (expired)` : d.description
      return [
        description,
        usDate(d.dateAcquired),
        usDate(d.dateSold),
        money(d.proceeds),
        money(d.costBasis),
        wash ? 'W' : '',
        wash ? money(d.washSaleDisallowed) : '',
        money(d.gainOrLoss),
        long ? `${boxes.long} (long-term)` : `${boxes.short} (short-term)`,
      ]
    })
  return [FORM_8949_HEADER, ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n')
}
