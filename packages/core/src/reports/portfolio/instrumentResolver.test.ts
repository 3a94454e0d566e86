import { describe, expect, it } from 'vitest'
import { InvalidSymbolError } from '../../instruments/instrument.js'
import { testFill } from '../internal/testFill.js'
import { instrumentFromId, multiplierOf } from './instrumentResolver.js'
import { strategyOf, UNATTRIBUTED_STRATEGY } from './strategyAttribution.js'

describe('instrumentFromId', () => {
  it('reads OSI ids as options with multiplier 100, ^ ids as indices, others as equities', () => {
    const option = instrumentFromId('SPXW  250321P05800000')
    expect(option).toMatchObject({ kind: 'option', underlying: 'SPX', strike: 5800, right: 'put' })
    expect(multiplierOf(option)).toBe(100)
    expect(instrumentFromId('^VIX')).toEqual({ kind: 'index', symbol: 'VIX' })
    expect(multiplierOf(instrumentFromId('SPY'))).toBe(1)
    expect(() => instrumentFromId('not a symbol')).toThrow(InvalidSymbolError)
  })
})

describe('strategyOf', () => {
  const fill = testFill({
    instrumentId: 'SPY',
    side: 'buy',
    quantity: 1,
    price: '1',
    timestampMs: 1,
    clientOrderId: 'ord-1',
  })

  it('looks the order up in a record, a map or a function', () => {
    expect(strategyOf(fill, { 'ord-1': 'condor' })).toBe('condor')
    expect(strategyOf(fill, new Map([['ord-1', 'fly']]))).toBe('fly')
    expect(strategyOf(fill, (f) => `s-${f.clientOrderId}`)).toBe('s-ord-1')
  })

  it('falls back to unattributed when nothing names the order', () => {
    expect(strategyOf(fill)).toBe(UNATTRIBUTED_STRATEGY)
    expect(strategyOf(fill, { other: 'x' })).toBe(UNATTRIBUTED_STRATEGY)
    const inherited = { ...fill, clientOrderId: 'toString' }
    expect(strategyOf(inherited, {})).toBe(UNATTRIBUTED_STRATEGY)
  })
})
