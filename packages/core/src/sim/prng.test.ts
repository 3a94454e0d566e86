import { describe, expect, it } from 'vitest'
import { createPrng, hashSeed } from './prng.js'

describe('createPrng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createPrng(42)
    const b = createPrng(42)
    const c = createPrng(43)
    const seqA = Array.from({ length: 20 }, () => a.nextUint32())
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA)
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA)
  })

  it('pins the first outputs so a change of algorithm cannot go unnoticed', () => {
    const prng = createPrng(1)
    expect(Array.from({ length: 3 }, () => prng.nextUint32())).toMatchSnapshot()
  })

  it('draws uniforms in [0, 1) with the right mean and variance', () => {
    const prng = createPrng('uniform')
    let sum = 0
    let sumSq = 0
    const n = 200_000
    for (let i = 0; i < n; i++) {
      const u = prng.next()
      expect(u >= 0 && u < 1).toBe(true)
      sum += u
      sumSq += u * u
    }
    expect(sum / n).toBeCloseTo(0.5, 2)
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3)
  })

  it('draws standard normals and unit exponentials', () => {
    const prng = createPrng(7)
    const n = 200_000
    let sum = 0
    let sumSq = 0
    let expSum = 0
    for (let i = 0; i < n; i++) {
      const z = prng.normal()
      sum += z
      sumSq += z * z
      expSum += prng.exponential()
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01)
    expect(sumSq / n).toBeCloseTo(1, 1)
    expect(expSum / n).toBeCloseTo(1, 1)
  })

  it('draws integers below the bound', () => {
    const prng = createPrng(3)
    const seen = new Set<number>()
    for (let i = 0; i < 1_000; i++) seen.add(prng.int(5))
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4])
  })

  it('forks reproducible, independent streams', () => {
    const base = createPrng(9)
    const x = base.fork('SPY').next()
    expect(createPrng(9).fork('SPY').next()).toBe(x)
    expect(createPrng(9).fork('QQQ').next()).not.toBe(x)
  })

  it('hashes seeds stably and distinguishes numbers from strings', () => {
    expect(hashSeed(1, 'a')).toBe(hashSeed(1, 'a'))
    expect(hashSeed(1)).not.toBe(hashSeed('1'))
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'))
    expect(Number.isInteger(hashSeed('x')) && hashSeed('x') >= 0 && hashSeed('x') < 2 ** 32).toBe(true)
  })
})
