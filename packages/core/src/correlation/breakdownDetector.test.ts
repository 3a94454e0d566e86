import { describe, expect, test } from 'vitest'
import { BreakdownDetector } from './breakdownDetector.js'

describe('BreakdownDetector', () => {
  test('a correlation hovering around the threshold starts one breakdown and never flaps', () => {
    const detector = new BreakdownDetector(0.3, 0.1)
    const transitions = [0.5, 0.29, 0.31, 0.28, 0.35, 0.299, 0.39].map((r) => detector.update(r))
    expect(transitions).toEqual([null, 'started', null, null, null, null, null])
    expect(detector.inBreakdown).toBe(true)
    expect(detector.update(0.4)).toBe('ended')
    expect(detector.update(0.35)).toBeNull()
  })

  test('an unavailable correlation keeps the current state', () => {
    const detector = new BreakdownDetector(0.3, 0.1)
    detector.update(0.1)
    expect(detector.update(null)).toBeNull()
    expect(detector.inBreakdown).toBe(true)
  })
})
