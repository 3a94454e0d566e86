/**
 * Many rolling windows of the last `capacity` values, each with its median and median absolute deviation (MAD).
 * Each value carries a time so values older than a horizon can be evicted.
 *
 * A window is a slot in one shared Float64Array laid out as `[sorted × capacity | (value, time) × capacity]`, with
 * its head, size and whether its sorted run is current in one shared Int32Array: a tick touches a few adjacent
 * cache lines instead of a window object and its separate arrays. The sorted run is kept up to date (O(capacity)
 * per push, no allocation) only while a window holds at least `sortFrom` values; a smaller window, whose median the
 * spike rule never asks for, only moves its ring, and is sorted again when a median is next asked for.
 *
 * Values are expected to be finite; the validators only judge prices that passed the finiteness rule.
 */
export class RollingWindows {
  private readonly stride: number
  private data: Float64Array
  /** `[head, size, sorted]` of every window: next ring slot, values held, 1 when the sorted run is current. */
  private meta: Int32Array
  private readonly deviations: Float64Array
  private windows = 0

  /**
   * @param capacity - Values per window.
   * @param sortFrom - Smallest window size whose sorted run is maintained on every push and eviction.
   */
  constructor(
    readonly capacity: number,
    private readonly sortFrom = 0,
  ) {
    this.stride = 3 * capacity
    this.data = new Float64Array(this.stride * 8)
    this.meta = new Int32Array(META * 8)
    this.deviations = new Float64Array(capacity)
  }

  /**
   * Adds an empty window.
   *
   * @returns Its index, `0, 1, 2, …` in order of creation.
   */
  add(): number {
    const window = this.windows
    if ((window + 1) * META > this.meta.length) {
      const data = new Float64Array(this.data.length * 2)
      data.set(this.data)
      this.data = data
      const meta = new Int32Array(this.meta.length * 2)
      meta.set(this.meta)
      this.meta = meta
    }
    this.meta[window * META + SORTED] = 1
    this.windows++
    return window
  }

  /** Number of windows added. */
  get length(): number {
    return this.windows
  }

  /** Values currently in `window`. */
  count(window: number): number {
    return this.meta[window * META + SIZE] ?? 0
  }

  /** Adds `value` observed at `timeMs` to `window`, evicting its oldest value when full. */
  push(window: number, value: number, timeMs: number): void {
    const capacity = this.capacity
    const data = this.data
    const meta = this.meta
    const at = window * META
    const sorted = window * this.stride
    const head = meta[at + HEAD] ?? 0
    const size = meta[at + SIZE] ?? 0
    const slot = sorted + capacity + 2 * head
    if (size === capacity) {
      if (meta[at + SORTED] === 1) replaceSorted(data, sorted, size, data[slot] ?? 0, value)
    } else {
      meta[at + SIZE] = size + 1
      if (meta[at + SORTED] === 1) insertSorted(data, sorted, size + 1, value)
    }
    data[slot] = value
    data[slot + 1] = timeMs
    meta[at + HEAD] = head + 1 === capacity ? 0 : head + 1
  }

  /** Drops the values of `window` observed before `timeMs`. */
  evictBefore(window: number, timeMs: number): void {
    const capacity = this.capacity
    const data = this.data
    const meta = this.meta
    const at = window * META
    const sorted = window * this.stride
    const head = meta[at + HEAD] ?? 0
    const current = meta[at + SORTED] === 1
    let size = meta[at + SIZE] ?? 0
    while (size > 0) {
      const oldest = head >= size ? head - size : head - size + capacity
      const slot = sorted + capacity + 2 * oldest
      if ((data[slot + 1] ?? 0) >= timeMs) break
      if (current) removeSorted(data, sorted, size, data[slot] ?? 0)
      size--
    }
    meta[at + SIZE] = size
    if (size < this.sortFrom) meta[at + SORTED] = 0
  }

  /** Median of `window` (NaN when empty). */
  median(window: number): number {
    this.sort(window)
    return middle(this.data, window * this.stride, this.count(window))
  }

  /** Median of |x − median| over `window` (NaN when empty). */
  mad(window: number): number {
    const n = this.count(window)
    if (n === 0) return Number.NaN
    this.sort(window)
    const data = this.data
    const sorted = window * this.stride
    const center = middle(data, sorted, n)
    const deviations = this.deviations
    // Deviations below and above the median are each already sorted; merge them instead of sorting.
    let low = upperIndexBelow(data, sorted, n, center)
    let high = low + 1
    for (let out = 0; out < n; out++) {
      const down = low >= 0 ? center - (data[sorted + low] ?? 0) : Number.POSITIVE_INFINITY
      const up = high < n ? (data[sorted + high] ?? 0) - center : Number.POSITIVE_INFINITY
      if (down <= up) {
        deviations[out] = down
        low--
      } else {
        deviations[out] = up
        high++
      }
    }
    return middle(deviations, 0, n)
  }

  /** Rebuilds the sorted run of `window` from its ring when it is not current. */
  private sort(window: number): void {
    const at = window * META
    if (this.meta[at + SORTED] === 1) return
    const capacity = this.capacity
    const data = this.data
    const sorted = window * this.stride
    const head = this.meta[at + HEAD] ?? 0
    const size = this.meta[at + SIZE] ?? 0
    const oldest = head >= size ? head - size : head - size + capacity
    for (let i = 0; i < size; i++) {
      const index = oldest + i < capacity ? oldest + i : oldest + i - capacity
      insertSorted(data, sorted, i + 1, data[sorted + capacity + 2 * index] ?? 0)
    }
    this.meta[at + SORTED] = 1
  }
}

/** Int32 slots per window in `meta`, and their offsets. */
const META = 3
const HEAD = 0
const SIZE = 1
const SORTED = 2

/** Inserts `value` into the sorted run `data[start, start + size − 1)`, after the values equal to it. */
function insertSorted(data: Float64Array, start: number, size: number, value: number): void {
  let index = start + size - 1
  while (index > start && (data[index - 1] ?? 0) > value) {
    data[index] = data[index - 1] ?? 0
    index--
  }
  data[index] = value
}

/** Removes the first `value` of the sorted run `data[start, start + size)` (the last element when absent). */
function removeSorted(data: Float64Array, start: number, size: number, value: number): void {
  const last = start + size - 1
  let index = start
  while (index < last && data[index] !== value) index++
  for (; index < last; index++) data[index] = data[index + 1] ?? 0
}

/**
 * `removeSorted(old)` then `insertSorted(value)` of a full run in one pass: the hole left by `old` moves to where
 * `value` belongs, so each element moves at most once. The result is the same sequence, equal values included.
 */
function replaceSorted(data: Float64Array, start: number, size: number, old: number, value: number): void {
  const last = start + size - 1
  let index = start
  while (index < last && data[index] !== old) index++
  while (index > start && (data[index - 1] ?? 0) > value) {
    data[index] = data[index - 1] ?? 0
    index--
  }
  while (index < last && (data[index + 1] ?? 0) <= value) {
    data[index] = data[index + 1] ?? 0
    index++
  }
  data[index] = value
}

function middle(values: Float64Array, start: number, n: number): number {
  if (n === 0) return Number.NaN
  const half = start + (n >> 1)
  if (n % 2 === 1) return values[half] ?? Number.NaN
  return ((values[half - 1] ?? 0) + (values[half] ?? 0)) / 2
}

/** Offset (from `start`) of the last value ≤ `center` (−1 when none). */
function upperIndexBelow(data: Float64Array, start: number, n: number, center: number): number {
  let index = -1
  while (index + 1 < n && (data[start + index + 1] ?? 0) <= center) index++
  return index
}
