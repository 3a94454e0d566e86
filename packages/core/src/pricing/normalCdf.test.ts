import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { normalCdf } from './normalCdf.js'
import { PricingInputError } from './pricingInputError.js'

/** Φ(x) from mpmath in 40-digit arithmetic, rounded to the nearest double. */
const REFERENCE: [number, number][] = [
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-5, 2.866515718791939e-7],
  [-1.5, 0.06680720126885807],
  [-0.5, 0.3085375387259869],
  [0.25, 0.5987063256829237],
  [1, 0.8413447460685429],
  [3, 0.9986501019683699],
  [7, 0.9999999999987201],
]

describe('normalCdf', () => {
  test.each(REFERENCE)('Φ(%d) matches the 20-digit reference to a few ulps', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(4 * Number.EPSILON)
  })

  test('Φ(0) is exactly one half and the infinities map to 0 and 1', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0)
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1)
    expect(normalCdf(-40)).toBe(0)
  })

  test('Φ(x) + Φ(−x) = 1 and Φ is non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, dx) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2 * Number.EPSILON)
        expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x))
      }),
    )
  })

  test('NaN is rejected with a PricingInputError', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(PricingInputError)
  })
})
