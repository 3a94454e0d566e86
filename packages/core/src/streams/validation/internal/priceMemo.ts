/**
 * A fixed-size, direct-mapped memo from prices to derived values (for example a formatted message). A price maps to
 * one slot by its value in hundredths; a lookup is a multiply, a mask and one comparison, and a price that lands in
 * an occupied slot replaces the one there. Memory stays `slots` entries however many prices go by.
 */
export class PriceMemo<V> {
  private readonly prices: Float64Array
  private readonly values: (V | undefined)[]
  private readonly mask: number

  /**
   * @param derive - Computes the value of a price; called again whenever the price is not in its slot.
   * @param slots - Number of slots, a power of two. @default 1024
   */
  constructor(
    private readonly derive: (price: number) => V,
    slots = 1024,
  ) {
    if (!Number.isInteger(Math.log2(slots))) throw new RangeError(`slots must be a power of two, got ${slots}`)
    this.prices = new Float64Array(slots).fill(Number.NaN)
    this.values = new Array<V | undefined>(slots).fill(undefined)
    this.mask = slots - 1
  }

  /**
   * The value of `price`: memoised when the same price (compared with `===`) was asked for last in its slot.
   *
   * @returns `derive(price)` or the memoised result of an earlier call with an equal price.
   */
  get(price: number): V {
    const slot = ((price * 100) | 0) & this.mask
    const value = this.values[slot]
    if (value !== undefined && this.prices[slot] === price) return value
    const derived = this.derive(price)
    this.prices[slot] = price
    this.values[slot] = derived
    return derived
  }
}
