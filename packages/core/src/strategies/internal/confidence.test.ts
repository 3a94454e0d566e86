import { describe, expect, test } from 'vitest'
import { clamp01, saturate } from './confidence.js'

describe('confidence helpers', () => {
  test('clamp01 and saturate stay in [0, 1]', () => {
    expect([clamp01(-1), clamp01(Number.NaN), clamp01(0.4), clamp01(7)]).toEqual([0, 0, 0.4, 1])
    expect(saturate(-1, 1)).toBe(0)
    expect(saturate(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12)
    expect(saturate(1e9, 1)).toBe(1)
  })
})
