import { expect, test } from 'vitest'
import { storedDecimalSchema } from '../trading/storedDecimalSchema.js'
import { index, optionContract } from './instrument.js'
import { instrumentSchema } from './instrumentSchema.js'

test('a stored instrument is rebuilt through its factory', () => {
  const call = optionContract({ root: 'SPXW', expiry: '2025-11-21', strike: 5800, right: 'call' })
  expect(instrumentSchema.parse(JSON.parse(JSON.stringify(call)))).toEqual(call)
  expect(instrumentSchema.parse({ kind: 'index', symbol: 'vix' })).toEqual(index('VIX'))
})

test('a stored instrument the factories would refuse is rejected', () => {
  const bad = {
    kind: 'option',
    underlying: 'SPY',
    root: 'SPY',
    expiry: '2025-02-30',
    strike: 500,
    right: 'call',
    multiplier: 100,
  }
  expect(() => instrumentSchema.parse(bad)).toThrow(/not a real date/)
  expect(instrumentSchema.safeParse({ kind: 'future', symbol: 'ES' }).success).toBe(false)
})

test('stored money must be a finite decimal string', () => {
  expect(storedDecimalSchema.parse('1000.10').toString()).toBe('1000.1')
  for (const bad of ['Infinity', 'NaN', 'abc', '']) expect(storedDecimalSchema.safeParse(bad).success).toBe(false)
})
