// Quantities are plain numbers (contracts, shares, possibly fractional shares). Sums and differences are rounded
// to 1e-9 so fractional share arithmetic cannot leave a position at 1e-17 instead of flat.

const SCALE = 1e9

/** `value` rounded to nine decimals. */
export function roundQuantity(value: number): number {
  return Math.round(value * SCALE) / SCALE
}
