import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Quote } from '../marketData/types.js'
import type { OrderLeg } from '../trading/types.js'
import { limitPriceFor } from './limitPricePolicy.js'
import { ironCondor, verticalSpread } from './optionStructures.js'
import { UnpriceableOrderError } from './orderErrors.js'
import { packageQuote } from './packageQuote.js'

const spy = (strike: number, right: 'call' | 'put') =>
  optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right })
const spx = (strike: number) => optionContract({ root: 'SPXW', expiry: '2025-11-21', strike, right: 'call' })

function book(entries: [OrderLeg['instrument'], number, number, number?, number?][]) {
  const quotes = new Map<string, Quote>()
  for (const [instrument, bid, ask, bidSize = 10, askSize = 10] of entries) {
    const id = instrumentId(instrument)
    quotes.set(id, { instrumentId: id, bid, ask, bidSize, askSize, timestampMs: 0 })
  }
  return (id: string) => quotes.get(id)
}

const buyCall: OrderLeg[] = [{ instrument: spy(500, 'call'), side: 'buy', ratio: 1 }]
const sellCall: OrderLeg[] = [{ instrument: spy(500, 'call'), side: 'sell', ratio: 1 }]
const callQuote = book([[spy(500, 'call'), 1.2, 1.35]])

describe('single-leg policies', () => {
  test.each([
    ['mid', { kind: 'mid' }, buyCall, '1.27'],
    ['mid', { kind: 'mid' }, sellCall, '1.28'],
    ['join', { kind: 'join' }, buyCall, '1.2'],
    ['join', { kind: 'join' }, sellCall, '1.35'],
    ['cross', { kind: 'cross' }, buyCall, '1.35'],
    ['cross', { kind: 'cross' }, sellCall, '1.2'],
    ['mid + 0.2 spread', { kind: 'mid_offset', spreadFraction: 0.2 }, buyCall, '1.3'],
    ['mid + 0.2 spread', { kind: 'mid_offset', spreadFraction: 0.2 }, sellCall, '1.25'],
    ['mid − 0.5 spread', { kind: 'mid_offset', spreadFraction: -0.5 }, buyCall, '1.2'],
  ] as const)('%s for a %s', (_name, policy, legs, expected) => {
    expect(limitPriceFor({ legs, quoteOf: callQuote, policy }).toString()).toBe(expected)
  })

  test('SPX mid rounds down to the 0.10 grid above 3.00 for a buyer and up for a seller', () => {
    const quoteOf = book([[spx(5800), 3.1, 3.4]])
    const leg = (side: 'buy' | 'sell'): OrderLeg[] => [{ instrument: spx(5800), side, ratio: 1 }]
    expect(limitPriceFor({ legs: leg('buy'), quoteOf, policy: { kind: 'mid' } }).toString()).toBe('3.2')
    expect(limitPriceFor({ legs: leg('sell'), quoteOf, policy: { kind: 'mid' } }).toString()).toBe('3.3')
  })

  test('a missing quote, a crossed quote or a non-positive result is refused', () => {
    expect(() => limitPriceFor({ legs: buyCall, quoteOf: () => undefined, policy: { kind: 'mid' } })).toThrow(
      UnpriceableOrderError,
    )
    expect(() =>
      limitPriceFor({ legs: buyCall, quoteOf: book([[spy(500, 'call'), 1.4, 1.3]]), policy: { kind: 'mid' } }),
    ).toThrow(UnpriceableOrderError)
    expect(() =>
      limitPriceFor({ legs: buyCall, quoteOf: book([[spy(500, 'call'), 0, 0.01]]), policy: { kind: 'mid' } }),
    ).toThrow(/non-positive/)
  })

  test('a spread fraction beyond the touches is refused', () => {
    expect(() =>
      limitPriceFor({ legs: buyCall, quoteOf: callQuote, policy: { kind: 'mid_offset', spreadFraction: 0.6 } }),
    ).toThrow(RangeError)
  })
})

describe('combo policies from the legs', () => {
  const condor = ironCondor({
    putWing: spy(490, 'put'),
    putBody: spy(495, 'put'),
    callBody: spy(505, 'call'),
    callWing: spy(510, 'call'),
    side: 'sell',
  })
  const quoteOf = book([
    [spy(490, 'put'), 0.1, 0.12, 50, 40],
    [spy(495, 'put'), 0.8, 0.84, 30, 20],
    [spy(505, 'call'), 0.9, 0.95, 7, 9],
    [spy(510, 'call'), 0.2, 0.23, 60, 60],
  ])

  test('net bid and ask sum the legs by side and ratio', () => {
    const quote = packageQuote(condor.legs, quoteOf)
    // cost now: buy wings at ask (0.12 + 0.23), sell bodies at bid (0.80 + 0.90)
    expect(quote?.netAsk.toString()).toBe('-1.35')
    expect(quote?.netBid.toString()).toBe('-1.49')
    expect(quote?.askUnits).toBe(7)
    expect(quote?.executable).toBe(true)
  })

  test.each([
    [{ kind: 'mid' }, '-1.42'],
    [{ kind: 'join' }, '-1.49'],
    [{ kind: 'cross' }, '-1.35'],
    [{ kind: 'mid_offset', spreadFraction: 0.25 }, '-1.39'],
  ] as const)('%o gives %s', (policy, expected) => {
    expect(limitPriceFor({ legs: condor.legs, quoteOf, policy }).toString()).toBe(expected)
  })

  test('an SPX combo rounds its net toward less aggressive on the 0.05 grid', () => {
    const legs = verticalSpread({ long: spx(5800), short: spx(5810) }).legs
    const spxQuotes = book([
      [spx(5800), 5.1, 5.4],
      [spx(5810), 1.3, 1.6],
    ])
    // mid = (3.5 + 4.1) / 2 = 3.8 → on grid; cross = 4.1; mid + 0.1 spread = 3.86 → 3.85
    expect(limitPriceFor({ legs, quoteOf: spxQuotes, policy: { kind: 'mid' } }).toString()).toBe('3.8')
    expect(
      limitPriceFor({ legs, quoteOf: spxQuotes, policy: { kind: 'mid_offset', spreadFraction: 0.1 } }).toString(),
    ).toBe('3.85')
  })

  test('a ratio leg counts twice', () => {
    const legs: OrderLeg[] = [
      { instrument: spy(500, 'call'), side: 'buy', ratio: 1 },
      { instrument: spy(505, 'call'), side: 'sell', ratio: 2 },
    ]
    const quote = packageQuote(
      legs,
      book([
        [spy(500, 'call'), 2, 2.1, 10, 10],
        [spy(505, 'call'), 0.9, 1, 5, 5],
      ]),
    )
    expect(quote?.netAsk.toString()).toBe('0.3')
    expect(quote?.askUnits).toBe(2)
    expect(new Decimal(quote?.netBid ?? 0).toString()).toBe('0')
  })
})
