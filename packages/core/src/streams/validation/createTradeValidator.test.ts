import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import type { Trade } from '../../marketData/types.js'
import { marbleClock } from '../internal/marbleClock.js'
import { createTradeValidator } from './createTradeValidator.js'
import type { TradeValidatorOptions } from './validatorOptions.js'

function t(price: number, size: number, timestampMs: number, extra: Partial<Trade> = {}): Trade {
  return { instrumentId: 'SPY', price, size, timestampMs, source: 'sim', ...extra }
}

function check(
  input: string,
  expected: string,
  values: Record<string, unknown>,
  options: Partial<TradeValidatorOptions> = {},
) {
  const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted))
  let validator: ReturnType<typeof createTradeValidator> | undefined
  scheduler.run(({ cold, expectObservable }) => {
    validator = createTradeValidator({ clock: marbleClock(scheduler), maxAgeMs: false, spike: false, ...options })
    expectObservable(cold(input, values as Record<string, Trade>).pipe(validator.operator)).toBe(expected, values)
  })
  if (validator === undefined) throw new Error('validator not created')
  return validator.report()
}

describe('createTradeValidator', () => {
  test('drops non-positive prices and sizes', () => {
    const report = check('abcd|', 'a---|', { a: t(5, 1, 0), b: t(0, 1, 1), c: t(5, 0, 2), d: t(5, -1, 3) })
    expect(report.byRule.non_positive_price).toBe(1)
    expect(report.byRule.non_positive_size).toBe(2)
    check('c|', 'c|', { c: t(5, 0, 2) }, { requireSizes: false })
  })

  test('drops NaN prices and malformed objects', () => {
    const report = check('abc|', '---|', { a: t(Number.NaN, 1, 0), b: { price: 1 }, c: undefined })
    expect(report.byRule.not_finite).toBe(1)
    expect(report.byRule.malformed).toBe(2)
  })

  test('drops stale, out-of-order and duplicate prints', () => {
    const values = { a: t(5, 1, 10), o: t(5, 1, 9), d: t(5, 1, 10), b: t(5.01, 1, 10) }
    const report = check('aodb|', 'a--b|', values)
    expect(report.byRule.out_of_order).toBe(1)
    expect(report.byRule.duplicate_timestamp).toBe(1)
    const stale = check('-----a|', '------|', { a: t(5, 1, 0) }, { maxAgeMs: 4 })
    expect(stale.byRule.stale).toBe(1)
  })

  test('drops a price spike', () => {
    const values = { a: t(5, 1, 0), b: t(5.01, 1, 1), c: t(4.99, 1, 2), s: t(50, 1, 3), d: t(5, 1, 4) }
    const spike = { method: 'percent' as const, windowSize: 5, minSamples: 3, percent: 20 }
    const report = check('abcsd|', 'abc-d|', values, { spike })
    expect(report.byRule.spike).toBe(1)
    expect(report.bySource.sim?.accepted).toBe(4)
  })
})
