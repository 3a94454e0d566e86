import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../errors/configError.js'
import { annualizedReturn } from './annualizedReturn.js'
import { calmarRatio } from './calmarRatio.js'
import { sharpeRatio } from './sharpeRatio.js'
import { sortinoRatio } from './sortinoRatio.js'

// Returns r = [0.01, −0.01, 0.02, 0], P = 252 (√252 = 15.874508).
//   rf = 0:  mean 0.005; deviations 0.005, −0.015, 0.015, −0.005 → Σ² = 0.0005; sample sd = √(0.0005/3) = 0.0129099
//            Sharpe = 0.005 / 0.0129099 × 15.874508 = 6.148170
//            downside: only −0.01 → √(0.0001/4) = 0.005; Sortino = 0.005 / 0.005 × 15.874508 = 15.874508
//   rf = 2.52 % a year → 0.0001 a period: excess [0.0099, −0.0101, 0.0199, −0.0001], mean 0.0049, sd unchanged
//            Sharpe = 0.0049 / 0.0129099 × 15.874508 = 6.025207
//            downside √((0.0101² + 0.0001²)/4) = 0.00505025; Sortino = 0.0049 / 0.00505025 × 15.874508 = 15.402233
const returns = [0.01, -0.01, 0.02, 0]

describe('sharpeRatio', () => {
  it('annualises mean over sample standard deviation', () => {
    expect(sharpeRatio(returns)).toBeCloseTo(6.14817, 5)
  })

  it('subtracts the simple per-period risk-free rate', () => {
    expect(sharpeRatio(returns, { periodsPerYear: 252, riskFreeRateAnnual: 0.0252 })).toBeCloseTo(6.025207, 5)
  })

  it('is null for constant returns and for fewer than two returns', () => {
    expect(sharpeRatio([0.01, 0.01, 0.01])).toBeNull()
    expect(sharpeRatio([0.01])).toBeNull()
    expect(sharpeRatio([])).toBeNull()
  })

  it('rejects a non-positive annualisation factor', () => {
    expect(() => sharpeRatio(returns, { periodsPerYear: 0 })).toThrow(ConfigError)
  })
})

describe('sortinoRatio', () => {
  it('divides by the downside deviation over all periods', () => {
    expect(sortinoRatio(returns)).toBeCloseTo(15.874508, 5)
    expect(sortinoRatio(returns, { riskFreeRateAnnual: 0.0252 })).toBeCloseTo(15.402233, 5)
  })

  it('is null when no period is below the target', () => {
    expect(sortinoRatio([0.01, 0.02, 0])).toBeNull()
  })
})

describe('annualizedReturn and calmarRatio', () => {
  // +8.9 % over 3 quarterly periods: 1.089^(4/3) − 1 = 0.1203933; with a 10 % drawdown Calmar = 1.203933
  it('compounds to a year and divides by the drawdown', () => {
    const annual = annualizedReturn(0.089, 3, 4)
    expect(annual).toBeCloseTo(0.1203933, 6)
    expect(calmarRatio(annual, 0.1)).toBeCloseTo(1.203933, 5)
  })

  it('is null without periods, after a total loss, or without a drawdown', () => {
    expect(annualizedReturn(0.1, 0, 252)).toBeNull()
    expect(annualizedReturn(-1, 10, 252)).toBeNull()
    expect(calmarRatio(0.2, 0)).toBeNull()
    expect(calmarRatio(null, 0.1)).toBeNull()
  })
})
