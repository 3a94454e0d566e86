import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import type { Quote } from '../../marketData/types.js'
import { adaptivePriceChangeFilter, type PriceAccessors, quoteMidAccessors } from './adaptivePriceChangeFilter.js'

interface Tick {
  readonly id: string
  readonly price: number
}
const accessors: PriceAccessors<Tick> = { key: (tick) => tick.id, price: (tick) => tick.price }

function ticks(prices: readonly number[], id = 'X'): Record<string, Tick> {
  const out: Record<string, Tick> = {}
  prices.forEach((price, i) => {
    out[String.fromCharCode(97 + i)] = { id, price }
  })
  return out
}

function check(input: string, expected: string, values: Record<string, Tick>, k = 2) {
  new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted)).run(({ cold, expectObservable }) => {
    const filtered = cold(input, values).pipe(adaptivePriceChangeFilter(accessors, { k, halfLifeTicks: 1 }))
    expectObservable(filtered).toBe(expected, values)
  })
}

describe('adaptivePriceChangeFilter', () => {
  test('always emits the first value and then a one-tick move in a quiet market', () => {
    check('abcd|', 'a--d|', ticks([10, 10, 10, 10.01]))
  })

  test('suppresses moves inside recent noise and emits the move that stands out', () => {
    // Alternating ±0.10 builds σ ≈ 0.097 (half-life 1, k = 1); a 0.05 wiggle then stays silent, a 1.00 jump emits.
    const values = ticks([10, 10.1, 10, 10.1, 10, 10.05, 11])
    check('abcdefg|', 'abcde-g|', values, 1)
    // With k = 2 the threshold (2σ ≈ 0.14 after the first 0.10 change) already hides the next 0.10 move.
    check('abc|', 'ab-|', values, 2)
  })

  test('measures moves from the last emitted price, so slow drifts still emit', () => {
    const values = ticks([10, 10.004, 10.008, 10.012])
    check('abcd|', 'a--d|', values)
  })

  test('keeps separate state per key', () => {
    const values = {
      a: { id: 'A', price: 1 },
      b: { id: 'B', price: 1 },
      c: { id: 'A', price: 1 },
      d: { id: 'B', price: 2 },
    }
    check('abcd|', 'ab-d|', values)
  })

  test('passes values without a finite price', () => {
    check('ab|', 'ab|', { a: { id: 'X', price: 1 }, b: { id: 'X', price: Number.NaN } })
  })

  test('quote accessors watch the mid, or the ask when there is no bid', () => {
    const quote = { instrumentId: 'SPY', bid: 0, ask: 0.05 } as Quote
    expect(quoteMidAccessors.price(quote)).toBe(0.05)
    expect(quoteMidAccessors.price({ ...quote, bid: 0.03 })).toBeCloseTo(0.04)
  })

  test('with a heartbeat, an unchanged price passes once its key has been silent that long', () => {
    interface Timed extends Tick {
      readonly atMs: number
    }
    const timed: PriceAccessors<Timed> = { ...accessors, timeMs: (tick) => tick.atMs }
    const values: Record<string, Timed> = {
      a: { id: 'X', price: 10, atMs: 0 },
      b: { id: 'X', price: 10, atMs: 1_000 },
      c: { id: 'X', price: 10, atMs: 4_999 },
      d: { id: 'X', price: 10, atMs: 5_000 },
      e: { id: 'Y', price: 7, atMs: 5_500 },
      f: { id: 'X', price: 10, atMs: 9_000 },
      g: { id: 'X', price: 10, atMs: 10_000 },
      h: { id: 'X', price: 10, atMs: Number.NaN },
    }
    new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted)).run(({ cold, expectObservable }) => {
      const filtered = cold('abcdefgh|', values).pipe(adaptivePriceChangeFilter(timed, { heartbeatMs: 5_000 }))
      expectObservable(filtered).toBe('a--de-g-|', values)
    })
  })

  test('refuses a heartbeat without an event time to measure it', () => {
    expect(() => adaptivePriceChangeFilter(accessors, { heartbeatMs: 1_000 })).toThrow(/heartbeatMs/)
  })
})
