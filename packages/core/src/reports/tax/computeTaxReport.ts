import { Decimal } from 'decimal.js'
import type { Fill } from '../../trading/types.js'
import { oneYearLater } from '../internal/civilDays.js'
import { roundQuantity } from '../internal/quantity.js'
import { type InstrumentResolver, instrumentFromId } from '../portfolio/instrumentResolver.js'
import { ReportInputError } from '../reportInputError.js'
import { describeLot } from './internal/describeLot.js'
import type { LotPiece } from './internal/lotPiece.js'
import { LotStore } from './internal/lotStore.js'
import { buildTaxTimeline, type CloseEvent, type YearEndEvent } from './internal/taxTimeline.js'
import { applyWashSale } from './internal/washSale.js'
import { type SubstantiallyIdentical, sameContract } from './substantiallyIdentical.js'
import { DisposalKind, type OpenTaxLot, type TaxDisposal } from './taxDisposal.js'
import { TaxTerm } from './taxTerm.js'

const ZERO = new Decimal(0)
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A specific-identification instruction: take `quantity` units from the lot opened by `openFillId`. */
export interface LotPick {
  /** Fill that opened the lot. */
  readonly openFillId: string
  /** Units to take from it. */
  readonly quantity: number
}

/** Fair market values at year end for Section 1256 positions: a function, or `{ '2025': { [instrumentId]: price } }`. */
export type YearEndMarks =
  | ((instrumentId: string, year: number) => Decimal | undefined)
  | Readonly<Record<string, Readonly<Record<string, Decimal>>>>

/** Options of {@link computeTaxReport}. */
export interface TaxReportOptions {
  /**
   * Specific identification: for a closing fill id, which lots it closes. Closing fills not listed use FIFO
   * (oldest lot first, the IRS default when lots are not identified).
   */
  readonly specificLots?: Readonly<Record<string, readonly LotPick[]>>
  /** Which purchases replace a loss sale. @default sameContract */
  readonly substantiallyIdentical?: SubstantiallyIdentical
  /** Year-end prices for Section 1256 positions still open on 31 December; required when there are any. */
  readonly yearEndMarks?: YearEndMarks
  /**
   * Settlement value per unit of an option held through expiry. Unknown (the default) means worthless: the lot is
   * sold (long) or bought back (short) at 0 on the expiry date. Give the settlement for cash-settled index options
   * that expire in the money; physically settled ETF options that are exercised or assigned should be closed by
   * the broker's own fills instead.
   */
  readonly expirySettlement?: (instrumentId: string, expiry: string) => Decimal | undefined
  /** Last date covered, `YYYY-MM-DD`: expirations and year-end marks up to it are applied. @default the last fill's date */
  readonly asOfDate?: string
  /** Instrument id → instrument. @default instrumentFromId */
  readonly instrumentResolver?: InstrumentResolver
}

/** Realised lots and the lots left open. */
export interface TaxReport {
  /** Every disposal in timeline order, all years. Filter by `taxYear` for a return. */
  readonly disposals: readonly TaxDisposal[]
  /** Lots open after `asOfDate`. */
  readonly openLots: readonly OpenTaxLot[]
  /** Last date covered. */
  readonly asOfDate: string
}

function markFor(marks: YearEndMarks | undefined, instrumentId: string, year: number): Decimal | undefined {
  if (marks === undefined) return undefined
  if (typeof marks === 'function') return marks(instrumentId, year)
  return marks[String(year)]?.[instrumentId]
}

function termOf(piece: LotPiece, closedDate: string): TaxTerm {
  if (piece.section1256) return TaxTerm.Section1256
  // A short position's gain or loss is short-term however long it was open: the property that closes it (the
  // option bought back, the shares delivered) is acquired on the closing date (IRC §1233, §1234(b)).
  if (piece.direction === 'short') return TaxTerm.ShortTerm
  // Held "more than one year": the holding period starts the day after acquisition, so the sale must come after
  // the one-year anniversary of the (possibly tacked) start date.
  return closedDate > oneYearLater(piece.holdingStartDate) ? TaxTerm.LongTerm : TaxTerm.ShortTerm
}

