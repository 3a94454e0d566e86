import type { Decimal } from 'decimal.js'
import type { Position } from '../trading/types.js'

/** A position on which the order manager and the broker disagree. */
export interface PositionMismatch {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Signed quantity the journal rebuilt (positive long), 0 when flat. */
  readonly journalQuantity: number
  /** Signed quantity the broker reports. */
  readonly brokerQuantity: number
  /** Average price the journal rebuilt, when held. */
  readonly journalAveragePrice: Decimal | undefined
  /** Average price the broker reports, when held. */
  readonly brokerAveragePrice: Decimal | undefined
}

const signed = (position: Position | undefined) =>
  position === undefined ? 0 : position.side === 'long' ? position.quantity : -position.quantity

/**
 * Compares two sets of positions by instrument: a mismatch is a different signed quantity, or average prices
 * that differ by more than 1e-9.
 *
 * @param journal - Positions rebuilt from the journal.
 * @param broker - Positions the broker reports.
 * @returns Every mismatch, sorted by instrument id; empty when they agree.
 * @example
 * ```ts
 * const mismatches = comparePositions(oms.positions(), snapshot.positions)
 * if (mismatches.length > 0) risk.reduceOnly('positions differ from the broker')
 * ```
 */
export function comparePositions(journal: readonly Position[], broker: readonly Position[]): PositionMismatch[] {
  const mine = new Map(journal.map((p) => [p.instrumentId, p]))
  const theirs = new Map(broker.map((p) => [p.instrumentId, p]))
  const ids = [...new Set([...mine.keys(), ...theirs.keys()])].sort()
  const mismatches: PositionMismatch[] = []
  for (const id of ids) {
    const a = mine.get(id)
    const b = theirs.get(id)
    const sameQuantity = signed(a) === signed(b)
    const samePrice = a === undefined || b === undefined || a.averagePrice.minus(b.averagePrice).abs().lte('1e-9')
    if (sameQuantity && samePrice) continue
    mismatches.push({
      instrumentId: id,
      journalQuantity: signed(a),
      brokerQuantity: signed(b),
      journalAveragePrice: a?.averagePrice,
      brokerAveragePrice: b?.averagePrice,
    })
  }
  return mismatches
}
