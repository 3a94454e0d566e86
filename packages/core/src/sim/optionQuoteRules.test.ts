import { describe, expect, it } from 'vitest'
import { centredBidCents, optionSpreadTicks, optionTickCents } from './optionQuoteRules.js'

describe('option quote rules', () => {
  it('quotes penny classes in pennies at every price and others in nickels from $3', () => {
    expect(optionTickCents(0.5, 'penny_all')).toBe(1)
    expect(optionTickCents(25, 'penny_all')).toBe(1)
    expect(optionTickCents(2.99, 'penny_below_3')).toBe(1)
    expect(optionTickCents(3, 'penny_below_3')).toBe(5)
  })

  it('widens the spread with the premium', () => {
    expect(optionSpreadTicks(0.02, 1)).toBe(1)
    expect(optionSpreadTicks(2, 1)).toBe(1)
    expect(optionSpreadTicks(10, 1)).toBe(4)
    expect(optionSpreadTicks(10, 5)).toBe(1)
  })

  it('keeps the theoretical price inside the quote and the bid non-negative', () => {
    for (let theo = 0; theo < 20; theo += 0.0137) {
      const tick = optionTickCents(theo, 'penny_below_3')
      const ticks = optionSpreadTicks(theo, tick)
      const bid = centredBidCents(theo, ticks, tick)
      const ask = bid + ticks * tick
      expect(bid).toBeGreaterThanOrEqual(0)
      expect(bid % tick).toBe(0)
      expect(bid / 100).toBeLessThanOrEqual(theo + 1e-9)
      expect(ask / 100).toBeGreaterThanOrEqual(theo - 1e-9)
    }
  })
})
