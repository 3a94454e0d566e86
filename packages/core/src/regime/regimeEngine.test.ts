import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { PricePoint } from '../correlation/pricePoint.js'
import { ConfigError } from '../errors/configError.js'
import { createRegimeEngine } from './regimeEngine.js'

const vix = (price: number, timestampMs: number): PricePoint => ({ instrumentId: '^VIX', price, timestampMs })
const at = (instrumentId: string, price: number, timestampMs: number): PricePoint => ({
  instrumentId,
  price,
  timestampMs,
})

describe('createRegimeEngine', () => {
  test('the percentile matches a brute-force mid-rank over the rolling window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1000, max: 4000 }), { minLength: 1, maxLength: 150 }),
        (windowLength, cents) => {
          const engine = createRegimeEngine({ sampleIntervalMs: 0, percentileWindowObservations: windowLength })
          const levels = cents.map((c) => c / 100)
          levels.forEach((level, i) => {
            const regime = engine.update(vix(level, i))?.regime
            const window = levels.slice(Math.max(0, i + 1 - windowLength), i + 1)
            const below = window.filter((v) => v < level).length
            const equal = window.filter((v) => v === level).length
            expect(regime?.percentile).toBeCloseTo((100 * (below + equal / 2)) / window.length, 9)
            expect(regime?.percentileObservations).toBe(window.length)
          })
        },
      ),
      { numRuns: 150 },
    )
  })

  test('the slope of a linear rise is exact in vol points per hour, and absent until the window is full', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 30_000, slopeWindowObservations: 10 })
    const updates = Array.from({ length: 12 }, (_, k) => engine.update(vix(15 + 0.05 * k, k * 30_000)))
    expect(updates[8]?.regime).toMatchObject({ slopePerHour: null, slopeReason: 'insufficient_data' })
    // 0.05 points every 30 s = 6 points per hour.
    expect(updates[11]?.regime.slopePerHour).toBeCloseTo(6, 9)
    expect(updates[11]?.regime.slopeReason).toBeNull()
  })

  test('a flat VIX has a zero slope, a falling one a negative slope', () => {
    const flat = createRegimeEngine({ sampleIntervalMs: 0, slopeWindowObservations: 3 })
    const falling = createRegimeEngine({ sampleIntervalMs: 0, slopeWindowObservations: 3 })
    let flatSlope: number | null = null
    let fallingSlope: number | null = null
    for (let k = 0; k < 3; k++) {
      flatSlope = flat.update(vix(20, k * 60_000))?.regime.slopePerHour ?? null
      fallingSlope = falling.update(vix(20 - k, k * 60_000))?.regime.slopePerHour ?? null
    }
    expect(flatSlope).toBe(0)
    expect(fallingSlope).toBeCloseTo(-60, 9)
  })

  test('only the first VIX value of each sample interval is an observation', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 30_000 })
    expect(engine.update(vix(15, 29_000))).not.toBeNull()
    expect(engine.update(vix(15.1, 29_500))).toBeNull()
    expect(engine.update(vix(15.2, 30_000))?.regime.vix).toBe(15.2)
    expect(engine.update(vix(15.3, 59_999))).toBeNull()
  })

  test('the term structure uses fresh values of the other series only', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 0, maxSeriesAgeMs: 60_000 })
    expect(engine.update(at('^VIX9D', 30, 0))).toBeNull()
    engine.update(at('^VIX3M', 25, 50_000))
    engine.update(at('^VIX6M', 24, 50_000))
    const early = engine.update(vix(28, 55_000))?.regime
    expect(early?.termStructure.vix9dVix?.ratio).toBeCloseTo(30 / 28, 12)
    expect(early?.termStructure).toMatchObject({ shape: 'backwardation', inverted: true })
    const late = engine.update(vix(28, 100_000))?.regime
    expect(late?.values.vix9d).toBeNull()
    expect(late?.termStructure.vix9dVix).toBeNull()
    expect(late?.termStructure.vixVix3m?.ratio).toBeCloseTo(28 / 25, 12)
  })

  test('late, foreign, non-positive and non-finite values are ignored', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 0 })
    engine.update(vix(15, 1_000))
    expect(engine.update(vix(40, 500))).toBeNull()
    expect(engine.update(at('SPY', 500, 2_000))).toBeNull()
    expect(engine.update(vix(0, 2_000))).toBeNull()
    expect(engine.update(vix(Number.NaN, 2_000))).toBeNull()
    expect(engine.update(vix(15.5, 2_000))?.regime.percentileObservations).toBe(2)
  })

  test('a band change carries the size factors of both bands', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 0, positionSizeFactors: { high: 0.4 } })
    expect(engine.update(vix(20, 0))?.regime).toMatchObject({ band: 'normal', positionSizeFactor: 1 })
    const update = engine.update(vix(27, 1))
    expect(update?.change).toEqual({
      timestampMs: 1,
      from: 'normal',
      to: 'high',
      direction: 'rising',
      vix: 27,
      previousPositionSizeFactor: 1,
      positionSizeFactor: 0.4,
    })
    expect(update?.regime.positionSizeFactor).toBe(0.4)
  })

  test('an extreme VIX cuts size to a quarter by default', () => {
    const engine = createRegimeEngine({ sampleIntervalMs: 0 })
    expect(engine.update(vix(41, 0))?.regime).toMatchObject({ band: 'extreme', positionSizeFactor: 0.25 })
  })

  test('invalid configs are refused with the offending field named', () => {
    expect(() => createRegimeEngine({ bands: { lowBelow: 30 } })).toThrow(ConfigError)
    expect(() => createRegimeEngine({ positionSizeFactors: { high: 1.5 } })).toThrow(/positionSizeFactors.high/)
    expect(() => createRegimeEngine({ hysteresis: { marginVolPoints: 5 } })).toThrow(/marginVolPoints/)
    expect(() => createRegimeEngine({ hysteresis: { confirmFallObservations: 0 } })).toThrow(ConfigError)
  })
})
