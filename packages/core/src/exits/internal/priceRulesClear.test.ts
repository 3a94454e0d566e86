import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { OpenTrade } from '../../oms/openTrades.js'
import { legIds } from '../../orders/legIds.js'
import type { MarketView } from '../../risk/marketView.js'
import { at, leg, spy } from '../../risk/testing/fixtures/riskFixtures.js'
import { decideExit, valueTrade } from '../evaluateExit.js'
import { parseExitRules } from '../exitRules.js'
import { priceRulesClear } from './priceRulesClear.js'

const SHORT = spy(595)
const LONG = spy(590)
const rules = parseExitRules({ timeExit: null })

const trade = (entry: Decimal, ratio = 1): OpenTrade => ({
  tradeId: 'e1',
  legs: [leg(SHORT, 'sell', ratio), leg(LONG, 'buy', ratio)],
  filledUnits: 2,
  openUnits: 2,
  workingExitUnits: 0,
  entryNetPrice: entry,
  openedAtMs: at('10:00'),
})

const view = (short: number | undefined, long: number | undefined): MarketView => {
  const marks = new Map<string, number | undefined>([
    [instrumentId(SHORT), short],
    [instrumentId(LONG), long],
  ])
  return { mark: (id) => marks.get(id), greeks: () => undefined }
}

/** What the exact rules decide past the time exit. */
const decided = (t: OpenTrade, market: MarketView, nowMs: number, tiers: ReadonlySet<number>) =>
  decideExit(t, nowMs, rules, tiers, () => valueTrade(t, market))

const clear = (t: OpenTrade, market: MarketView, nowMs: number, tiers: ReadonlySet<number>) =>
  priceRulesClear(
    t,
    legIds(t.legs).map((id) => market.mark(id)),
    rules,
    nowMs,
    tiers,
  )

describe('priceRulesClear', () => {
  test('clears a trade between its stop and its tier, and not one on a threshold', () => {
    const credit = trade(new Decimal(-1.2))
    // net −0.80: 33 % profit at 11:00, below the 50 % tier and far above the stop
    expect(clear(credit, view(1.3, 0.5), at('11:00'), new Set())).toBe(true)
    // net −0.60: exactly the 50 % tier
    expect(clear(credit, view(1.1, 0.5), at('11:00'), new Set())).toBe(false)
    expect(decided(credit, view(1.1, 0.5), at('11:00'), new Set())?.reason).toBe('take_profit')
    // the same profit with the tier used: nothing can fire
    expect(clear(credit, view(1.1, 0.5), at('11:00'), new Set([0]))).toBe(true)
    // net −2.40: exactly the stop (a loss of the whole credit)
    expect(clear(credit, view(2.9, 0.5), at('11:00'), new Set())).toBe(false)
    expect(decided(credit, view(2.9, 0.5), at('11:00'), new Set())?.reason).toBe('stop_loss')
    // a leg without a mark, or a zero entry: no valuation, nothing fires
    expect(clear(credit, view(undefined, 0.5), at('11:00'), new Set())).toBe(true)
    expect(clear(trade(new Decimal(0)), view(1, 0.5), at('11:00'), new Set())).toBe(true)
    expect(clear(credit, view(Number.NaN, 0.5), at('11:00'), new Set())).toBe(false)
  })

  test('never clears a trade that the exact rules would close', () => {
    const mark = fc.oneof(
      fc.integer({ min: 0, max: 400 }).map((cents) => cents / 100),
      fc.double({ min: 0, max: 4, noNaN: true }),
      fc.constant(undefined),
    )
    const entry = fc.integer({ min: -300, max: 300 }).map((cents) => new Decimal(cents).dividedBy(100))
    const time = fc.constantFrom('09:45', '11:59', '12:00', '13:30', '14:00', '15:50').map((hhmm) => at(hhmm))
    const tiers = fc.subarray([0, 1, 2]).map((used) => new Set(used))
    fc.assert(
      fc.property(
        mark,
        mark,
        entry,
        fc.integer({ min: 1, max: 3 }),
        time,
        tiers,
        (short, long, e, ratio, nowMs, used) => {
          const t = trade(e, ratio)
          const market = view(short, long)
          if (clear(t, market, nowMs, used)) expect(decided(t, market, nowMs, used)).toBeUndefined()
        },
      ),
      { numRuns: 5000 },
    )
  })

  test('agrees with the exact rules on marks at every threshold', () => {
    // Entry 1.00 debit: the stop is at 0.50 net, the tiers at 1.50, 1.35 and 1.25; marks a hair either side.
    const t: OpenTrade = { ...trade(new Decimal(1)), legs: [leg(SHORT, 'buy'), leg(LONG, 'sell')] }
    for (const net of [0.5, 1.5, 1.35, 1.25]) {
      for (const offset of [-1e-12, 0, 1e-12]) {
        const market = view(0.5 + net + offset, 0.5)
        for (const hhmm of ['11:00', '13:00', '15:00']) {
          if (clear(t, market, at(hhmm), new Set())) expect(decided(t, market, at(hhmm), new Set())).toBeUndefined()
        }
      }
    }
    expect(clear(t, view(1.5, 0.5), at('11:00'), new Set())).toBe(true)
  })
})
