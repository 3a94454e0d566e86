/**
 * Median and median absolute deviation (MAD) of the last `capacity` values, kept in a ring plus a sorted copy so a
 * push costs O(capacity) and never allocates. Each value carries a time so values older than a horizon can be
 * evicted.
 */
export class RollingMedian {
  private readonly ring: Float64Array
  private readonly times: Float64Array
  private readonly sorted: Float64Array
  private readonly deviations: Float64Array
  private head = 0
  private size = 0

  constructor(readonly capacity: number) {
    this.ring = new Float64Array(capacity)
    this.times = new Float64Array(capacity)
    this.sorted = new Float64Array(capacity)
    this.deviations = new Float64Array(capacity)
  }

  /** Values currently in the window. */
  get count(): number {
    return this.size
  }

  /** Adds `value` observed at `timeMs`, evicting the oldest value when full. */
  push(value: number, timeMs = 0): void {
    if (this.size === this.capacity) {
      const oldest = this.ring[this.head] ?? 0
      this.removeSorted(oldest)
    } else {
      this.size++
    }
    this.ring[this.head] = value
    this.times[this.head] = timeMs
    this.head = (this.head + 1) % this.capacity
    this.insertSorted(value)
  }

  /** Drops values observed before `timeMs`. */
  evictBefore(timeMs: number): void {
    while (this.size > 0) {
      const oldestIndex = (this.head - this.size + this.capacity) % this.capacity
      if ((this.times[oldestIndex] ?? 0) >= timeMs) return
      this.removeSorted(this.ring[oldestIndex] ?? 0)
      this.size--
    }
  }

  median(): number {
    return middle(this.sorted, this.size)
  }

  /** Median of |x − median| over the window. */
  mad(): number {
    const n = this.size
    if (n === 0) return Number.NaN
    const center = this.median()
    // Deviations below and above the median are each already sorted; merge them instead of sorting.
    let low = upperIndexBelow(this.sorted, n, center)
    let high = low + 1
    for (let out = 0; out < n; out++) {
      const down = low >= 0 ? center - (this.sorted[low] ?? 0) : Number.POSITIVE_INFINITY
      const up = high < n ? (this.sorted[high] ?? 0) - center : Number.POSITIVE_INFINITY
      if (down <= up) {
        this.deviations[out] = down
        low--
      } else {
        this.deviations[out] = up
        high++
      }
    }
    return middle(this.deviations, n)
  }

  private insertSorted(value: number): void {
    let index = this.size - 1
    while (index > 0 && (this.sorted[index - 1] ?? 0) > value) {
      this.sorted[index] = this.sorted[index - 1] ?? 0
      index--
    }
    this.sorted[index] = value
  }

  private removeSorted(value: number): void {
    let index = 0
    while (index < this.size - 1 && this.sorted[index] !== value) index++
    for (; index < this.size - 1; index++) this.sorted[index] = this.sorted[index + 1] ?? 0
  }
}

function middle(values: Float64Array, n: number): number {
  if (n === 0) return Number.NaN
  const half = n >> 1
  if (n % 2 === 1) return values[half] ?? Number.NaN
  return ((values[half - 1] ?? 0) + (values[half] ?? 0)) / 2
}

/** Index of the last value ≤ `center` (−1 when none). */
function upperIndexBelow(sorted: Float64Array, n: number, center: number): number {
  let index = -1
  while (index + 1 < n && (sorted[index + 1] ?? 0) <= center) index++
  return index
}
