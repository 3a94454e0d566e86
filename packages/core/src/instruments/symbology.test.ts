import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fromIbContract, toIbContract } from './ibContract.js'
import { equity, InvalidSymbolError, index, type OptionContract, optionContract } from './instrument.js'
import { instrumentId } from './instrumentId.js'
import { parseMassiveTicker, toMassiveTicker } from './massiveSymbol.js'
import { formatOccSymbol, parseOccSymbol } from './occSymbol.js'

const rootArb = fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/)
const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const strikeArb = fc.integer({ min: 1, max: 99_999_999 }).map((milli) => milli / 1000)
const contractArb: fc.Arbitrary<OptionContract> = fc
  .record({
    root: rootArb,
    expiry: dateArb,
    strike: strikeArb,
    right: fc.constantFrom('call' as const, 'put' as const),
  })
  .map((input) => optionContract(input))

describe('OCC/OSI symbols', () => {
  test('formats the 21-character padded form', () => {
    const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
    expect(formatOccSymbol(call)).toBe('SPY   251121C00500000')
    const put = optionContract({ root: 'SPXW', expiry: '2025-11-21', strike: 5812.5, right: 'put' })
    expect(formatOccSymbol(put)).toBe('SPXW  251121P05812500')
  })

  test('parses padded and compact forms, deriving the underlying from the root', () => {
    const spxw = parseOccSymbol('SPXW  251121P05812500')
    expect(spxw).toEqual({
      kind: 'option',
      underlying: 'SPX',
      root: 'SPXW',
      expiry: '2025-11-21',
      strike: 5812.5,
      right: 'put',
      multiplier: 100,
    })
    expect(parseOccSymbol('SPY251121C00500000')).toEqual(parseOccSymbol('SPY   251121C00500000'))
  })

  test('rejects malformed symbols with a typed error', () => {
    for (const bad of ['', 'SPY', 'SPY   251121X00500000', 'SPY   251131C00500000', 'SP Y  251121C00500000']) {
      expect(() => parseOccSymbol(bad)).toThrow(InvalidSymbolError)
    }
  })

  test('format ∘ parse is the identity for every valid contract', () => {
    fc.assert(
      fc.property(contractArb, (contract) => {
        const osi = formatOccSymbol(contract)
        expect(osi).toHaveLength(21)
        expect(parseOccSymbol(osi)).toEqual(contract)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('Massive tickers', () => {
  test('maps options, indices and stocks', () => {
    const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
    expect(toMassiveTicker(call)).toBe('O:SPY251121C00500000')
    expect(toMassiveTicker(index('VIX'))).toBe('I:VIX')
    expect(toMassiveTicker(equity('spy'))).toBe('SPY')
    expect(parseMassiveTicker('I:VIX9D')).toEqual(index('VIX9D'))
    expect(() => parseMassiveTicker('X:BTCUSD')).toThrow(InvalidSymbolError)
  })

  test('round-trips every valid contract', () => {
    fc.assert(
      fc.property(contractArb, (contract) => {
        expect(parseMassiveTicker(toMassiveTicker(contract))).toEqual(contract)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('IB contract fields', () => {
  test('SPXW option maps to symbol SPX with trading class SPXW', () => {
    expect(toIbContract(parseOccSymbol('SPXW  251121C05800000'))).toEqual({
      symbol: 'SPX',
      secType: 'OPT',
      exchange: 'SMART',
      currency: 'USD',
      lastTradeDateOrContractMonth: '20251121',
      strike: 5800,
      right: 'C',
      multiplier: '100',
      tradingClass: 'SPXW',
    })
    expect(toIbContract(index('VIX'))).toEqual({ symbol: 'VIX', secType: 'IND', exchange: 'CBOE', currency: 'USD' })
    expect(toIbContract(equity('SPY')).secType).toBe('STK')
  })

  test('round-trips every valid contract, index and equity', () => {
    fc.assert(
      fc.property(contractArb, (contract) => {
        expect(fromIbContract(toIbContract(contract))).toEqual(contract)
      }),
      { numRuns: 2000 },
    )
    expect(fromIbContract(toIbContract(index('VIX3M')))).toEqual(index('VIX3M'))
    expect(fromIbContract(toIbContract(equity('IWM')))).toEqual(equity('IWM'))
  })

  test('an option without expiry is rejected', () => {
    expect(() => fromIbContract({ symbol: 'SPY', secType: 'OPT', exchange: 'SMART', currency: 'USD' })).toThrow(
      InvalidSymbolError,
    )
  })
})

describe('instrument ids and validation', () => {
  test('canonical ids', () => {
    expect(instrumentId(equity('SPY'))).toBe('SPY')
    expect(instrumentId(index('VIX'))).toBe('^VIX')
    expect(instrumentId(parseOccSymbol('QQQ251121P00480000'))).toBe('QQQ   251121P00480000')
  })

  test('rejects bad contract fields', () => {
    const base = { root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' as const }
    expect(() => optionContract({ ...base, strike: 0 })).toThrow(InvalidSymbolError)
    expect(() => optionContract({ ...base, strike: 500.0001 })).toThrow(InvalidSymbolError)
    expect(() => optionContract({ ...base, expiry: '2025-02-30' })).toThrow(InvalidSymbolError)
    expect(() => optionContract({ ...base, root: 'TOOLONGX' })).toThrow(InvalidSymbolError)
    expect(() => optionContract({ ...base, multiplier: 0 })).toThrow(InvalidSymbolError)
    expect(() => equity('sp y')).toThrow(InvalidSymbolError)
  })
})
