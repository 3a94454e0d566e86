import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderMaxLoss } from './orderMaxLoss.js'
import { leg, SPY_SHARES, spy } from './testing/fixtures/riskFixtures.js'

const loss = (result: ReturnType<typeof orderMaxLoss>) =>
  result.kind === 'defined' ? result.maxLossPerUnit.toNumber() : `undefined: ${result.reason}`

describe('orderMaxLoss', () => {
  it('charges a put credit spread its width less the credit', () => {
    const result = orderMaxLoss([leg(spy(595), 'sell'), leg(spy(590), 'buy')], new Decimal(-1.2))
    expect(loss(result)).toBe(380)
    expect(result.kind === 'defined' && result.maxGainPerUnit?.toNumber()).toBe(120)
  })

  it('charges a call debit spread its debit', () => {
    const result = orderMaxLoss([leg(spy(600, 'call'), 'buy'), leg(spy(605, 'call'), 'sell')], new Decimal(2.1))
    expect(loss(result)).toBe(210)
    expect(result.kind === 'defined' && result.maxGainPerUnit?.toNumber()).toBe(290)
  })

  it('charges an iron condor its wider wing less the credit', () => {
    const legs = [
      leg(spy(590), 'buy'),
      leg(spy(595), 'sell'),
      leg(spy(605, 'call'), 'sell'),
      leg(spy(615, 'call'), 'buy'),
    ]
    expect(loss(orderMaxLoss(legs, new Decimal(-2)))).toBe(800)
  })

  it('charges a long option its premium with unbounded gain for calls', () => {
    const result = orderMaxLoss([leg(spy(600, 'call'), 'buy')], new Decimal(3.5))
    expect(loss(result)).toBe(350)
    expect(result.kind === 'defined' && result.maxGainPerUnit).toBeNull()
  })

  it('reports a naked short call as undefined risk', () => {
    expect(loss(orderMaxLoss([leg(spy(600, 'call'), 'sell')], new Decimal(-2)))).toMatch(/unbounded/)
  })

  it('bounds a naked short put by the strike', () => {
    expect(loss(orderMaxLoss([leg(spy(600), 'sell')], new Decimal(-2)))).toBe(59_800)
  })

  it('bounds long shares by their price and reports short shares as undefined', () => {
    expect(loss(orderMaxLoss([leg(SPY_SHARES, 'buy')], new Decimal(600)))).toBe(600)
    expect(loss(orderMaxLoss([leg(SPY_SHARES, 'sell')], new Decimal(-600)))).toMatch(/short shares/)
  })

  it('refuses to guess for calendars with a short leg, but bounds long-only calendars', () => {
    const short = leg(spy(600, 'call', '2025-06-20'), 'sell')
    const long = leg(spy(600, 'call', '2025-06-27'), 'buy')
    expect(loss(orderMaxLoss([short, long], new Decimal(1)))).toMatch(/several underlyings, expiries/)
    expect(loss(orderMaxLoss([leg(spy(600, 'call', '2025-06-20'), 'buy'), long], new Decimal(4)))).toBe(400)
  })

  it('counts ratios: a 1x2 call ratio spread is unbounded', () => {
    expect(
      loss(orderMaxLoss([leg(spy(600, 'call'), 'buy'), leg(spy(605, 'call'), 'sell', 2)], new Decimal(0))),
    ).toMatch(/unbounded/)
  })

  it('equals the worst payoff over every spot when defined (property)', () => {
    const legArb = fc.record({
      strike: fc.integer({ min: 560, max: 640 }),
      right: fc.constantFrom('call' as const, 'put' as const),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      ratio: fc.integer({ min: 1, max: 3 }),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(legArb, { minLength: 1, maxLength: 4, selector: (l) => `${l.strike}${l.right}` }),
        fc.integer({ min: -500, max: 500 }),
        (legSpecs, netCents) => {
          const legs = legSpecs.map((l) => leg(spy(l.strike, l.right), l.side, l.ratio))
          const result = orderMaxLoss(legs, new Decimal(netCents).div(100))
          // Strikes are integers, so the piecewise-linear payoff's minimum on [0, 700] lies on an integer spot.
          let worst = 0
          for (let spot = 0; spot <= 700; spot++) {
            let payoff = -netCents
            for (const l of legSpecs) {
              const intrinsic = l.right === 'call' ? Math.max(0, spot - l.strike) : Math.max(0, l.strike - spot)
              payoff += (l.side === 'buy' ? 1 : -1) * l.ratio * 100 * intrinsic
            }
            worst = Math.max(worst, -payoff)
          }
          const callSlope = legSpecs
            .filter((l) => l.right === 'call')
            .reduce((sum, l) => sum + (l.side === 'buy' ? l.ratio : -l.ratio), 0)
          if (callSlope < 0) expect(result.kind).toBe('undefined')
          else expect(result.kind === 'defined' && result.maxLossPerUnit.toNumber()).toBeCloseTo(worst, 6)
        },
      ),
    )
  })
})
