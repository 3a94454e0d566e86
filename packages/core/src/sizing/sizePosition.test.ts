import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { parseRiskLimits } from '../risk/riskLimits.js'
import { lookupFactor } from './factorTable.js'
import { sizePosition } from './sizePosition.js'
import { parseSizingConfig } from './sizingConfig.js'

const config = parseSizingConfig()
const base = { equity: new Decimal(100_000), maxLossPerUnit: new Decimal(380), confidence: 0.75, vix: 16 }

describe('default factor tables', () => {
  it('follow the original project’s VIX table, taking the smaller factor on boundaries', () => {
    const vix = config.vixFactors
    expect([10, 11.99, 12, 19.99, 20, 24.99, 25, 29.99, 30, 45].map((v) => lookupFactor(vix, v))).toEqual([
      1.1, 1.1, 1, 1, 0.9, 0.9, 0.7, 0.7, 0.5, 0.5,
    ])
  })

  it('scale by confidence and correlation', () => {
    expect([0.5, 0.7, 0.8, 0.9, 1].map((c) => lookupFactor(config.confidenceFactors, c))).toEqual([1, 1.25, 1.5, 2, 2])
    expect([0.1, 0.3, 0.6, 0.8, 0.95].map((c) => lookupFactor(config.correlationFactors, c))).toEqual([
      1.2, 1, 0.75, 0.5, 0.5,
    ])
  })

  it('map non-finite input to the smallest factor', () => {
    expect(lookupFactor(config.vixFactors, Number.NaN)).toBe(0.5)
  })
})

describe('sizePosition', () => {
  it('risks a fraction of equity against the maximum loss, scaled by the factors', () => {
    // 100 000 × 1 % × 1.25 = 1250 → floor(1250 / 380) = 3
    const result = sizePosition(base, config)
    expect(result).toMatchObject({
      contracts: 3,
      limitedBy: 'budget',
      factors: { regime: 1, confidence: 1.25, correlation: 1, combined: 1.25 },
    })
    expect(result.riskBudget.toNumber()).toBe(1250)
  })

  it('shrinks in high volatility and with correlated positions', () => {
    expect(sizePosition({ ...base, vix: 35 }, config).contracts).toBe(1)
    expect(sizePosition({ ...base, correlation: -0.9 }, config).contracts).toBe(1)
  })

  it('accepts a regime factor computed elsewhere', () => {
    expect(sizePosition({ ...base, vix: undefined, regimeFactor: 0 }, config)).toMatchObject({
      contracts: 0,
      limitedBy: 'no_budget',
    })
  })

  it('caps the combined factor', () => {
    const result = sizePosition({ ...base, vix: 10, confidence: 0.95, correlation: 0.1 }, config)
    expect(result.factors.combined).toBe(2)
  })

  it('sizes to zero below the confidence minimum or when one unit is not covered', () => {
    expect(sizePosition({ ...base, confidence: 0.6 }, config)).toMatchObject({
      contracts: 0,
      limitedBy: 'low_confidence',
    })
    expect(sizePosition({ ...base, maxLossPerUnit: new Decimal(1251) }, config)).toMatchObject({
      contracts: 0,
      limitedBy: 'no_budget',
    })
  })

  it('never rounds up to the minimum', () => {
    const strict = parseSizingConfig({ minContracts: 4 })
    expect(sizePosition(base, strict)).toMatchObject({ contracts: 0, limitedBy: 'below_minimum' })
  })

  it('respects maxContracts and the risk limits', () => {
    const rich = { ...base, equity: new Decimal(10_000_000) }
    expect(sizePosition(rich, config)).toMatchObject({ contracts: 10, limitedBy: 'max_contracts' })
    const limits = parseRiskLimits({ maxContractsPerOrder: 8, maxLossPerOrder: 2000 })
    expect(sizePosition(rich, config, limits)).toMatchObject({ contracts: 5, limitedBy: 'risk_max_loss' })
    expect(
      sizePosition(
        { ...rich, maxLegRatio: 2 },
        config,
        parseRiskLimits({ maxContractsPerOrder: 8, maxLossPerOrder: 1e9 }),
      ),
    ).toMatchObject({
      contracts: 4,
      limitedBy: 'risk_contracts',
    })
  })

  it('refuses a non-positive maximum loss', () => {
    expect(() => sizePosition({ ...base, maxLossPerUnit: new Decimal(0) }, config)).toThrow(/positive maximum loss/)
  })

  it('rejects invalid config', () => {
    expect(() => parseSizingConfig({ minContracts: 5, maxContracts: 2 })).toThrow(ConfigError)
    expect(() => parseSizingConfig({ riskFraction: 0.5 })).toThrow(ConfigError)
  })

  it('never risks more than the budget and always returns an integer in range (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 5, max: 80, noNaN: true }),
        fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
        (equity, lossCents, confidence, vix, correlation) => {
          const input = {
            equity: new Decimal(equity),
            maxLossPerUnit: new Decimal(lossCents).div(100),
            confidence,
            vix,
            ...(correlation === undefined ? {} : { correlation }),
          }
          const result = sizePosition(input, config)
          expect(Number.isInteger(result.contracts)).toBe(true)
          expect(result.contracts).toBeGreaterThanOrEqual(0)
          expect(result.contracts).toBeLessThanOrEqual(config.maxContracts)
          expect(input.maxLossPerUnit.times(result.contracts).lte(result.riskBudget)).toBe(true)
          if (result.contracts > 0) expect(result.contracts).toBeGreaterThanOrEqual(config.minContracts)
        },
      ),
    )
  })
})
