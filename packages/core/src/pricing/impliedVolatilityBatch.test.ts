import { describe, expect, test } from 'vitest'
import { bsPrice } from './bsPrice.js'
import { impliedVolatility } from './impliedVolatility.js'
import { impliedVolatilityBatch } from './impliedVolatilityBatch.js'
import { OptionRightCode } from './optionRightCode.js'
import { PricingInputError } from './pricingInputError.js'
import { PricingStatus } from './pricingStatus.js'

const MINUTE = 1 / 525600

function rows(values: [number, number, number, number, number, number, number][]) {
  return {
    right: Int8Array.from(values, (row) => row[0]),
    price: Float64Array.from(values, (row) => row[1]),
    spot: Float64Array.from(values, (row) => row[2]),
    strike: Float64Array.from(values, (row) => row[3]),
    timeYears: Float64Array.from(values, (row) => row[4]),
    rate: Float64Array.from(values, (row) => row[5]),
    dividendYield: Float64Array.from(values, (row) => row[6]),
  }
}

describe('impliedVolatilityBatch', () => {
  test('each row equals the scalar result and carries its status', () => {
    const good = bsPrice('call', 500, 502, 30 * MINUTE, 0.18, 0.05, 0.013)
    const input = rows([
      [OptionRightCode.Call, good, 500, 502, 30 * MINUTE, 0.05, 0.013],
      [OptionRightCode.Put, 1, 500, 502, 0, 0.05, 0.013],
      [OptionRightCode.Put, 0.5, 500, 510, 0.01, 0, 0],
      [OptionRightCode.Call, 600, 500, 510, 0.01, 0, 0],
      [OptionRightCode.Call, Number.NaN, 500, 510, 0.01, 0, 0],
      [7, 1, 500, 510, 0.01, 0, 0],
    ])
    const iv = new Float64Array(6).fill(-1)
    const status = new Uint8Array(6).fill(99)
    expect(impliedVolatilityBatch(input, iv, status)).toBe(1)
    const scalar = impliedVolatility('call', good, 500, 502, 30 * MINUTE, 0.05, 0.013)
    expect(scalar.ok && scalar.iv).toBe(iv[0])
    expect(Math.abs((iv[0] as number) - 0.18)).toBeLessThan(1e-14)
    expect([...status]).toEqual([
      PricingStatus.Ok,
      PricingStatus.Expired,
      PricingStatus.BelowIntrinsic,
      PricingStatus.AboveMaximum,
      PricingStatus.InvalidInput,
      PricingStatus.InvalidInput,
    ])
    expect([...iv.slice(1)]).toEqual([0, 0, 0, 0, 0])
  })

  test('mismatched lengths and short outputs throw', () => {
    const input = rows([[OptionRightCode.Call, 1, 500, 502, 0.01, 0.05, 0]])
    expect(() =>
      impliedVolatilityBatch({ ...input, strike: new Float64Array(2) }, new Float64Array(1), new Uint8Array(1)),
    ).toThrow(PricingInputError)
    expect(() => impliedVolatilityBatch(input, new Float64Array(0), new Uint8Array(1))).toThrow(PricingInputError)
    expect(() => impliedVolatilityBatch(input, new Float64Array(1), new Uint8Array(0))).toThrow(PricingInputError)
  })
})
