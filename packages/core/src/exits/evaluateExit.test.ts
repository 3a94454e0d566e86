import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { instrumentId } from '../instruments/instrumentId.js'
import type { OpenTrade } from '../oms/openTrades.js'
import { createMutableMarketView } from '../risk/mutableMarketView.js'
import { at, leg, spy } from '../risk/testing/fixtures/riskFixtures.js'
import { evaluateExit, timeExitMs } from './evaluateExit.js'
import { parseExitRules } from './exitRules.js'

const SHORT = spy(595)
const LONG = spy(590)

/** A put credit spread sold for 1.20, four units. */
const creditSpread: OpenTrade = {
  tradeId: 'e1',
  legs: [leg(SHORT, 'sell'), leg(LONG, 'buy')],
  filledUnits: 4,
  openUnits: 4,
  workingExitUnits: 0,
  entryNetPrice: new Decimal(-1.2),
  openedAtMs: at('10:00'),
}

/** Marks giving the spread a net mark of `net` (long leg fixed at 0.50). */
function marksFor(net: number) {
  const view = createMutableMarketView()
  view.setMark(instrumentId(LONG), 0.5)
  view.setMark(instrumentId(SHORT), 0.5 - net)
  return view
}

const rules = parseExitRules()

describe('evaluateExit on crafted price paths', () => {
  it('takes 50 % profit before noon only once the credit has halved', () => {
    // net mark −1.20 → −0.80 → −0.61 → −0.60: profit 0, 33 %, 49 %, 50 %
    const path = [-1.2, -0.8, -0.61, -0.6]
    const decisions = path.map((net) => evaluateExit(creditSpread, marksFor(net), at('11:00'), rules, new Set()))
    expect(decisions.slice(0, 3)).toEqual([undefined, undefined, undefined])
    expect(decisions[3]).toMatchObject({ reason: 'take_profit', tier: 0, units: 4 })
    expect(decisions[3]?.profitFraction).toBeCloseTo(0.5, 10)
  })

  it('takes a smaller profit later in the day', () => {
    // 30 % profit: nothing at 11:00 (needs 50 %) or 13:00 (35 %), but taken at 14:30 (25 %)
    const view = marksFor(-0.84)
    expect(evaluateExit(creditSpread, view, at('11:00'), rules, new Set())).toBeUndefined()
    expect(evaluateExit(creditSpread, view, at('13:00'), rules, new Set())).toBeUndefined()
    expect(evaluateExit(creditSpread, view, at('14:30'), rules, new Set())).toMatchObject({
      reason: 'take_profit',
      tier: 2,
    })
  })

  it('finds the tier in force on every date, switching at each bound, for one rules object asked repeatedly', () => {
    // 40 % profit: below the 50 % tier before noon, above the 35 % tier from 12:00
    const view = marksFor(-0.72)
    for (const date of ['2025-06-18', '2025-06-20', '2025-06-18']) {
      const tierAt = (hhmm: string) => evaluateExit(creditSpread, view, at(hhmm, date), rules, new Set())?.tier
      expect([tierAt('11:59'), tierAt('12:00'), tierAt('13:59'), tierAt('14:00')]).toEqual([undefined, 1, 1, 2])
    }
  })

  it('does not fire a tier twice', () => {
    expect(evaluateExit(creditSpread, marksFor(-0.3), at('11:00'), rules, new Set([0]))).toBeUndefined()
  })

  it('closes the configured fraction of a tier, at least one unit', () => {
    const partial = parseExitRules({
      takeProfit: [
        { profitFraction: 0.3, closeFraction: 0.5 },
        { from: '15:00', profitFraction: 0.1, closeFraction: 0.1 },
      ],
    })
    expect(evaluateExit(creditSpread, marksFor(-0.6), at('11:00'), partial, new Set())).toMatchObject({
      tier: 0,
      units: 2,
    })
  })

  it('stops a credit spread out at a loss equal to the credit, a debit spread at half the debit', () => {
    // net mark −2.40: loss 1.20 = 100 % of the credit
    expect(evaluateExit(creditSpread, marksFor(-2.39), at('11:00'), rules, new Set())).toBeUndefined()
    expect(evaluateExit(creditSpread, marksFor(-2.4), at('11:00'), rules, new Set())).toMatchObject({
      reason: 'stop_loss',
      units: 4,
    })
    const debit: OpenTrade = {
      ...creditSpread,
      legs: [leg(SHORT, 'buy'), leg(LONG, 'sell')],
      entryNetPrice: new Decimal(2),
    }
    // value 1.00 = half the debit lost
    expect(evaluateExit(debit, marksFor(-1), at('11:00'), rules, new Set())).toMatchObject({ reason: 'stop_loss' })
    // value 3.00 = 50 % profit
    expect(evaluateExit(debit, marksFor(-3), at('11:00'), rules, new Set())).toMatchObject({ reason: 'take_profit' })
  })

  it('exits before expiration even without marks, first among the rules', () => {
    const noMarks = createMutableMarketView()
    // SPY series stop trading at 16:15; 15 minutes before is 16:00
    expect(timeExitMs(creditSpread, { minutesBefore: 15, reference: 'expiration' })).toBe(at('16:00'))
    expect(timeExitMs(creditSpread, { minutesBefore: 15, reference: 'regular_close' })).toBe(at('15:45'))
    // The default rule closes 15 minutes before the regular close.
    expect(evaluateExit(creditSpread, noMarks, at('15:44'), rules, new Set())).toBeUndefined()
    expect(evaluateExit(creditSpread, noMarks, at('15:45'), rules, new Set())).toMatchObject({
      reason: 'time_exit',
      units: 4,
    })
    expect(evaluateExit(creditSpread, marksFor(-0.1), at('15:45'), rules, new Set())).toMatchObject({
      reason: 'time_exit',
    })
  })

  it('offers only units no working exit already closes', () => {
    const reserved = { ...creditSpread, workingExitUnits: 3 }
    expect(evaluateExit(reserved, marksFor(-2.5), at('11:00'), rules, new Set())).toMatchObject({ units: 1 })
    expect(
      evaluateExit({ ...creditSpread, workingExitUnits: 4 }, marksFor(-2.5), at('11:00'), rules, new Set()),
    ).toBeUndefined()
  })

  it('can disable the stop and the time exit', () => {
    const none = parseExitRules({ stopLoss: null, timeExit: null })
    expect(evaluateExit(creditSpread, marksFor(-5), at('16:10'), none, new Set())).toBeUndefined()
  })
})
