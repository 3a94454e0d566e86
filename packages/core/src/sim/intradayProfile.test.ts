import { describe, expect, it } from 'vitest'
import { ACTIVITY_U_SHAPE, intradayProfile, VARIANCE_U_SHAPE } from './intradayProfile.js'

describe('intradayProfile', () => {
  it.each([
    ['activity', ACTIVITY_U_SHAPE],
    ['variance', VARIANCE_U_SHAPE],
  ])('%s averages 1 over the session and its integral matches', (_, shape) => {
    const profile = intradayProfile(shape)
    const n = 100_000
    let sum = 0
    for (let i = 0; i < n; i++) sum += profile.at((i + 0.5) / n)
    expect(sum / n).toBeCloseTo(1, 6)
    expect(profile.cumulative(0)).toBe(0)
    expect(profile.cumulative(1)).toBeCloseTo(1, 12)
    let partial = 0
    for (let i = 0; i < n / 4; i++) partial += profile.at((i + 0.5) / n) / n
    expect(profile.cumulative(0.25)).toBeCloseTo(partial, 6)
  })

  it('is U-shaped: busy at the open and close, quiet at lunch', () => {
    const profile = intradayProfile(ACTIVITY_U_SHAPE)
    const lunch = profile.at(0.5)
    expect(profile.at(0)).toBeGreaterThan(2.5 * lunch)
    expect(profile.at(1)).toBeGreaterThan(2 * lunch)
    expect(lunch).toBeLessThan(1)
  })

  it.each([
    ['activity', ACTIVITY_U_SHAPE],
    ['variance', VARIANCE_U_SHAPE],
  ])('%s samples level and integral together bit for bit as the single calls', (_, shape) => {
    const profile = intradayProfile(shape)
    const out = new Float64Array(2)
    for (let i = -10; i <= 1_010; i++) {
      const f = i / 1_000 + 1e-7 * (i % 7)
      profile.sample(f, out)
      expect(Object.is(out[0], profile.at(f))).toBe(true)
      expect(Object.is(out[1], profile.cumulative(f))).toBe(true)
    }
  })

  it('keeps the closed forms of the level and its integral, operation for operation', () => {
    const shape = VARIANCE_U_SHAPE
    const profile = intradayProfile(shape)
    const openMass = shape.openBoost * shape.openDecay * (1 - Math.exp(-1 / shape.openDecay))
    const closeMass = shape.closeBoost * shape.closeDecay * (1 - Math.exp(-1 / shape.closeDecay))
    const norm = 1 / (1 + openMass + closeMass)
    for (let i = 0; i <= 1_000; i++) {
      const x = i / 1_000
      const level =
        norm *
        (1 + shape.openBoost * Math.exp(-x / shape.openDecay) + shape.closeBoost * Math.exp((x - 1) / shape.closeDecay))
      const open = shape.openBoost * shape.openDecay * (1 - Math.exp(-x / shape.openDecay))
      const close =
        shape.closeBoost * shape.closeDecay * (Math.exp((x - 1) / shape.closeDecay) - Math.exp(-1 / shape.closeDecay))
      expect(Object.is(profile.at(x), level)).toBe(true)
      expect(Object.is(profile.cumulative(x), norm * (x + open + close))).toBe(true)
    }
  })
})
