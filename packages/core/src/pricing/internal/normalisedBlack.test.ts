import { describe, expect, test } from 'vitest'
import {
  lnNormalisedBlack,
  normalisedBlack,
  Region,
  scaledBlackScratch,
  scaledNormalisedBlack,
} from './normalisedBlack.js'

/** ln b(x, s) from mpmath in 40-digit arithmetic (rounded to doubles), one or more points per region. */
const REFERENCE: [number, number, number][] = [
  [-0.05, 0.001, -1265.6519382723434],
  [-0.05, 0.01, -21.349483053153858],
  [-0.01, 0.05, -4.177111627164134],
  [-1e-6, 0.02, -4.831040872653152],
  [-0.3, 0.5, -2.4897385740962648],
  [-2, 1, -4.866875858465913],
  [-0.5, 3, -0.43633462646003074],
  [-40, 1.2, -563.4876578433073],
  [-0.1, 0.004, -325.3829264930288],
]

describe('normalisedBlack', () => {
  test.each(REFERENCE)('b(%d, %d) matches the 40-digit reference', (x, s, lnExpected) => {
    // Relative accuracy is limited by the conditioning of the exponent, about |ln b| ulps.
    const tolerance = 4 * Number.EPSILON * (1 + Math.abs(lnExpected))
    expect(Math.abs(lnNormalisedBlack(x, s) - lnExpected)).toBeLessThan(tolerance)
    if (lnExpected > -690) {
      const expected = Math.exp(lnExpected)
      expect(Math.abs(normalisedBlack(x, s) - expected) / expected).toBeLessThan(
        tolerance + 2 * Number.EPSILON * Math.abs(lnExpected),
      )
    }
  })

  test('the reference points cover every region', () => {
    const seen = new Set<number>()
    for (const [x, s] of REFERENCE) {
      scaledNormalisedBlack(x, s)
      seen.add(scaledBlackScratch[0] as number)
    }
    expect([...seen].sort()).toEqual([Region.Asymptotic, Region.Taylor, Region.Difference, Region.Direct])
  })

  test('b is continuous across region boundaries', () => {
    // h + t = −10 (asymptotic ↔ Taylor) and t = 0.25 (Taylor ↔ difference).
    for (const [x, s] of [
      [-10.25 * 0.5, 0.5],
      [-0.2, 0.5],
      [-2, 0.5],
    ] as const) {
      const below = normalisedBlack(x, s * (1 - 1e-12))
      const above = normalisedBlack(x, s * (1 + 1e-12))
      expect(Math.abs(above - below) / below).toBeLessThan(1e-9)
    }
  })
})
