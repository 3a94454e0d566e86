import { describe, expect, test } from 'vitest'
import type { Position } from '../trading/types.js'
import { d, SPY_SHARES, spy } from './internal/paperTestKit.js'
import { marginRequirement } from './marginRequirement.js'

const rules = { nakedCallStressFraction: 0.2, shortStockRequirement: 1.5 }
const held = (
  instrument: Position['instrument'],
  side: 'long' | 'short',
  quantity: number,
  multiplier = 100,
): Position => ({
  instrumentId: instrument.kind === 'option' ? `${instrument.strike}${instrument.right}` : 'SPY',
  instrument,
  side,
  quantity,
  averagePrice: d(1),
  multiplier,
})
const spot = (price: number) => (id: string) => (id === 'SPY' ? d(price) : undefined)

describe('marginRequirement', () => {
  test('long options need nothing beyond their premium', () => {
    expect(marginRequirement([held(spy(500), 'long', 3)], spot(500), rules)).toMatchObject({
      nakedShortContracts: 0,
    })
    expect(marginRequirement([held(spy(500), 'long', 3)], spot(500), rules).requirement.toString()).toBe('0')
  })

  test('a credit spread needs its width; a debit spread nothing', () => {
    const credit = [held(spy(495, 'put'), 'long', 2), held(spy(500, 'put'), 'short', 2)]
    const debit = [held(spy(500), 'long', 1), held(spy(505), 'short', 1)]
    expect(marginRequirement(credit, spot(500), rules).requirement.toString()).toBe('1000')
    expect(marginRequirement(debit, spot(500), rules).requirement.toString()).toBe('0')
  })

  test('a short iron condor needs its wider wing once, not per side', () => {
    const condor = [
      held(spy(490, 'put'), 'long', 1),
      held(spy(495, 'put'), 'short', 1),
      held(spy(505), 'short', 1),
      held(spy(515), 'long', 1),
    ]
    expect(marginRequirement(condor, spot(500), rules).requirement.toString()).toBe('1000')
  })

  test('naked shorts are counted; a naked put is cash-secured, a naked call stressed 20 % up', () => {
    const put = marginRequirement([held(spy(500, 'put'), 'short', 1)], spot(500), rules)
    expect(put).toMatchObject({ nakedShortContracts: 1 })
    expect(put.requirement.toString()).toBe('50000')
    expect(marginRequirement([held(spy(500), 'short', 1)], spot(500), rules).requirement.toString()).toBe('10000')
  })

  test('short stock needs 1.5 × its value; long stock nothing', () => {
    expect(marginRequirement([held(SPY_SHARES, 'short', 10, 1)], spot(500), rules).requirement.toString()).toBe('7500')
    expect(marginRequirement([held(SPY_SHARES, 'long', 10, 1)], spot(500), rules).requirement.toString()).toBe('0')
  })
})