/**
 * US tax lots from fills: FIFO or specific identification; wash sales (IRC §1091) with partial quantities, the
 * disallowed loss added to the replacement lot's basis and the sold lot's holding period tacked onto it;
 * Section 1256 contracts (broad-based index options) at 60/40 and marked to market every 31 December, outside
 * the wash-sale rule; options held through expiry disposed of at their settlement (0 by default) on the expiry
 * date; short positions (sale to open, purchase to close) always short-term. Lots are kept at account level
 * (strategies are not separate taxpayers). Trade dates are New York dates; the rule's 30 days are calendar days.
 *
 * Conventions: a lot bought within 30 days before the loss sale counts as a replacement only while still held
 * after the sale; units bought in the same fill as the units sold are never their replacement; replacements
 * are taken earliest first, each unit absorbing at most one loss unit; wash sales of short positions mirror
 * long ones (a loss on a buy-to-close is deferred into a new sale-to-open within the window). This is a
 * computation aid, not tax advice: check the results against your broker's Form 1099-B.
 *
 * @param fills - Executions of the whole account, any order, across years (December losses can wash into January).
 * @param options - Lot selection, wash-sale predicate, year-end marks, settlement values, horizon.
 * @returns Disposals and open lots.
 * @throws {ReportInputError} On malformed fills, paper and live fills mixed, impossible lot picks, a fill after its
 *   contract's expiry, or a missing year-end mark.
 * @example
 * ```ts
 * const report = computeTaxReport(fills, { asOfDate: '2025-12-31', yearEndMarks: { '2025': { [spxPut]: new Decimal('25') } } })
 * const csv = form8949Csv(report.disposals, { taxYear: 2025 })
 * ```
 */
export function computeTaxReport(fills: readonly Fill[], options: TaxReportOptions = {}): TaxReport {
  if (options.asOfDate !== undefined && !ISO_DATE.test(options.asOfDate)) {
    throw new ReportInputError('asOfDate', 'must be YYYY-MM-DD')
  }
  // Paper fills have no tax consequence; mixing them into a live account's lots would corrupt every basis.
  if (new Set(fills.map((fill) => fill.mode)).size > 1) {
    throw new ReportInputError('fills', 'mix paper and live fills; pass one account and one mode')
  }
  const resolve = options.instrumentResolver ?? instrumentFromId
  const identical = options.substantiallyIdentical ?? sameContract
  const timeline = buildTaxTimeline(fills, resolve, options.expirySettlement ?? (() => undefined), options.asOfDate)
  const bucket = identical.bucket
  const store = new LotStore(
    timeline.pieces,
    bucket === undefined
      ? undefined
      : (piece) => bucket({ instrumentId: piece.instrumentId, instrument: piece.instrument }),
  )
  const disposals: TaxDisposal[] = []
  const record = (fields: Omit<TaxDisposal, 'disposalId'>): void => {
    disposals.push({ disposalId: `D${disposals.length + 1}`, ...fields })
  }

  const close = (event: CloseEvent): void => {
    const taken = selectLots(event, store.ofInstrument(event.instrumentId), options.specificLots)
    for (const { piece, quantity } of taken) {
      const closeValue = event.price.times(piece.multiplier).times(quantity)
      const commission = event.commission.times(quantity).dividedBy(event.quantity)
      const openValue = piece.openValuePerUnit.times(quantity)
      const adjustment = piece.adjustmentPerUnit.times(quantity)
      const long = piece.direction === 'long'
      const proceeds = long ? closeValue.minus(commission) : openValue
      const costBasis = (long ? openValue : closeValue.plus(commission)).plus(adjustment)
      const gain = proceeds.minus(costBasis)
      const disallowed =
        gain.isNegative() && !piece.section1256
          ? applyWashSale(
              { sold: piece, quantity, lossPerUnit: gain.negated().dividedBy(quantity), saleDate: event.date },
              store,
              identical,
            )
          : ZERO
      record({
        ...lotFields(piece, quantity, event.date),
        kind: event.reason === 'expiration' ? DisposalKind.Expiration : DisposalKind.Sale,
        closeFillId: event.fillId,
        proceeds,
        costBasis,
        washSaleDisallowed: disallowed,
        gainOrLoss: gain.plus(disallowed),
      })
    }
  }

  const markYearEnd = (event: YearEndEvent): void => {
    for (const piece of store.pieces()) {
      if (!piece.section1256 || piece.quantity <= 0 || piece.seq > event.seq) continue
      const mark = markFor(options.yearEndMarks, piece.instrumentId, event.year)
      if (mark === undefined || !mark.isFinite() || mark.isNegative()) {
        throw new ReportInputError(
          `yearEndMarks.${event.year}.${piece.instrumentId}`,
          'a Section 1256 position is open at year end and needs its fair market value',
        )
      }
      const markValue = mark.times(piece.multiplier).times(piece.quantity)
      const openValue = piece.openValuePerUnit.times(piece.quantity)
      const long = piece.direction === 'long'
      const proceeds = long ? markValue : openValue
      const costBasis = long ? openValue : markValue
      record({
        ...lotFields(piece, piece.quantity, event.date),
        kind: DisposalKind.MarkToMarket,
        closeFillId: null,
        proceeds,
        costBasis,
        washSaleDisallowed: ZERO,
        gainOrLoss: proceeds.minus(costBasis),
      })
      // Deemed sold and re-acquired at the mark: next year's gain is measured from it (IRC §1256(a)(2)).
      piece.openValuePerUnit = mark.times(piece.multiplier)
    }
  }

  for (const event of timeline.events) {
    if (event.kind === 'close') close(event)
    else markYearEnd(event)
  }
  return { disposals, openLots: openLots(store.pieces()), asOfDate: timeline.asOfDate }
}

