import type { Fill } from '../../trading/types.js'
import { ReportInputError } from '../reportInputError.js'

/** Throws {@link ReportInputError} unless the fill has a usable side, quantity, price, commission and time. */
export function validateFill(fill: Fill, position: number): void {
  const at = `fills[${position}]`
  if (fill.side !== 'buy' && fill.side !== 'sell') throw new ReportInputError(`${at}.side`, 'must be "buy" or "sell"')
  if (!Number.isFinite(fill.quantity) || fill.quantity <= 0) {
    throw new ReportInputError(`${at}.quantity`, 'must be a positive finite number')
  }
  if (!fill.price.isFinite() || fill.price.isNegative()) {
    throw new ReportInputError(`${at}.price`, 'must be a finite, non-negative Decimal')
  }
  if (!fill.commission.isFinite()) throw new ReportInputError(`${at}.commission`, 'must be a finite Decimal')
  if (!Number.isFinite(fill.timestampMs)) throw new ReportInputError(`${at}.timestampMs`, 'must be finite epoch ms')
}

/**
 * The fills validated and sorted by execution time; fills with the same timestamp keep their input order, so a
 * caller's sequence (open before close) survives.
 */
export function sortedFills<F extends Fill>(fills: readonly F[]): F[] {
  fills.forEach(validateFill)
  return fills
    .map((fill, position) => ({ fill, position }))
    .sort((a, b) => a.fill.timestampMs - b.fill.timestampMs || a.position - b.position)
    .map((entry) => entry.fill)
}
