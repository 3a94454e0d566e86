import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Position } from '../../trading/types.js'
import { marginRequirement, type PriceLookup } from '../marginRequirement.js'
import { createMarginMemo } from './marginMemo.js'
import { createPaperQuoteBook } from './paperQuoteBook.js'
import { d, SPY_SHARES, spxw, spy } from './paperTestKit.js'

const rules = { nakedCallStressFraction: 0.2, shortStockRequirement: 1.5 }
const held = (instrument: Position['instrument'], side: 'long' | 'short', quantity: number): Position => ({
  instrumentId: instrument.kind === 'option' ? `${instrument.root}${instrument.strike}${instrument.right}` : 'SPY',
  instrument,
  side,
  quantity,
  averagePrice: d(1),
  multiplier: instrument.kind === 'option' ? 100 : 1,
})
const prices =
  (spy: number | undefined, spx: number | undefined): PriceLookup =>
  (id) =>
    id === 'SPY' && spy !== undefined ? d(spy) : id === '^SPX' && spx !== undefined ? d(spx) : undefined

describe('createMarginMemo', () => {
  test('answers like marginRequirement while the underlying moves across the highest strike', () => {
    const memo = createMarginMemo(rules)
    const nakedCall = [held(spy(500), 'short', 2), held(spy(495, 'put'), 'long', 1)]
    for (const spot of [480, 499.99, 500, 512.37, 530, 530, 505, 490]) {
      const expected = marginRequirement(nakedCall, prices(spot, undefined), rules)
      const actual = memo(nakedCall, prices(spot, undefined))
      expect(actual.requirement.toString()).toBe(expected.requirement.toString())
      expect(actual.nakedShortContracts).toBe(expected.nakedShortContracts)
    }
  })

  test('recomputes when the positions change', () => {
    const memo = createMarginMemo(rules)
    const spread = [held(spy(495, 'put'), 'long', 2), held(spy(500, 'put'), 'short', 2)]
    expect(memo(spread, prices(500, undefined)).requirement.toString()).toBe('1000')
    const wider = [held(spy(490, 'put'), 'long', 2), held(spy(500, 'put'), 'short', 2)]
    expect(memo(wider, prices(500, undefined)).requirement.toString()).toBe('2000')
    expect(memo([], prices(500, undefined)).requirement.toString()).toBe('0')
    expect(memo(spread, prices(500, undefined)).requirement.toString()).toBe('1000')
  })

  test('values short stock at each call’s price', () => {
    const memo = createMarginMemo(rules)
    const short = [held(SPY_SHARES, 'short', 10)]
    expect(memo(short, prices(500, undefined)).requirement.toString()).toBe('7500')
    expect(memo(short, prices(510, undefined)).requirement.toString()).toBe('7650')
  })

  test('equals marginRequirement over any sequence of positions and prices', () => {
    const contract = fc.oneof(
      fc
        .tuple(fc.constantFrom(490, 495, 500, 505, 510), fc.constantFrom('call' as const, 'put' as const))
        .map(([strike, right]) => spy(strike, right)),
      fc.constantFrom(spxw(5000), spxw(5050, 'put')),
    )
    const position = fc
      .tuple(contract, fc.constantFrom('long' as const, 'short' as const), fc.integer({ min: 1, max: 5 }))
      .map(([instrument, side, quantity]) => held(instrument, side, quantity))
    const book = fc.uniqueArray(position, { maxLength: 5, selector: (p) => p.instrumentId })
    const step = fc.tuple(
      fc.nat({ max: 2 }),
      fc.option(fc.double({ min: 400, max: 700, noNaN: true }), { nil: undefined }),
      fc.option(fc.double({ min: 4000, max: 7000, noNaN: true }), { nil: undefined }),
    )
    fc.assert(
      fc.property(fc.array(book, { minLength: 1, maxLength: 3 }), fc.array(step, { maxLength: 30 }), (books, steps) => {
        const memo = createMarginMemo(rules)
        for (const [which, spyPrice, spxPrice] of steps) {
          const positions = books[which % books.length] ?? []
          const lookup = prices(spyPrice, spxPrice)
          const expected = marginRequirement(positions, lookup, rules)
          const actual = memo(positions, lookup)
          expect(actual.requirement.toString()).toBe(expected.requirement.toString())
          expect(actual.nakedShortContracts).toBe(expected.nakedShortContracts)
        }
      }),
    )
  })

  test('equals marginRequirement when it skips prices it need not know, on frozen position lists', () => {
    const contract = fc.oneof(
      fc
        .tuple(fc.constantFrom(490, 495, 500, 505, 510), fc.constantFrom('call' as const, 'put' as const))
        .map(([strike, right]) => spy(strike, right)),
      fc.constantFrom(spxw(5000, 'put'), spxw(5050, 'put'), spxw(5100)),
    )
    const position = fc
      .tuple(contract, fc.constantFrom('long' as const, 'short' as const), fc.integer({ min: 1, max: 5 }))
      .map(([instrument, side, quantity]) => held(instrument, side, quantity))
    const book = fc
      .uniqueArray(position, { maxLength: 4, selector: (p) => p.instrumentId })
      .map((positions) => Object.freeze(positions))
    const side = fc.oneof(fc.double({ min: 0, max: 600, noNaN: true }), fc.constantFrom(0, 500, 505, 510))
    const step = fc.tuple(fc.nat({ max: 2 }), side, side, fc.double({ min: 4900, max: 5200, noNaN: true }))
    fc.assert(
      fc.property(fc.array(book, { minLength: 1, maxLength: 3 }), fc.array(step, { maxLength: 30 }), (books, steps) => {
        const quotes = createPaperQuoteBook()
        const memo = createMarginMemo(rules)
        for (const [which, bid, ask, spx] of steps) {
          quotes.update({ instrumentId: 'SPY', bid, ask, bidSize: 1, askSize: 1, timestampMs: 0 })
          quotes.update({ instrumentId: '^SPX', bid: spx, ask: spx, bidSize: 1, askSize: 1, timestampMs: 0 })
          const positions = books[which % books.length] ?? []
          const expected = marginRequirement(positions, quotes.markOf, rules)
          const actual = memo(positions, quotes.markOf, quotes.markUnder)
          expect(actual.requirement.toString()).toBe(expected.requirement.toString())
          expect(actual.nakedShortContracts).toBe(expected.nakedShortContracts)
        }
      }),
    )
  })

  test('does not price an underlying that stays under the highest strike', () => {
    const memo = createMarginMemo(rules)
    const nakedCall = Object.freeze([held(spy(500), 'short', 1)])
    const asked: string[] = []
    const lookup: PriceLookup = (id) => {
      asked.push(id)
      return d(490)
    }
    expect(memo(nakedCall, lookup, () => true).requirement.toString()).toBe('10000')
    expect(memo(nakedCall, lookup, () => true).requirement.toString()).toBe('10000')
    expect(asked).toEqual(['SPY'])
  })
})
