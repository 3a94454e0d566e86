import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import type { Clock } from '../clock/clock.js'
import { alignedSamples } from './alignedSamples.js'
import type { PricePoint } from './pricePoint.js'

function setup() {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))
  const clock: Clock = { now: () => scheduler.now(), scheduler, kind: 'virtual' }
  return { scheduler, clock }
}

const p = (instrumentId: string, price: number, timestampMs: number): PricePoint => ({
  instrumentId,
  price,
  timestampMs,
})

describe('alignedSamples', () => {
  test('emits the latest price of each instrument at every interval boundary', () => {
    const { scheduler, clock } = setup()
    scheduler.run(({ cold, expectObservable }) => {
      const prices$ = cold('--a-b 3ms c 6ms d 10ms |', {
        a: p('SPY', 500, 2),
        b: p('QQQ', 400, 4),
        c: p('SPY', 501, 8),
        d: p('IWM', 200, 15),
      })
      const samples$ = alignedSamples(
        prices$,
        { instrumentIds: ['SPY', 'QQQ', 'IWM'], intervalMs: 10, maxPriceAgeMs: 100 },
        clock,
      )
      const ids = ['SPY', 'QQQ', 'IWM']
      expectObservable(samples$).toBe('10ms x 9ms y 5ms |', {
        x: { timestampMs: 10, instrumentIds: ids, prices: [501, 400, null] },
        y: { timestampMs: 20, instrumentIds: ids, prices: [501, 400, 200] },
      })
    })
  })

  test('prices older than the age limit count as missing and late points are ignored', () => {
    const { scheduler, clock } = setup()
    scheduler.run(({ cold, expectObservable }) => {
      const prices$ = cold('a b 26ms |', { a: p('SPY', 500, 0), b: p('SPY', 499, -5) })
      const samples$ = alignedSamples(prices$, { instrumentIds: ['SPY'], intervalMs: 10, maxPriceAgeMs: 15 }, clock)
      expectObservable(samples$).toBe('10ms x 9ms y 7ms |', {
        x: { timestampMs: 10, instrumentIds: ['SPY'], prices: [500] },
        y: { timestampMs: 20, instrumentIds: ['SPY'], prices: [null] },
      })
    })
  })

  test('boundaries are epoch-aligned when the clock starts between them', () => {
    const { scheduler, clock } = setup()
    const times: number[] = []
    scheduler.run(({ cold }) => {
      const samples$ = alignedSamples(
        cold('a 30ms |', { a: p('SPY', 1, 7) }),
        { instrumentIds: ['SPY'], intervalMs: 10, maxPriceAgeMs: 100 },
        clock,
      )
      scheduler.schedule(() => samples$.subscribe((s) => times.push(s.timestampMs)), 7)
    })
    expect(times).toEqual([10, 20, 30])
  })
})
