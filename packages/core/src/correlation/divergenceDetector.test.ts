import { describe, expect, test } from 'vitest'
import { DivergenceDetector } from './divergenceDetector.js'

const options = { windowObservations: 10, zThreshold: 2, rearmMargin: 0.5, minObservations: 10 }

describe('DivergenceDetector', () => {
  test('scores a spread against the previous ones only', () => {
    const detector = new DivergenceDetector(options)
    const history = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1]
    for (const s of history) detector.update(s)
    const reading = detector.update(3)
    const std = Math.sqrt(10 / 9)
    expect(reading.mean).toBeCloseTo(0, 12)
    expect(reading.std).toBeCloseTo(std, 12)
    expect(reading.zScore.value).toBeCloseTo(3 / std, 12)
    expect(reading.fired).toBe(true)
  })

  test('fires again only after re-arming below threshold − margin, or on a sign flip', () => {
    const detector = new DivergenceDetector({ ...options, windowObservations: 2000 })
    for (let k = 0; k < 1000; k++) detector.update(k % 2 === 0 ? 1 : -1)
    // With a long window the history stays close to mean 0, std ≈ 1.
    const fired = [2.5, 2.5, 1.8, 2.5, 1.2, 2.5, -2.6].map((s) => detector.update(s).fired)
    expect(fired).toEqual([true, false, false, false, false, true, true])
  })

  test('reports insufficient data while warming up and zero variance on a flat history', () => {
    const detector = new DivergenceDetector({ ...options, minObservations: 3 })
    expect(detector.update(0).zScore).toEqual({ value: null, reason: 'insufficient_data' })
    detector.update(0)
    detector.update(0)
    expect(detector.update(0.5).zScore).toEqual({ value: null, reason: 'zero_variance' })
  })
})
