import { ConfigError } from '../errors/configError.js'

/** Deterministic 32-bit priority for a node sequence number (murmur3 finaliser), so no `Math.random` is needed. */
function priorityOf(seq: number): number {
  let h = (seq ^ Math.floor(seq / 4294967296)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * The last `windowLength` values with rank queries in O(log n): how many are below a value, hence the
 * percentile of a value within the window.
 *
 * Internally an order-statistics treap (a binary search tree balanced by pseudo-random priorities, each node
 * knowing its subtree size) in flat typed arrays, plus a ring of node ids for first-in first-out eviction.
 * Push, eviction and queries are O(log n) expected; memory is fixed at construction.
 *
 * @example
 * ```ts
 * const window = new RollingRank(780)
 * window.push(14.2)
 * window.push(15.1)
 * window.percentileOf(15.1) // 75: one value below, one tie counted half, out of 2
 * ```
 */
export class RollingRank {
  /** Capacity of the window. */
  readonly windowLength: number
  private readonly keys: Float64Array
  private readonly seqs: Float64Array
  private readonly priorities: Uint32Array
  private readonly lefts: Int32Array
  private readonly rights: Int32Array
  private readonly sizes: Int32Array
  private readonly freeIds: Int32Array
  private readonly ring: Int32Array
  private freeTop: number
  private ringHead = 0
  private held = 0
  private root = 0
  private nextSeq = 0
  private splitLeft = 0
  private splitRight = 0

  /**
   * @param windowLength - Number of values kept, an integer ≥ 1.
   * @throws {ConfigError} When `windowLength` is not an integer ≥ 1.
   */
  constructor(windowLength: number) {
    if (!Number.isInteger(windowLength) || windowLength < 1) {
      throw new ConfigError('rolling rank', [{ path: 'windowLength', reason: 'must be an integer ≥ 1' }])
    }
    this.windowLength = windowLength
    const nodes = windowLength + 1 // node 0 is the empty tree
    this.keys = new Float64Array(nodes)
    this.seqs = new Float64Array(nodes)
    this.priorities = new Uint32Array(nodes)
    this.lefts = new Int32Array(nodes)
    this.rights = new Int32Array(nodes)
    this.sizes = new Int32Array(nodes)
    this.freeIds = Int32Array.from({ length: windowLength }, (_, i) => windowLength - i)
    this.freeTop = windowLength
    this.ring = new Int32Array(windowLength)
  }

  /** Number of values in the window. */
  get count(): number {
    return this.held
  }

  /**
   * Adds a value, evicting the oldest when the window is full.
   *
   * @param value - A finite number.
   * @returns `false` (and nothing changes) when the value is not finite.
   */
  push(value: number): boolean {
    if (!Number.isFinite(value)) return false
    if (this.held === this.windowLength) this.evictOldest()
    this.freeTop -= 1
    const node = this.freeIds[this.freeTop] ?? 0
    const seq = this.nextSeq++
    this.keys[node] = value
    this.seqs[node] = seq
    this.priorities[node] = priorityOf(seq)
    this.lefts[node] = 0
    this.rights[node] = 0
    this.sizes[node] = 1
    this.split(this.root, value, seq)
    const right = this.splitRight
    this.root = this.merge(this.merge(this.splitLeft, node), right)
    this.ring[(this.ringHead + this.held) % this.windowLength] = node
    this.held += 1
    return true
  }

  /**
   * How many values in the window are strictly below `value`.
   *
   * @param value - The value to rank.
   * @returns A count in [0, count].
   */
  countBelow(value: number): number {
    let t = this.root
    let below = 0
    while (t !== 0) {
      if ((this.keys[t] ?? 0) < value) {
        below += this.size(this.lefts[t] ?? 0) + 1
        t = this.rights[t] ?? 0
      } else {
        t = this.lefts[t] ?? 0
      }
    }
    return below
  }

  /**
   * How many values in the window are at or below `value`.
   *
   * @param value - The value to rank.
   * @returns A count in [0, count].
   */
  countAtOrBelow(value: number): number {
    let t = this.root
    let atOrBelow = 0
    while (t !== 0) {
      if ((this.keys[t] ?? 0) <= value) {
        atOrBelow += this.size(this.lefts[t] ?? 0) + 1
        t = this.rights[t] ?? 0
      } else {
        t = this.lefts[t] ?? 0
      }
    }
    return atOrBelow
  }

  /**
   * Mid-rank percentile of `value` in the window: 100 × (values below + half the values equal) / count. A
   * constant window puts its value at 50; a new maximum of n values at 100 × (n − ½) / n.
   *
   * @param value - The value to rank.
   * @returns The percentile in [0, 100], or `null` when the window is empty.
   */
  percentileOf(value: number): number | null {
    if (this.held === 0) return null
    const below = this.countBelow(value)
    const equal = this.countAtOrBelow(value) - below
    return (100 * (below + equal / 2)) / this.held
  }

  /** Empties the window. */
  clear(): void {
    while (this.held > 0) this.evictOldest()
  }

  private size(t: number): number {
    return t === 0 ? 0 : (this.sizes[t] ?? 0)
  }

  private pull(t: number): void {
    this.sizes[t] = this.size(this.lefts[t] ?? 0) + this.size(this.rights[t] ?? 0) + 1
  }

  /** Splits subtree `t` into nodes ordered before (key, seq) → `splitLeft`, and the rest → `splitRight`. */
  private split(t: number, key: number, seq: number): void {
    if (t === 0) {
      this.splitLeft = 0
      this.splitRight = 0
      return
    }
    const k = this.keys[t] ?? 0
    if (k < key || (k === key && (this.seqs[t] ?? 0) < seq)) {
      this.split(this.rights[t] ?? 0, key, seq)
      this.rights[t] = this.splitLeft
      this.pull(t)
      this.splitLeft = t
    } else {
      this.split(this.lefts[t] ?? 0, key, seq)
      this.lefts[t] = this.splitRight
      this.pull(t)
      this.splitRight = t
    }
  }

  /** Joins two treaps where every node of `a` orders before every node of `b`. */
  private merge(a: number, b: number): number {
    if (a === 0) return b
    if (b === 0) return a
    if ((this.priorities[a] ?? 0) > (this.priorities[b] ?? 0)) {
      this.rights[a] = this.merge(this.rights[a] ?? 0, b)
      this.pull(a)
      return a
    }
    this.lefts[b] = this.merge(a, this.lefts[b] ?? 0)
    this.pull(b)
    return b
  }

  private evictOldest(): void {
    const node = this.ring[this.ringHead] ?? 0
    this.ringHead = (this.ringHead + 1) % this.windowLength
    this.held -= 1
    const key = this.keys[node] ?? 0
    const seq = this.seqs[node] ?? 0
    this.split(this.root, key, seq)
    const before = this.splitLeft
    this.split(this.splitRight, key, seq + 0.5) // isolates exactly this node: seqs are unique integers
    const after = this.splitRight
    this.root = this.merge(before, after)
    this.freeIds[this.freeTop] = node
    this.freeTop += 1
  }
}
