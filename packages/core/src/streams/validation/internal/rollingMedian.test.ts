import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { RollingMedian } from './rollingMedian.js'

function naiveMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const half = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[half] ?? 0) : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2
}

describe('RollingMedian', () => {
  test('median and MAD of a known window', () => {
    const window = new RollingMedian(5)
    for (const value of [1, 2, 3, 4, 100]) window.push(value)
    expect(window.median()).toBe(3)
    expect(window.mad()).toBe(1)
    window.push(5) // evicts 1 → [2, 3, 4, 100, 5]
    expect(window.median()).toBe(4)
    expect(window.mad()).toBe(1)
  })

  test('evicts values older than a horizon', () => {
    const window = new RollingMedian(5)
    window.push(1, 0)
    window.push(2, 10)
    window.push(30, 20)
    window.evictBefore(10)
    expect(window.count).toBe(2)
    expect(window.median()).toBe(16)
    window.evictBefore(100)
    expect(window.count).toBe(0)
    window.push(7, 100)
    expect(window.median()).toBe(7)
  })

  test('matches a naive median and MAD over any sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (capacity, values) => {
          const window = new RollingMedian(capacity)
          values.forEach((value, index) => {
            window.push(value)
            const recent = values.slice(Math.max(0, index + 1 - capacity), index + 1)
            const median = naiveMedian(recent)
            expect(window.median()).toBeCloseTo(median, 6)
            expect(window.mad()).toBeCloseTo(naiveMedian(recent.map((x) => Math.abs(x - median))), 6)
          })
        },
      ),
    )
  })
})
