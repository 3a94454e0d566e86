import type { Decimal } from 'decimal.js'
import type { TaxTerm } from './taxTerm.js'

/** What ended (or, for Section 1256 at year end, was deemed to end) a lot. */
export const DisposalKind = {
  /** A closing fill: a sale of a long lot or a closing purchase of a short one. */
  Sale: 'sale',
  /** The option expired still held: treated as sold (long) or bought back (short) at the settlement value, 0 by default. */
  Expiration: 'expiration',
  /** A Section 1256 position open at year end, treated as sold at its year-end fair market value. */
  MarkToMarket: 'mark_to_market',
} as const
/** One of {@link DisposalKind}. */
export type DisposalKind = (typeof DisposalKind)[keyof typeof DisposalKind]

/**
 * One realised lot (or part of a lot): a row of Form 8949, or a Section 1256 item for Form 6781. Money in
 * dollars, commissions included (added to cost basis when paid to buy, deducted from proceeds when paid to sell).
 */
export interface TaxDisposal {
  /** Sequential id within the report (`D1`, `D2`, …). */
  readonly disposalId: string
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Form 8949 column (a): quantity and instrument (`1 SPY 2025-06-20 500 Call`, `10 sh. SPY`). */
  readonly description: string
  /** Units disposed. */
  readonly quantity: number
  /** Long lot (bought, then sold) or short lot (sold to open, then bought back). */
  readonly direction: 'long' | 'short'
  /** Why the lot ended. */
  readonly kind: DisposalKind
  /** Lot id (the opening fill id, with `.n` for parts split off by a wash-sale adjustment). */
  readonly lotId: string
  /** Fill that opened the lot. */
  readonly openFillId: string
  /** Fill that closed it, or `null` for expirations and year-end marks. */
  readonly closeFillId: string | null
  /** Trade date the lot was opened, `YYYY-MM-DD` (New York). */
  readonly openedDate: string
  /** Trade date it was closed (expiry date, or `YYYY-12-31` for a year-end mark). */
  readonly closedDate: string
  /** Start of the holding period: the opened date, moved earlier by a wash sale's tacked holding period. */
  readonly holdingPeriodStartDate: string
  /**
   * Form 8949 column (b). Long: the opened date. Short: the closing purchase date, as the IRS instructions ask
   * for written options and short sales.
   */
  readonly dateAcquired: string
  /** Form 8949 column (c). Long: the closed date. Short: the opening sale date. */
  readonly dateSold: string
  /** Column (d): long, what the close brought net of its commission; short, the opening premium net of commission. */
  readonly proceeds: Decimal
  /** Column (e): long, purchase cost with commission plus carried wash-sale adjustments; short, closing cost likewise. */
  readonly costBasis: Decimal
  /** Column (g) with code W: the loss disallowed by the wash-sale rule, ≥ 0. */
  readonly washSaleDisallowed: Decimal
  /** Column (h): proceeds − cost basis + disallowed loss. */
  readonly gainOrLoss: Decimal
  /** Short-term, long-term, or Section 1256. */
  readonly term: TaxTerm
  /** Calendar year of the closed date, the year it is reported in. */
  readonly taxYear: number
}

/** A lot still open when the report ends. */
export interface OpenTaxLot {
  /** Lot id. */
  readonly lotId: string
  /** Fill that opened it. */
  readonly openFillId: string
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Long or short. */
  readonly direction: 'long' | 'short'
  /** Units open. */
  readonly quantity: number
  /** Trade date opened. */
  readonly openedDate: string
  /** Holding-period start, earlier than `openedDate` after a wash sale. */
  readonly holdingPeriodStartDate: string
  /**
   * Long: cost basis of the open units (commission and carried wash-sale loss included; the year-end mark for
   * Section 1256 lots already marked to market). Short: premium received net of commission; a carried wash-sale
   * loss is added to the closing cost when the lot is bought back.
   */
  readonly basis: Decimal
  /** Wash-sale loss carried into this lot, ≥ 0. */
  readonly washSaleAdjustment: Decimal
  /** Whether it is a Section 1256 contract. */
  readonly section1256: boolean
}
