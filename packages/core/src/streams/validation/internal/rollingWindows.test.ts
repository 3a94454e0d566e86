import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { RollingWindows } from './rollingWindows.js'

function naiveMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const half = sorted.length >> 1
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1 ? (sorted[half] ?? 0) : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2
}

function naiveMad(values: readonly number[]): number {
  const median = naiveMedian(values)
  return naiveMedian(values.map((value) => Math.abs(value - median)))
}

/** A price (no −0: the window does not distinguish it from 0, and `toBe` would). */
const price = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => (value === 0 ? 0 : value))

describe('RollingWindows', () => {
  test('median and MAD of a known window', () => {
    const windows = new RollingWindows(5)
    const window = windows.add()
    for (const value of [1, 2, 3, 4, 100]) windows.push(window, value, 0)
    expect(windows.median(window)).toBe(3)
    expect(windows.mad(window)).toBe(1)
    windows.push(window, 5, 0) // evicts 1 → [2, 3, 4, 100, 5]
    expect(windows.median(window)).toBe(4)
    expect(windows.mad(window)).toBe(1)
  })

  test('evicts values older than a horizon', () => {
    const windows = new RollingWindows(5)
    const window = windows.add()
    windows.push(window, 1, 0)
    windows.push(window, 2, 10)
    windows.push(window, 30, 20)
    windows.evictBefore(window, 10)
    expect(windows.count(window)).toBe(2)
    expect(windows.median(window)).toBe(16)
    windows.evictBefore(window, 100)
    expect(windows.count(window)).toBe(0)
    expect(windows.median(window)).toBeNaN()
    windows.push(window, 7, 100)
    expect(windows.median(window)).toBe(7)
  })

  test('keeps windows apart and keeps their values when more windows are added', () => {
    const windows = new RollingWindows(3)
    const ids = Array.from({ length: 40 }, () => windows.add())
    expect(ids).toEqual(Array.from({ length: 40 }, (_, index) => index))
    for (const id of ids) windows.push(id, id, 0)
    for (const id of ids) windows.push(id, id + 0.5, 1)
    expect(windows.length).toBe(40)
    for (const id of ids) {
      expect(windows.count(id)).toBe(2)
      expect(windows.median(id)).toBe(id + 0.25)
    }
  })

  test('a window below sortFrom is sorted again when its median is asked for', () => {
    const windows = new RollingWindows(5, 3)
    const window = windows.add()
    windows.push(window, 9, 0)
    windows.push(window, 1, 1)
    windows.evictBefore(window, 1) // two values left to one: below sortFrom, the sorted run goes stale
    windows.push(window, 5, 2)
    windows.push(window, 3, 3)
    expect(windows.median(window)).toBe(3)
    windows.push(window, 4, 4)
    expect(windows.median(window)).toBe(3.5)
    expect(windows.mad(window)).toBe(1)
  })

  test('matches a naive median and MAD over any pushes and evictions in interleaved windows', () => {
    const step = fc.record({
      window: fc.integer({ min: 0, max: 2 }),
      value: price,
      advanceMs: fc.integer({ min: 0, max: 5 }),
      horizonMs: fc.integer({ min: 0, max: 12 }),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 13 }),
        fc.array(step, { minLength: 1, maxLength: 80 }),
        (capacity, sortFrom, steps) => {
          const windows = new RollingWindows(capacity, sortFrom)
          const models: { value: number; timeMs: number }[][] = [[], [], []]
          for (let index = 0; index < models.length; index++) windows.add()
          let nowMs = 0
          for (const { window, value, advanceMs, horizonMs } of steps) {
            nowMs += advanceMs
            const model = models[window] ?? []
            const cutoffMs = nowMs - horizonMs
            windows.evictBefore(window, cutoffMs)
            while (model.length > 0 && (model[0]?.timeMs ?? 0) < cutoffMs) model.shift()
            expect(windows.count(window)).toBe(model.length)
            // The spike rule only asks for a median once a window holds sortFrom values; ask at random otherwise.
            if (model.length >= sortFrom || (value * 1000) % 3 < 1) {
              const values = model.map((entry) => entry.value)
              expect(windows.median(window)).toBe(naiveMedian(values))
              expect(windows.mad(window)).toBe(naiveMad(values))
            }
            windows.push(window, value, nowMs)
            model.push({ value, timeMs: nowMs })
            if (model.length > capacity) model.shift()
          }
        },
      ),
    )
  })
})
