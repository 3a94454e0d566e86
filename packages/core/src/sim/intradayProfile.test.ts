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
})