function lotFields(piece: LotPiece, quantity: number, closedDate: string) {
  const long = piece.direction === 'long'
  return {
    instrumentId: piece.instrumentId,
    description: describeLot(quantity, piece.instrument),
    quantity,
    direction: piece.direction,
    lotId: piece.lotId,
    openFillId: piece.openFillId,
    openedDate: piece.openedDate,
    closedDate,
    holdingPeriodStartDate: piece.holdingStartDate,
    dateAcquired: long ? piece.openedDate : closedDate,
    dateSold: long ? closedDate : piece.openedDate,
    term: termOf(piece, closedDate),
    taxYear: Number(closedDate.slice(0, 4)),
  }
}

function selectLots(
  event: CloseEvent,
  pieces: readonly LotPiece[],
  specificLots: TaxReportOptions['specificLots'],
): { piece: LotPiece; quantity: number }[] {
  const open = pieces.filter((piece) => piece.direction === event.closes && piece.seq < event.seq && piece.quantity > 0)
  const picks = event.fillId === null ? undefined : specificLots?.[event.fillId]
  const wanted: { openFillId: string | null; quantity: number }[] =
    picks === undefined ? [{ openFillId: null, quantity: event.quantity }] : picks.map((pick) => ({ ...pick }))
  const field = `specificLots.${event.fillId ?? ''}`
  if (picks !== undefined) {
    const total = picks.reduce((sum, pick) => sum + pick.quantity, 0)
    if (Math.abs(total - event.quantity) > 1e-9) {
      throw new ReportInputError(field, `picks ${total} units but the fill closes ${event.quantity}`)
    }
  }
  const taken: { piece: LotPiece; quantity: number }[] = []
  for (const want of wanted) {
    let remaining = want.quantity
    for (const piece of open) {
      if (remaining <= 1e-9) break
      if (want.openFillId !== null && piece.openFillId !== want.openFillId) continue
      const quantity = Math.min(remaining, piece.quantity)
      if (quantity <= 0) continue
      piece.quantity = roundQuantity(piece.quantity - quantity)
      remaining = roundQuantity(remaining - quantity)
      taken.push({ piece, quantity })
    }
    if (remaining > 1e-9) {
      throw new ReportInputError(
        field,
        `lot ${want.openFillId ?? '(FIFO)'} has ${want.quantity - remaining} open units, ${want.quantity} requested`,
      )
    }
  }
  return taken
}

function openLots(pieces: readonly LotPiece[]): OpenTaxLot[] {
  return pieces
    .filter((piece) => piece.quantity > 0)
    .map((piece) => ({
      lotId: piece.lotId,
      openFillId: piece.openFillId,
      instrumentId: piece.instrumentId,
      direction: piece.direction,
      quantity: piece.quantity,
      openedDate: piece.openedDate,
      holdingPeriodStartDate: piece.holdingStartDate,
      basis: piece.openValuePerUnit
        .plus(piece.direction === 'long' ? piece.adjustmentPerUnit : ZERO)
        .times(piece.quantity),
      washSaleAdjustment: piece.adjustmentPerUnit.times(piece.quantity),
      section1256: piece.section1256,
    }))
}
