import { describe, expect, test } from 'vitest'
import { optionContract } from '../../instruments/instrument.js'
import { at, chainFixture, strikeRange } from '../strategyContext.fixture.js'
import { legAtDistance, legAtStrike, legsOf, nearestByDelta, sameSeries } from './chainLegs.js'
import type { UsableLeg } from './usableLeg.js'

const NOW = at('12:00')
const filter = { nowMs: NOW, maxQuoteAgeMs: 60_000, maxSpreadFraction: 1 }
const chain = chainFixture({ spot: 600, nowMs: NOW, strikes: strikeRange(595, 605), vol: 0.3 })
const calls = legsOf(chain, 'call', filter)
const strikes = (legs: readonly (UsableLeg | undefined)[]) => legs.map((leg) => leg?.contract.strike)

describe('chain leg selection', () => {
  test('legsOf lists usable contracts of one right in ascending strike order', () => {
    expect(strikes(calls)).toEqual(strikeRange(595, 605).filter((k) => calls.some((c) => c.contract.strike === k)))
    expect(calls.every((leg) => leg.contract.right === 'call')).toBe(true)
    expect(calls.length).toBeGreaterThan(5)
  })

  test('nearestByDelta picks the closest |delta| and refuses a miss beyond the tolerance', () => {
    const atm = nearestByDelta(calls, 0.5, 0.1)
    expect(atm?.contract.strike).toBe(600)
    expect(nearestByDelta(calls, 0.5, 0)).toBeUndefined()
    const noGreeks = calls.map((leg) => ({ ...leg, quote: { ...leg.quote, greeks: undefined } }))
    expect(nearestByDelta(noGreeks, 0.5, 1)).toBeUndefined()
  })

  test('legAtDistance matches the width as closely as the strikes allow, narrower on ties, beyond the anchor only', () => {
    const anchor = legAtStrike(calls, 600)
    if (!anchor) throw new Error('fixture has no 600 call')
    expect(legAtDistance(calls, anchor, 2, 1)?.contract.strike).toBe(602)
    expect(legAtDistance(calls, anchor, 2, -1)?.contract.strike).toBe(598)
    const sparse = calls.filter((leg) => leg.contract.strike !== 602)
    expect(legAtDistance(sparse, anchor, 2, 1)?.contract.strike).toBe(601)
    expect(
      legAtDistance(
        calls.filter((l) => l.contract.strike <= 600),
        anchor,
        2,
        1,
      ),
    ).toBeUndefined()
  })

  test('sameSeries separates roots that settle differently', () => {
    const spx = optionContract({ root: 'SPX', expiry: '2025-06-20', strike: 6000, right: 'call' })
    const spxw = optionContract({ root: 'SPXW', expiry: '2025-06-20', strike: 6005, right: 'call' })
    expect(sameSeries(spx, spxw)).toBe(false)
    expect(sameSeries(spxw, { ...spxw, strike: 6010 })).toBe(true)
  })
})
