import { Decimal } from 'decimal.js'
import { daysBetween, shiftDays } from '../../internal/civilDays.js'
import type { SubstantiallyIdentical } from '../substantiallyIdentical.js'
import type { LotPiece } from './lotPiece.js'
import type { LotStore } from './lotStore.js'

/** The window of the wash-sale rule: 30 calendar days before and after the sale date, both ends included. */
const WINDOW_DAYS = 30

/** A loss unit sold, to be matched against replacement purchases. */
export interface LossSale {
  /** The piece the loss came from (already reduced by the sale). */
  readonly sold: LotPiece
  /** Units sold at a loss. */
  readonly quantity: number
  /** Loss per unit sold, positive. */
  readonly lossPerUnit: Decimal
  /** Trade date of the sale. */
  readonly saleDate: string
}

/**
 * Applies the wash-sale rule to one loss: finds replacement lots (same direction, substantially identical, not
 * Section 1256, not part of the lot sold, opened within 30 days before or after the sale, not already a
 * replacement, and, if opened before the sale, still held after it), earliest first, and moves the disallowed
 * loss and the sold lot's holding period into them, splitting a replacement lot when only part of it is needed.
 * Quantities are matched in multiplier-weighted units. Returns the disallowed amount.
 */
export function applyWashSale(loss: LossSale, store: LotStore, identical: SubstantiallyIdentical): Decimal {
  const { sold } = loss
  const heldDays = daysBetween(sold.holdingStartDate, loss.saleDate)
  const soldSide = { instrumentId: sold.instrumentId, instrument: sold.instrument }
  let needUnits = loss.quantity * sold.multiplier
  let disallowed = new Decimal(0)
  const window = store.openedBetween(
    sold,
    shiftDays(loss.saleDate, -WINDOW_DAYS),
    shiftDays(loss.saleDate, WINDOW_DAYS),
  )
  const candidates = window.filter(
    (piece) =>
      piece.direction === sold.direction &&
      !piece.section1256 &&
      !piece.washReplacement &&
      piece.openFillId !== sold.openFillId &&
      piece.quantity > 0 &&
      identical(soldSide, { instrumentId: piece.instrumentId, instrument: piece.instrument }),
  )
  for (const candidate of candidates) {
    if (needUnits <= 0) break
    const takenUnits = Math.min(needUnits, candidate.quantity * candidate.multiplier)
    const replacement = store.split(candidate, takenUnits / candidate.multiplier)
    const amount = loss.lossPerUnit.times(takenUnits).dividedBy(sold.multiplier)
    replacement.adjustmentPerUnit = replacement.adjustmentPerUnit.plus(amount.dividedBy(replacement.quantity))
    replacement.holdingStartDate = shiftDays(replacement.openedDate, -heldDays)
    replacement.washReplacement = true
    disallowed = disallowed.plus(amount)
    needUnits -= takenUnits
  }
  return disallowed
}
