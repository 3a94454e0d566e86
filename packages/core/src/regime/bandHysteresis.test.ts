import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { BandHysteresis } from './bandHysteresis.js'

const BOUNDARIES = [15, 25, 35]

describe('BandHysteresis', () => {
  test('the first level sets the band directly, boundaries belonging to the upper band', () => {
    expect(
      new BandHysteresis(BOUNDARIES, { margin: 0.5, confirmRiseObservations: 1, confirmFallObservations: 1 }).update(25)
        .band,
    ).toBe(2)
    const bands = new BandHysteresis(BOUNDARIES, {
      margin: 0.5,
      confirmRiseObservations: 1,
      confirmFallObservations: 1,
    })
    expect(bands.update(14.99)).toEqual({ band: 0, pending: null, changedFrom: null })
  })

  test('a jump across several bands lands on the band of the confirming level', () => {
    const bands = new BandHysteresis(BOUNDARIES, {
      margin: 0.5,
      confirmRiseObservations: 2,
      confirmFallObservations: 2,
    })
    bands.update(12)
    expect(bands.update(27)).toEqual({ band: 0, pending: 2, changedFrom: null })
    expect(bands.update(40)).toEqual({ band: 3, pending: null, changedFrom: 0 })
  })

  test('a pending move in one direction is reset by a level pointing back', () => {
    const bands = new BandHysteresis(BOUNDARIES, {
      margin: 0.5,
      confirmRiseObservations: 2,
      confirmFallObservations: 2,
    })
    bands.update(20)
    bands.update(26)
    bands.update(20)
    expect(bands.update(26).changedFrom).toBeNull()
    expect(bands.update(26).changedFrom).toBe(1)
  })

  test('levels within the margin of a boundary never change the band (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BOUNDARIES),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        fc.array(fc.double({ min: -0.999, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (boundary, margin, offsets) => {
          const bands = new BandHysteresis(BOUNDARIES, {
            margin,
            confirmRiseObservations: 1,
            confirmFallObservations: 1,
          })
          const first = bands.update(boundary + (offsets[0] ?? 0) * margin).band
          for (const offset of offsets.slice(1)) {
            const state = bands.update(boundary + offset * margin)
            expect(state.band).toBe(first)
            expect(state.changedFrom).toBeNull()
          }
        },
      ),
    )
  })

  test('a level beyond the margin for the confirmation count reaches its raw band (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 50, noNaN: true }),
        fc.double({ min: 5, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (start, level, confirm) => {
          const bands = new BandHysteresis(BOUNDARIES, {
            margin: 0.5,
            confirmRiseObservations: confirm,
            confirmFallObservations: confirm,
          })
          bands.update(start)
          const clear = BOUNDARIES.every((b) => Math.abs(level - b) > 0.5)
          let state = bands.update(level)
          for (let i = 1; i < confirm; i++) state = bands.update(level)
          if (clear) expect(state.band).toBe(bands.rawBand(level))
        },
      ),
    )
  })
})
