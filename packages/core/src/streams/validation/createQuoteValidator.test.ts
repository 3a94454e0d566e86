import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../../errors/configError.js'
import type { Quote } from '../../marketData/types.js'
import { marbleClock } from '../internal/marbleClock.js'
import { createQuoteValidator } from './createQuoteValidator.js'
import type { QuoteValidatorOptions } from './validatorOptions.js'

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected))

function q(bid: number, ask: number, timestampMs: number, extra: Partial<Quote> = {}): Quote {
  return { instrumentId: 'SPY', bid, ask, bidSize: 10, askSize: 10, timestampMs, source: 'sim', ...extra }
}

/** Runs `values` through a fresh validator as marbles; returns the validator for report checks. */
function check(
  input: string,
  expected: string,
  values: Record<string, unknown>,
  options: Partial<QuoteValidatorOptions> = {},
) {
  const scheduler = newScheduler()
  let validator: ReturnType<typeof createQuoteValidator> | undefined
  scheduler.run(({ cold, expectObservable }) => {
    validator = createQuoteValidator({ clock: marbleClock(scheduler), maxAgeMs: false, spike: false, ...options })
    const source = cold(input, values as Record<string, Quote>)
    expectObservable(source.pipe(validator.operator)).toBe(expected, values)
  })
  if (validator === undefined) throw new Error('validator not created')
  return validator
}

