import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../../errors/configError.js'
import type { OptionQuote } from '../../marketData/types.js'
import { type MinVolumeFilterOptions, minVolumeFilter } from './minVolumeFilter.js'

function oq(volume?: number, openInterest?: number): OptionQuote {
  return {
    instrumentId: 'SPY   250321C00500000',
    bid: 1,
    ask: 1.1,
    bidSize: 1,
    askSize: 1,
    timestampMs: 0,
    volume,
    openInterest,
  }
}

const values = { a: oq(50, 1000), b: oq(500, 10), c: oq(500, 1000), d: oq(5, 5), m: oq(undefined, undefined) }

function check(input: string, expected: string, options: MinVolumeFilterOptions) {
  new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted)).run(({ cold, expectObservable }) => {
    expectObservable(cold(input, values).pipe(minVolumeFilter(options))).toBe(expected, values)
  })
}

describe('minVolumeFilter', () => {
  test('keeps quotes with enough volume', () => check('abcd|', '-bc-|', { minVolume: 100 }))
  test('keeps quotes with enough open interest', () => check('abcd|', 'a-c-|', { minOpenInterest: 100 }))
  test('any: one threshold is enough', () => check('abcd|', 'abc-|', { minVolume: 100, minOpenInterest: 100 }))
  test('all: every threshold must be met', () =>
    check('abcd|', '--c-|', { minVolume: 100, minOpenInterest: 100, mode: 'all' }))
  test('passes quotes without the fields by default', () => check('m|', 'm|', { minVolume: 100 }))
  test('drops quotes without the fields when asked', () => check('m|', '-|', { minVolume: 100, whenMissing: 'drop' }))
  test('requires a threshold', () => expect(() => minVolumeFilter({})).toThrow(ConfigError))
})
