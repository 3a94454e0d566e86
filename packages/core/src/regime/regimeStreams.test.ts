import { map } from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import type { PricePoint } from '../correlation/pricePoint.js'
import { createRegimeStreams } from './regimeStreams.js'
import type { VolatilityBand } from './volatilityBand.js'
import type { RegimeChange } from './volatilityRegime.js'

function scheduler() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected))
}

/** VIX values keyed by marble letter; each is stamped with its frame so event time equals virtual time. */
function vixValues(marble: string, levels: Record<string, number>): Record<string, PricePoint> {
  const out: Record<string, PricePoint> = {}
  for (const [letter, price] of Object.entries(levels)) {
    out[letter] = { instrumentId: '^VIX', price, timestampMs: marble.indexOf(letter) }
  }
  return out
}

const change = (timestampMs: number, from: VolatilityBand, to: VolatilityBand, vix: number): RegimeChange => ({
  timestampMs,
  from,
  to,
  direction: to === 'high' ? 'rising' : 'falling',
  vix,
  previousPositionSizeFactor: from === 'high' ? 0.5 : 1,
  positionSizeFactor: to === 'high' ? 0.5 : 1,
})

describe('createRegimeStreams', () => {
  test('oscillation around a boundary does not flap; crossing by the margin and confirming does', () => {
    const input = 'abcdefghijk|'
    const levels = { a: 24, b: 25.3, c: 24.8, d: 25.4, e: 25.6, f: 24.7, g: 25.2, h: 24.4, i: 25.1, j: 24.3, k: 24.2 }
    scheduler().run(({ cold, expectObservable }) => {
      const values$ = cold(input, vixValues(input, levels))
      const { regime$, regimeChanges$ } = createRegimeStreams(values$, { sampleIntervalMs: 0 })
      expectObservable(regime$.pipe(map((r) => r.band[0]))).toBe('nnnnhhhhhhn|')
      expectObservable(regimeChanges$).toBe('----u-----d|', {
        u: change(4, 'normal', 'high', 25.6),
        d: change(10, 'high', 'normal', 24.2),
      })
    })
  })

  test('a VIX sawing ±0.4 around 15 for a whole session emits no change at all', () => {
    const input = 'ababababababababababab|'
    scheduler().run(({ cold, expectObservable }) => {
      const values$ = cold(input, {
        a: { instrumentId: '^VIX', price: 14.6, timestampMs: 0 },
        b: { instrumentId: '^VIX', price: 15.4, timestampMs: 0 },
      })
      const { regimeChanges$ } = createRegimeStreams(values$, { sampleIntervalMs: 0 })
      expectObservable(regimeChanges$).toBe('----------------------|')
    })
  })

  test('the pending band is visible while a fall is being confirmed', () => {
    const input = 'abc|'
    scheduler().run(({ cold, expectObservable }) => {
      const values$ = cold(input, vixValues(input, { a: 30, b: 20, c: 20 }))
      const { regime$ } = createRegimeStreams(values$, { sampleIntervalMs: 0 })
      expectObservable(regime$.pipe(map((r) => `${r.band}/${r.pendingBand}`))).toBe('xyz|', {
        x: 'high/null',
        y: 'high/normal',
        z: 'normal/null',
      })
    })
  })
})