describe('createQuoteValidator', () => {
  test('passes good quotes unchanged', () => {
    const v = check('a-b|', 'a-b|', { a: q(1, 1.1, 0), b: q(1.05, 1.15, 1) })
    expect(v.report().accepted).toBe(2)
    expect(v.report().dropped).toBe(0)
  })

  test('drops crossed quotes', () => {
    const v = check('a-x-b|', 'a---b|', { a: q(1, 1.1, 0), x: q(1.2, 1.1, 2), b: q(1, 1.1, 4) })
    expect(v.report().byRule.crossed).toBe(1)
    expect(v.report().lastByRule.crossed?.reason).toBe('bid 1.2 > ask 1.1')
  })

  test('flags locked quotes but keeps them by default', () => {
    const v = check('a-l|', 'a-l|', { a: q(1, 1.1, 0), l: q(1.1, 1.1, 2) })
    expect(v.report().byRule.locked).toBe(1)
    expect(v.report().flagged).toBe(1)
    expect(v.report().lastByRule.locked?.action).toBe('flagged')
  })

  test('drops locked quotes when lockedQuotes is drop', () => {
    const v = check('a-l|', 'a--|', { a: q(1, 1.1, 0), l: q(1.1, 1.1, 2) }, { lockedQuotes: 'drop' })
    expect(v.report().byRule.locked).toBe(1)
    expect(v.report().dropped).toBe(1)
  })

  test('keeps locked quotes uncounted when lockedQuotes is accept', () => {
    const v = check('a-l|', 'a-l|', { a: q(1, 1.1, 0), l: q(1.1, 1.1, 2) }, { lockedQuotes: 'accept' })
    expect(v.report().byRule.locked).toBe(0)
    expect(v.report().flagged).toBe(0)
    expect(v.report().dropped).toBe(0)
  })

  test('drops non-positive prices and accepts a zero bid as "no bid"', () => {
    const values = { n: q(-1, 1, 0), z: q(0, 0.05, 1, { bidSize: 0 }), m: q(1, 0, 2) }
    const v = check('nzm|', '-z-|', values)
    expect(v.report().byRule.non_positive_price).toBe(2)
    check('z|', '-|', { z: values.z }, { allowZeroBid: false })
  })

  test('drops non-positive sizes unless sizes are not required', () => {
    const values = { s: q(1, 1.1, 0, { askSize: 0 }), t: q(1, 1.1, 1, { bidSize: -1 }) }
    const v = check('st|', '--|', values)
    expect(v.report().byRule.non_positive_size).toBe(2)
    check('s|', 's|', { s: values.s }, { requireSizes: false })
  })

  test('drops NaN and infinite fields', () => {
    const v = check('ab|', '--|', { a: q(Number.NaN, 1, 0), b: q(1, Number.POSITIVE_INFINITY, 1) })
    expect(v.report().byRule.not_finite).toBe(2)
  })

  test('drops malformed inputs without throwing', () => {
    const hostile = Object.defineProperty({}, 'instrumentId', {
      get() {
        throw new Error('boom')
      },
    })
    const values = { n: null, s: 'text', m: { instrumentId: 'SPY', bid: '1' }, h: hostile, a: q(1, 1.1, 5) }
    const v = check('nsmha|', '----a|', values)
    expect(v.report().byRule.malformed).toBe(4)
    expect(v.report().lastByRule.malformed?.reason).toContain('boom')
  })

  test('drops stale quotes against the clock', () => {
    // Frame 10 with maxAgeMs 5: a quote stamped 4 is 6 ms old.
    const v = check('a 9ms s|', 'a 9ms -|', { a: q(1, 1.1, 0), s: q(1, 1.1, 4) }, { maxAgeMs: 5 })
    expect(v.report().byRule.stale).toBe(1)
  })

  test('drops quotes stamped ahead of the clock', () => {
    const v = check('af|', 'a-|', { a: q(1, 1.1, 0), f: q(1, 1.1, 5000) }, { maxFutureMs: 1000 })
    expect(v.report().byRule.future).toBe(1)
  })

  test('drops out-of-order quotes per instrument and source', () => {
    const values = {
      a: q(1, 1.1, 5),
      o: q(1, 1.1, 3),
      p: q(1, 1.1, 3, { source: 'other' }),
      i: q(1, 1.1, 3, { instrumentId: 'QQQ' }),
    }
    const v = check('aopi|', 'a-pi|', values)
    expect(v.report().byRule.out_of_order).toBe(1)
    expect(v.report().bySource.sim?.byRule.out_of_order).toBe(1)
    expect(v.report().bySource.other?.accepted).toBe(1)
  })

  test('drops identical duplicates but keeps bursts with one timestamp', () => {
    const values = { a: q(1, 1.1, 5), d: q(1, 1.1, 5), b: q(1.01, 1.1, 5) }
    const v = check('adb|', 'a-b|', values)
    expect(v.report().byRule.duplicate_timestamp).toBe(1)
    check('adb|', 'a--|', values, { duplicateTimestamps: 'drop' })
    check('adb|', 'adb|', values, { duplicateTimestamps: 'keep' })
  })

  test('compares nanosecond stamps when both ticks have them', () => {
    const values = { a: q(1, 1.1, 5, { timestampNs: 5_000_001n }), b: q(1, 1.1, 5, { timestampNs: 5_000_002n }) }
    check('ab|', 'ab|', values, { duplicateTimestamps: 'drop' })
    check('ba|', 'b-|', values)
  })

  test('drops a spike against the rolling median and accepts a level shift that holds', () => {
    const values: Record<string, Quote> = {}
    const mids = [100, 100.02, 99.98, 100.01, 99.99, 130, 100, 100.03]
    mids.forEach((mid, i) => {
      values[String.fromCharCode(97 + i)] = q(mid - 0.01, mid + 0.01, i)
    })
    const spike = { method: 'mad' as const, windowSize: 5, minSamples: 5, multiple: 10 }
    const v = check('abcdefgh|', 'abcde-gh|', values, { spike })
    expect(v.report().byRule.spike).toBe(1)
    expect(v.report().lastByRule.spike?.event).toBe(values.f)

    const shift: Record<string, Quote> = {}
    const levels = [100, 100, 100, 100, 100, 120, 120, 120, 120]
    levels.forEach((mid, i) => {
      shift[String.fromCharCode(97 + i)] = q(mid - 0.01, mid + 0.01, i)
    })
    // With a window of 5 the new level is the median once three ticks of it are in the window.
    check('abcdefghi|', 'abcde---i|', shift, { spike })
  })

  test('judges spikes only against ticks inside the time window', () => {
    const values: Record<string, Quote> = {}
    const mids = [100, 100, 100, 100, 100, 103]
    mids.forEach((mid, i) => {
      // The first five ticks are 20 s old when the sixth arrives.
      values[String.fromCharCode(97 + i)] = q(mid - 0.01, mid + 0.01, i < 5 ? i : 20_000)
    })
    const spike = { method: 'mad' as const, windowSize: 5, minSamples: 5, windowMs: 10_000 }
    check('abcdef|', 'abcde-|', { ...values, f: q(102.99, 103.01, 9) }, { spike })
    check('abcdef|', 'abcdef|', values, { spike, maxFutureMs: false })
  })

  test('percent spike rule uses the median as reference', () => {
    const values: Record<string, Quote> = {}
    const mids = [10, 10, 10, 10.5, 12]
    mids.forEach((mid, i) => {
      values[String.fromCharCode(97 + i)] = q(mid - 0.01, mid + 0.01, i)
    })
    const spike = { method: 'percent' as const, windowSize: 5, minSamples: 3, percent: 10 }
    const v = check('abcde|', 'abcd-|', values, { spike })
    expect(v.report().byRule.spike).toBe(1)
  })

  test('publishes a report after every drop', () => {
    const scheduler = newScheduler()
    scheduler.run(({ cold, expectObservable }) => {
      const validator = createQuoteValidator({ clock: marbleClock(scheduler), maxAgeMs: false, spike: false })
      const source = cold('a-x|', { a: q(1, 1.1, 0), x: q(2, 1, 1) })
      const rules = validator.quality$
      expectObservable(source.pipe(validator.operator)).toBe('a--|', { a: q(1, 1.1, 0) })
      const counts: number[] = []
      rules.subscribe((report) => counts.push(report.dropped))
      scheduler.schedule(() => expect(counts).toEqual([0, 1]), 5)
    })
  })

  test('rejects invalid options with a ConfigError', () => {
    const scheduler = newScheduler()
    expect(() => createQuoteValidator({ clock: marbleClock(scheduler), maxAgeMs: -1 })).toThrow(ConfigError)
  })
})
