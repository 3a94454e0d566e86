import { describe, expect, test } from 'vitest'
import { classifyTermRatio, vixTermStructure } from './termStructure.js'

describe('vixTermStructure', () => {
  test('an upward-sloping curve is contango on every ratio and not inverted', () => {
    const ts = vixTermStructure({ vix9d: 12, vix: 14, vix3m: 16.5, vix6m: 18 }, 0.02)
    expect(ts.vix9dVix).toMatchObject({ front: '^VIX9D', back: '^VIX', shape: 'contango', inverted: false })
    expect(ts.vixVix3m?.ratio).toBeCloseTo(14 / 16.5, 12)
    expect(ts.vix3mVix6m?.shape).toBe('contango')
    expect(ts.shape).toBe('contango')
    expect(ts.inverted).toBe(false)
  })

  test('a stressed curve is backwardation and inverted', () => {
    const ts = vixTermStructure({ vix9d: 38, vix: 34, vix3m: 29, vix6m: 27 }, 0.02)
    expect(ts.shape).toBe('backwardation')
    expect(ts.vix9dVix?.shape).toBe('backwardation')
    expect(ts.inverted).toBe(true)
  })

  test('a ratio within the tolerance is flat, yet inverted when the front is above the back', () => {
    const ts = vixTermStructure({ vix9d: null, vix: 20.2, vix3m: 20, vix6m: null }, 0.02)
    expect(ts.vixVix3m).toMatchObject({ shape: 'flat', inverted: true })
    expect(ts.vix9dVix).toBeNull()
    expect(ts.inverted).toBe(true)
  })

  test('missing values give null ratios, shape and inversion', () => {
    const ts = vixTermStructure({ vix9d: null, vix: 15, vix3m: null, vix6m: 17 }, 0.02)
    expect(ts).toEqual({ vix9dVix: null, vixVix3m: null, vix3mVix6m: null, shape: null, inverted: null })
  })

  test('classification edges: exactly 1 ± tolerance is still flat', () => {
    expect(classifyTermRatio(0.98, 0.02)).toBe('flat')
    expect(classifyTermRatio(0.979, 0.02)).toBe('contango')
    expect(classifyTermRatio(1.02, 0.02)).toBe('flat')
    expect(classifyTermRatio(1.021, 0.02)).toBe('backwardation')
  })
})
