import { describe, expect, it } from 'vitest'
import { DEFAULT_SIM_RISK_PREMIUM } from './simConfig.js'
import {
  expectedAverageVariance,
  impliedVariance,
  type VarianceProcess,
  VIX_FAMILY,
} from './volatilityTermStructure.js'

const PROCESS: VarianceProcess = {
  meanReversionPerYear: 5,
  longRunVariance: 0.16 ** 2,
  jumpsPerYear: 0,
  meanJumpVariance: 0,
}

const termStructure = (vol: number) =>
  VIX_FAMILY.map(
    ({ days }) => 100 * Math.sqrt(impliedVariance(vol ** 2, days / 365, PROCESS, DEFAULT_SIM_RISK_PREMIUM)),
  )

describe('VIX term structure', () => {
  it('is in contango when volatility is calm', () => {
    const [vix9d = 0, vix = 0, vix3m = 0, vix6m = 0] = termStructure(0.12)
    expect(vix9d).toBeLessThan(vix)
    expect(vix).toBeLessThan(vix3m)
    expect(vix3m).toBeLessThan(vix6m)
    expect(vix).toBeGreaterThan(12)
    expect(vix).toBeLessThan(18)
  })

  it('inverts when volatility spikes', () => {
    const [vix9d = 0, vix = 0, vix3m = 0, vix6m = 0] = termStructure(0.5)
    expect(vix9d).toBeGreaterThan(vix)
    expect(vix).toBeGreaterThan(vix3m)
    expect(vix3m).toBeGreaterThan(vix6m)
  })

  it('starts at the current variance and reverts to the long run, raised by jumps', () => {
    expect(expectedAverageVariance(0.04, 1e-12, PROCESS)).toBeCloseTo(0.04, 9)
    expect(expectedAverageVariance(0.04, 100, PROCESS)).toBeCloseTo(0.0256, 3)
    const jumpy = { ...PROCESS, jumpsPerYear: 2, meanJumpVariance: 0.03 }
    expect(expectedAverageVariance(0.0256, 100, jumpy)).toBeCloseTo(0.0256 + (2 * 0.03) / 5, 3)
  })
})
