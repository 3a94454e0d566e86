import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { RollingRank } from './rollingRank.js'

/** Brute-force mid-rank percentile over the last `windowLength` values. */
function bruteForce(values: readonly number[], windowLength: number, x: number) {
  const window = values.slice(-windowLength)
  const below = window.filter((v) => v < x).length
  const equal = window.filter((v) => v === x).length
  return {
    below,
    atOrBelow: below + equal,
    percentile: window.length ? (100 * (below + equal / 2)) / window.length : null,
  }
}

describe('RollingRank', () => {
  test('ranks within the window only', () => {
    const rank = new RollingRank(3)
    for (const v of [10, 20, 30, 40]) rank.push(v)
    expect(rank.count).toBe(3)
    expect(rank.countBelow(25)).toBe(1)
    expect(rank.countAtOrBelow(40)).toBe(3)
    expect(rank.percentileOf(40)).toBeCloseTo((100 * 2.5) / 3, 12)
  })

  test('a constant window puts its value at the 50th percentile', () => {
    const rank = new RollingRank(5)
    for (let i = 0; i < 9; i++) rank.push(17)
    expect(rank.percentileOf(17)).toBe(50)
    expect(rank.percentileOf(16)).toBe(0)
    expect(rank.percentileOf(18)).toBe(100)
  })

  test('an empty window has no percentile and non-finite values are refused', () => {
    const rank = new RollingRank(2)
    expect(rank.percentileOf(1)).toBeNull()
    expect(rank.push(Number.NaN)).toBe(false)
    expect(rank.count).toBe(0)
    rank.push(1)
    rank.clear()
    expect(rank.count).toBe(0)
    expect(() => new RollingRank(0)).toThrow(ConfigError)
  })

  test('matches a brute-force rank after every push, duplicates included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.oneof(fc.integer({ min: 10, max: 20 }), fc.double({ min: 9, max: 90, noNaN: true })), {
          maxLength: 300,
        }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (windowLength, values, probe) => {
          const rank = new RollingRank(windowLength)
          values.forEach((v, i) => {
            rank.push(v)
            const seen = values.slice(0, i + 1)
            for (const x of [v, probe]) {
              const ref = bruteForce(seen, windowLength, x)
              expect(rank.countBelow(x)).toBe(ref.below)
              expect(rank.countAtOrBelow(x)).toBe(ref.atOrBelow)
              expect(rank.percentileOf(x)).toBeCloseTo(ref.percentile ?? Number.NaN, 9)
            }
          })
        },
      ),
      { numRuns: 200 },
    )
  })

  test('sorted input, the worst case of an unbalanced tree, stays fast and correct on a large window', () => {
    const rank = new RollingRank(50_000)
    for (let i = 0; i < 200_000; i++) rank.push(i)
    expect(rank.countBelow(175_000)).toBe(25_000)
    for (let i = 0; i < 200_000; i++) rank.push(-i)
    expect(rank.countAtOrBelow(-175_000)).toBe(25_000)
  })
})
