import { describe, expect, test } from 'vitest'
import type { OrderLeg } from '../../trading/types.js'
import { allocateLegPrices, netOfLegPrices } from './legPriceAllocation.js'
import { d, spy } from './paperTestKit.js'

const legs = (...spec: [OrderLeg['side'], number][]): OrderLeg[] =>
  spec.map(([side, ratio], index) => ({ instrument: spy(500 + index * 5), side, ratio }))

describe('allocateLegPrices', () => {
  test('puts the extra on a bought leg of ratio 1 and keeps the net exact', () => {
    const vertical = legs(['buy', 1], ['sell', 1])
    const prices = allocateLegPrices(vertical, [d('2.1'), d('0.9')], d('0.03'))
    expect(prices?.map(String)).toEqual(['2.13', '0.9'])
    expect(netOfLegPrices(vertical, prices ?? []).toString()).toBe('1.23')
  })

  test('uses a sold leg when no bought leg has ratio 1, and never drives it to zero', () => {
    const short = legs(['sell', 1])
    expect(allocateLegPrices(short, [d('0.5')], d('0.1'))?.map(String)).toEqual(['0.4'])
    expect(allocateLegPrices(short, [d('0.05')], d('0.05'))).toBeUndefined()
  })

  test('divides across a ratio leg only when exact', () => {
    const ratio = legs(['buy', 2], ['sell', 1], ['sell', 1])
    expect(allocateLegPrices(ratio, [d('1'), d('0.03'), d('0.02')], d('0.04'))?.map(String)).toEqual([
      '1.02',
      '0.03',
      '0.02',
    ])
    expect(allocateLegPrices(legs(['buy', 3]), [d('1')], d('0.01'))).toBeUndefined()
  })
})
