import { roundQuantity } from '../../internal/quantity.js'
import type { LotPiece } from './lotPiece.js'

/**
 * Every lot piece of a run, in timeline order, indexed by instrument and by wash-sale bucket (see
 * `SubstantiallyIdentical.bucket`); opened dates never decrease along the order, so the pieces of a bucket opened
 * in a date window are found by binary search.
 */
export class LotStore {
  private readonly all: LotPiece[]
  private readonly byInstrument = new Map<string, LotPiece[]>()
  private readonly byBucket = new Map<string, LotPiece[]>()
  private readonly suffixes = new Map<string, number>()

  constructor(
    pieces: LotPiece[],
    private readonly bucketOf: (piece: LotPiece) => string = () => '',
  ) {
    this.all = pieces
    for (const piece of pieces) {
      append(this.byInstrument, piece.instrumentId, piece)
      append(this.byBucket, this.bucketOf(piece), piece)
    }
  }

  /** Pieces of one instrument, in timeline order. */
  ofInstrument(instrumentId: string): readonly LotPiece[] {
    return this.byInstrument.get(instrumentId) ?? []
  }

  /** Every piece, in timeline order. */
  pieces(): readonly LotPiece[] {
    return this.all
  }

  /** Pieces in the bucket of `like` opened from `fromDate` to `toDate` inclusive, in timeline order. */
  openedBetween(like: LotPiece, fromDate: string, toDate: string): LotPiece[] {
    const list = this.byBucket.get(this.bucketOf(like)) ?? []
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((list[middle]?.openedDate ?? '') < fromDate) low = middle + 1
      else high = middle
    }
    const found: LotPiece[] = []
    for (let index = low; index < list.length; index++) {
      const piece = list[index]
      if (piece === undefined || piece.openedDate > toDate) break
      found.push(piece)
    }
    return found
  }

  /**
   * Splits `quantity` units off the front of `piece` into a new piece placed just before it (FIFO then consumes
   * the split part first) and returns it; returns `piece` itself when the whole of it is wanted.
   */
  split(piece: LotPiece, quantity: number): LotPiece {
    if (quantity >= piece.quantity) return piece
    const suffix = (this.suffixes.get(piece.openFillId) ?? 0) + 1
    this.suffixes.set(piece.openFillId, suffix)
    const part: LotPiece = { ...piece, lotId: `${piece.openFillId}.${suffix}`, quantity }
    piece.quantity = roundQuantity(piece.quantity - quantity)
    for (const list of [this.all, this.byInstrument.get(piece.instrumentId), this.byBucket.get(this.bucketOf(piece))]) {
      list?.splice(list.indexOf(piece), 0, part)
    }
    return part
  }
}

function append(index: Map<string, LotPiece[]>, key: string, piece: LotPiece): void {
  const list = index.get(key)
  if (list === undefined) index.set(key, [piece])
  else list.push(piece)
}
