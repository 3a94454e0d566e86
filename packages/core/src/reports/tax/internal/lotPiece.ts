import { Decimal } from 'decimal.js'
import type { Instrument } from '../../../instruments/instrument.js'

const ZERO = new Decimal(0)

/**
 * A tax lot, or a part of one split off by a wash-sale adjustment. Every lot exists from the start of the run
 * (the timeline knows all opening fills up front), so a loss sale can find replacements bought up to 30 days
 * later; `seq` says when in the timeline the lot opens.
 */
export interface LotPiece {
  lotId: string
  readonly openFillId: string
  readonly instrumentId: string
  readonly instrument: Instrument
  readonly multiplier: number
  readonly direction: 'long' | 'short'
  /** Timeline position of the opening fill. */
  readonly seq: number
  readonly openedDate: string
  holdingStartDate: string
  /** Units not yet disposed of. */
  quantity: number
  /** Long: cost per unit with commission. Short: premium per unit net of commission. Reset by a year-end mark. */
  openValuePerUnit: Decimal
  /** Wash-sale loss per unit carried into this piece, added to cost at disposal. */
  adjustmentPerUnit: Decimal
  /** Whether this piece already absorbed a disallowed loss (a unit replaces at most one loss unit). */
  washReplacement: boolean
  readonly section1256: boolean
}

/** Creates the piece for an opening fill (or the opening part of a flipping fill). */
export function newPiece(
  fields: Omit<LotPiece, 'lotId' | 'holdingStartDate' | 'adjustmentPerUnit' | 'washReplacement'>,
): LotPiece {
  return {
    ...fields,
    lotId: fields.openFillId,
    holdingStartDate: fields.openedDate,
    adjustmentPerUnit: ZERO,
    washReplacement: false,
  }
}
