import { describe, expect, test } from 'vitest'
import { at, chainFixture } from '../strategyContext.fixture.js'
import { usableLeg } from './usableLeg.js'

const NOW = at('12:00')
const side = chainFixture({ spot: 600, nowMs: NOW, strikes: [600] }).rows[0]?.call
const filter = { nowMs: NOW, maxQuoteAgeMs: 60_000, maxSpreadFraction: 1 }

describe('usableLeg', () => {
  test('a fresh two-sided quote gives the leg with its mid and spread', () => {
    const leg = usableLeg(side, filter)
    const quote = side?.quote
    expect(leg?.contract).toBe(side?.contract)
    expect(leg?.mid).toBeCloseTo(((quote?.bid ?? 0) + (quote?.ask ?? 0)) / 2, 12)
    expect(leg?.spread).toBeCloseTo(0.02, 12)
  })

  test.each([
    ['no side', undefined],
    ['no quote', side && { ...side, quote: undefined }],
    ['no bid', side?.quote && { ...side, quote: { ...side.quote, bid: 0 } }],
    ['no ask', side?.quote && { ...side, quote: { ...side.quote, ask: 0 } }],
    ['crossed', side?.quote && { ...side, quote: { ...side.quote, bid: 5, ask: 4 } }],
    ['NaN bid', side?.quote && { ...side, quote: { ...side.quote, bid: Number.NaN } }],
    ['stale', side?.quote && { ...side, quote: { ...side.quote, timestampMs: NOW - 60_001 } }],
    ['too wide', side?.quote && { ...side, quote: { ...side.quote, bid: 0.1, ask: 1 } }],
  ])('rejects a quote with %s', (_name, candidate) => {
    expect(usableLeg(candidate, filter)).toBeUndefined()
  })
})
