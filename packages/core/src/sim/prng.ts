/**
 * A small, fast, seeded pseudo-random generator (xoshiro128**, seeded through splitmix32). The same seed always
 * yields the same sequence on every platform, which is what makes the simulator and the reconnect jitter
 * reproducible. Not cryptographically secure.
 */
export interface Prng {
  /** Uniform number in [0, 1). */
  next(): number
  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number
  /** Standard normal deviate (mean 0, variance 1), by Box–Muller. */
  normal(): number
  /** Exponential deviate with mean 1. */
  exponential(): number
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number
  /** An independent generator derived from this one's seed and `label` (same seed and label → same stream). */
  fork(label: string | number): Prng
}

const TWO_POW_32 = 4_294_967_296

/**
 * Mixes numbers and strings into one 32-bit seed (FNV-1a over the parts, then a murmur3 finaliser).
 *
 * @param parts - Anything that identifies the stream: a user seed, a symbol, a date.
 * @returns An unsigned 32-bit seed.
 * @example
 * ```ts
 * const seed = hashSeed(42, 'SPY', '2025-11-21')
 * ```
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = typeof part === 'number' ? `n${part}` : `s${part}`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
    hash ^= 0xff
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

class Xoshiro128StarStar implements Prng {
  private s0: number
  private s1: number
  private s2: number
  private s3: number
  private spareNormal = 0
  private hasSpare = false

  constructor(private readonly seed: number) {
    // splitmix32 expands one 32-bit seed into the 128-bit state (never all zero).
    let z = seed >>> 0
    const split = (): number => {
      z = (z + 0x9e3779b9) | 0
      let t = z ^ (z >>> 16)
      t = Math.imul(t, 0x21f0aaad)
      t ^= t >>> 15
      t = Math.imul(t, 0x735a2d97)
      return (t ^ (t >>> 15)) | 0
    }
    this.s0 = split()
    this.s1 = split()
    this.s2 = split()
    this.s3 = split()
  }

  nextUint32(): number {
    const s1 = this.s1
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9)
    const t = s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result >>> 0
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false
      return this.spareNormal
    }
    // 1 - u keeps the logarithm's argument in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()))
    const angle = 2 * Math.PI * this.next()
    this.spareNormal = radius * Math.sin(angle)
    this.hasSpare = true
    return radius * Math.cos(angle)
  }

  exponential(): number {
    return -Math.log(1 - this.next())
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive)
  }

  fork(label: string | number): Prng {
    return new Xoshiro128StarStar(hashSeed(this.seed, label))
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/**
 * Creates a seeded generator. This module is the only place in the SDK where randomness comes from; everything
 * random (simulated prices, reconnect jitter) takes a {@link Prng} or a `() => number` made from one.
 *
 * @param seed - Any number or string; equal seeds give equal sequences.
 * @returns The generator.
 * @example
 * ```ts
 * const prng = createPrng(42)
 * const u = prng.next() // same value on every run
 * const z = prng.normal()
 * ```
 */
export function createPrng(seed: number | string): Prng {
  const direct = typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32
  return new Xoshiro128StarStar(direct ? seed : hashSeed(seed))
}
