import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { redeemApproval } from './internal/approvalRegistry.js'
import { createRiskEngine } from './riskEngine.js'
import type { RiskEvent } from './riskEvent.js'
import type { RiskState } from './riskState.js'
import { RiskStateError } from './riskStateError.js'
import {
  at,
  exposure,
  intent,
  leg,
  manualClock,
  market,
  position,
  putCreditSpread,
  spy,
} from './testing/fixtures/riskFixtures.js'

const priced = market([
  { instrument: spy(595), mark: 2.0, delta: -0.3, gamma: 0.05 },
  { instrument: spy(590), mark: 0.8, delta: -0.15, gamma: 0.03 },
])

function setup(limits = {}) {
  const clock = manualClock(at('10:00'))
  const risk = createRiskEngine({ mode: 'paper', clock, limits })
  const states: RiskState[] = []
  const events: RiskEvent[] = []
  risk.riskState$.subscribe((state) => states.push(state))
  risk.events$.subscribe((event) => events.push(event))
  return { clock, risk, states, events }
}

const pnl = (total: number, date = '2025-06-20') => ({ date, realized: new Decimal(total), unrealized: new Decimal(0) })

describe('createRiskEngine', () => {
  it('starts active and approves an order within limits with a single-use approval', () => {
    const { risk, events } = setup()
    expect(risk.state.status).toBe('active')
    const decision = risk.check({
      intent: putCreditSpread(595, 5, 1.2),
      purpose: 'entry',
      exposure: exposure(),
      market: priced,
    })
    expect(decision.approved).toBe(true)
    if (!decision.approved) return
    expect(Object.isFrozen(decision.approval.intent)).toBe(true)
    expect(Object.isFrozen(decision.approval.intent.legs)).toBe(true)
    expect(redeemApproval(decision.approval)).toBe(true)
    expect(redeemApproval(decision.approval)).toBe(false)
    expect(events.map((e) => e.type)).toEqual(['order_approved'])
  })

  it('refuses forged approvals', () => {
    const forged = { intent: putCreditSpread(595, 5, 1.2), purpose: 'entry' as const, approvedAtMs: 0 }
    expect(redeemApproval(forged)).toBe(false)
  })

  it('approves a frozen copy, so mutating the caller object afterwards changes nothing', () => {
    const { risk } = setup()
    const order = putCreditSpread(595, 5, 1.2)
    const legs = order.legs as unknown as { side: string }[]
    const decision = risk.check({ intent: order, purpose: 'entry', exposure: exposure(), market: priced })
    const first = legs[0]
    if (first) first.side = 'buy'
    expect(decision.approved && decision.approval.intent.legs[0]?.side).toBe('sell')
  })

  it('counts approved entries against the rate limit on the clock', () => {
    const { risk, clock } = setup({ maxOrdersPerWindow: 2, rateWindowMs: 1_000 })
    const check = () =>
      risk.check({ intent: putCreditSpread(595, 5, 1.2), purpose: 'entry', exposure: exposure(), market: priced })
    expect(check().approved).toBe(true)
    expect(check().approved).toBe(true)
    const third = check()
    expect(!third.approved && third.rejection.code).toBe('rate_limit')
    clock.advance(1_000)
    expect(check().approved).toBe(true)
  })

  it('halts when the daily loss reaches the limit, warning once at 75 %', () => {
    const { risk, events } = setup({ maxDailyLoss: 1000 })
    risk.updateDailyPnl(pnl(-700))
    expect(events).toHaveLength(0)
    risk.updateDailyPnl(pnl(-750))
    risk.updateDailyPnl(pnl(-800))
    expect(events.filter((e) => e.type === 'daily_loss_warning')).toHaveLength(1)
    expect(risk.state.status).toBe('active')
    risk.updateDailyPnl({ date: '2025-06-20', realized: new Decimal(-400), unrealized: new Decimal(-600) })
    expect(risk.state).toMatchObject({ status: 'halted', cause: 'daily_loss_limit', dailyLossDate: '2025-06-20' })
  })

  it('judges the same P&L objects reported again like new ones, on each date', () => {
    const { risk, events } = setup({ maxDailyLoss: 1000 })
    const realized = new Decimal(-500)
    const unrealized = new Decimal(-300)
    for (const date of ['2025-06-20', '2025-06-20', '2025-06-23', '2025-06-23']) {
      risk.updateDailyPnl({ date, realized, unrealized })
    }
    expect(
      events.filter((e) => e.type === 'daily_loss_warning').map((e) => e.type === 'daily_loss_warning' && e.date),
    ).toEqual(['2025-06-20', '2025-06-23'])
    expect(risk.state.status).toBe('active')
    const worse = new Decimal(-500)
    risk.updateDailyPnl({ date: '2025-06-23', realized, unrealized: worse })
    expect(risk.state).toMatchObject({ status: 'halted', cause: 'daily_loss_limit' })
  })

  it('never halts on gains', () => {
    const { risk, events } = setup({ maxDailyLoss: 1000 })
    risk.updateDailyPnl(pnl(1_000_000))
    risk.updateDailyPnl(pnl(0))
    expect(risk.state.status).toBe('active')
    expect(events).toHaveLength(0)
  })

  it('refuses entries but approves reducing exits while halted', () => {
    const { risk } = setup()
    risk.halt('kill_switch', 'test')
    const held = exposure({ positions: [position(spy(595), -1), position(spy(590), 1)] })
    const entry = risk.check({ intent: putCreditSpread(595, 5, 1.2), purpose: 'entry', exposure: held, market: priced })
    expect(!entry.approved && entry.rejection.code).toBe('halted')
    const close = intent([leg(spy(595), 'buy'), leg(spy(590), 'sell')], { limitPrice: 1.3 })
    expect(risk.check({ intent: close, purpose: 'exit', exposure: held, market: priced }).approved).toBe(true)
  })

  it('keeps a daily-loss halt for the rest of the day, then allows resume', () => {
    const { risk, clock } = setup({ maxDailyLoss: 100 })
    risk.updateDailyPnl(pnl(-100))
    expect(() => risk.resume('try')).toThrow(RiskStateError)
    clock.set(at('09:00', '2025-06-23'))
    risk.resume('new day')
    expect(risk.state.status).toBe('active')
  })

  it('moves active → reducing → active on operator request and emits each change', () => {
    const { risk, states } = setup()
    risk.reduceOnly('news')
    risk.reduceOnly('again')
    risk.resume('done')
    expect(states.map((s) => s.status)).toEqual(['active', 'reducing', 'active'])
  })

  it('restores only stricter states', () => {
    const { risk } = setup()
    risk.reduceOnly('x')
    risk.restore({ status: 'active', cause: 'start', note: '', sinceMs: 0 })
    expect(risk.state.status).toBe('reducing')
    risk.restore({ status: 'halted', cause: 'daily_loss_limit', note: 'loss', sinceMs: 0, dailyLossDate: '2025-06-20' })
    expect(risk.state).toMatchObject({ status: 'halted', cause: 'daily_loss_limit', dailyLossDate: '2025-06-20' })
    expect(() => risk.resume('same day')).toThrow(RiskStateError)
  })
})
