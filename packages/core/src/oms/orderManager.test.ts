import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { RetryableError } from '../errors/baseError.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal, type Journal } from '../journal/journal.js'
import type { JournalStore } from '../journal/journalStore.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import { replayJournal } from '../journal/replayJournal.js'
import { createRiskEngine, type RiskEngine } from '../risk/riskEngine.js'
import type { RiskLimitsInput } from '../risk/riskLimits.js'
import { RiskRejectedError } from '../risk/riskRejection.js'
import { type FakeBroker, fakeBroker } from '../risk/testing/fixtures/fakeBroker.js'
import { at, intent, leg, manualClock, market, putCreditSpread, spy } from '../risk/testing/fixtures/riskFixtures.js'
import { createOrderManager, type OrderManagerOptions } from './orderManager.js'
import { OrderManagerError } from './orderManagerError.js'

const priced = () =>
  market([
    { instrument: spy(595), mark: 2.0, delta: -0.3, gamma: 0.05 },
    { instrument: spy(590), mark: 0.8, delta: -0.15, gamma: 0.03 },
    { instrument: spy(600, 'call'), mark: 3.0, delta: 0.5, gamma: 0.08 },
  ])

function setup(
  fields: {
    broker?: FakeBroker
    store?: JournalStore
    limits?: RiskLimitsInput
    extra?: Partial<OrderManagerOptions>
  } = {},
) {
  const clock = manualClock(at('10:00'))
  const broker = fields.broker ?? fakeBroker({ now: () => clock.now() })
  const store = fields.store ?? createMemoryJournalStore()
  const journal = createJournal({ store, clock, mode: 'paper' })
  const risk = createRiskEngine({ mode: 'paper', clock, limits: fields.limits ?? {} })
  const marketView = priced()
  const oms = createOrderManager({ broker, risk, journal, clock, marketView, revalueIntervalMs: 0, ...fields.extra })
  return { clock, broker, store, journal, risk, marketView, oms }
}

async function kinds(journal: Journal) {
  return (await journal.read()).map((e) => e.record.kind)
}

describe('createOrderManager', () => {
  it('refuses a risk engine not built by createRiskEngine', () => {
    const { broker, journal, clock, marketView, risk } = setup()
    const fake: RiskEngine = { ...risk, check: () => ({ approved: false, rejection: { code: 'halted', message: '' } }) }
    expect(() => createOrderManager({ broker, risk: fake, journal, clock, marketView })).toThrow(OrderManagerError)
  })

  it('refuses to submit before start', async () => {
    const { oms } = setup()
    await expect(oms.submit(putCreditSpread(595, 5, 1.2), 'entry')).rejects.toMatchObject({ reason: 'not_running' })
  })

  it('records a baseline on first start', async () => {
    const { oms, journal } = setup()
    const report = await oms.start()
    expect(report.firstStart).toBe(true)
    expect(await kinds(journal)).toEqual(['baseline'])
  })

  it('journals the intent before the broker sees it, then journals the acknowledgement', async () => {
    const { oms, broker, journal } = setup()
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    const seenAtSend: string[][] = []
    const place = broker.placeOrder
    broker.placeOrder = async (sent) => {
      seenAtSend.push(await kinds(journal))
      return place(sent)
    }
    const result = await oms.submit(order, 'entry')
    expect(result.status).toBe('submitted')
    expect(seenAtSend).toEqual([['baseline', 'intent']])
    expect(await kinds(journal)).toEqual(['baseline', 'intent', 'order'])
  })

  it('sends nothing and journals nothing when risk rejects', async () => {
    const { oms, broker, journal } = setup({ limits: { maxContractsPerOrder: 1 } })
    await oms.start()
    await expect(oms.submit(putCreditSpread(595, 5, 1.2, 2), 'entry')).rejects.toBeInstanceOf(RiskRejectedError)
    expect(broker.placeCalls).toHaveLength(0)
    expect(await kinds(journal)).toEqual(['baseline'])
  })

  it('never sends the same client order id twice', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await oms.submit(order, 'entry')
    await expect(oms.submit(order, 'entry')).rejects.toMatchObject({ reason: 'duplicate_client_order_id' })
    await expect(oms.submit({ ...order, quantity: 1 }, 'exit')).rejects.toMatchObject({
      reason: 'duplicate_client_order_id',
    })
    expect(broker.placeCalls.map((c) => c.clientOrderId)).toEqual([order.clientOrderId])
  })

  it('counts an order as working before its journal write completes', async () => {
    const { oms, broker } = setup({ limits: { maxPositionsTotal: 2 } })
    await oms.start()
    const first = oms.submit(putCreditSpread(595, 5, 1.2), 'entry')
    const second = oms.submit(intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3 }), 'entry')
    await expect(second).rejects.toMatchObject({ rejection: { code: 'positions_total' } })
    await first
    expect(broker.placeCalls).toHaveLength(1)
  })

  it('does not send when the journal write fails', async () => {
    const store = createMemoryJournalStore()
    const failing: JournalStore = {
      ...store,
      append: async (row) => (row.kind === 'intent' ? Promise.reject(new Error('disk full')) : store.append(row)),
    }
    const { oms, broker } = setup({ store: failing })
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await expect(oms.submit(order, 'entry')).rejects.toMatchObject({ reason: 'journal_write_failed' })
    expect(broker.placeCalls).toHaveLength(0)
    expect(oms.order(order.clientOrderId)?.status).toBe('rejected')
  })

  it('marks permanent broker rejections as rejected', async () => {
    const { oms, broker } = setup()
    await oms.start()
    broker.rejectNext('margin')
    const order = putCreditSpread(595, 5, 1.2)
    await expect(oms.submit(order, 'entry')).rejects.toThrow(/margin/)
    expect(oms.order(order.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'rejected: margin' })
  })

  it('tracks fills into positions, cash and realised P&L, counting each fill id once', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await oms.submit(order, 'entry')
    broker.fill(order.clientOrderId, [2.0, 0.8])
    expect(oms.positions().map((p) => [p.instrumentId, p.side, p.quantity])).toEqual([
      ['SPY   250620P00590000', 'long', 1],
      ['SPY   250620P00595000', 'short', 1],
    ])
    // 200 received − 80 paid − 1.30 commission
    expect(oms.pnl().cash.toNumber()).toBe(100_118.7)
    const fill = broker.fills[0]
    if (fill) (broker.fills$ as unknown as { next(f: unknown): void }).next(fill)
    expect(oms.pnl().cash.toNumber()).toBe(100_118.7)
    expect(oms.order(order.clientOrderId)).toMatchObject({ status: 'filled', filledQuantity: 1 })
    expect(oms.order(order.clientOrderId)?.averageFillPrice?.toNumber()).toBe(-1.2)
  })

  it('halts on the daily loss limit from unrealised losses and refuses new entries', async () => {
    const { oms, broker, marketView, risk } = setup({ limits: { maxDailyLoss: 100 } })
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await oms.submit(order, 'entry')
    broker.fill(order.clientOrderId, [2.0, 0.8])
    marketView.setMark(instrumentId(spy(595)), 3.0)
    expect(oms.pnl().unrealized.toNumber()).toBe(-100)
    expect(risk.state).toMatchObject({ status: 'halted', cause: 'daily_loss_limit' })
    await expect(oms.submit(putCreditSpread(595, 5, 1.2), 'entry')).rejects.toMatchObject({
      rejection: { code: 'halted' },
    })
  })

  it('exposes open trades less the units exits closed', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const entry = putCreditSpread(595, 5, 1.2, 2)
    await oms.submit(entry, 'entry')
    broker.fill(entry.clientOrderId, [2.0, 0.8])
    const close = intent([leg(spy(595), 'buy'), leg(spy(590), 'sell')], { limitPrice: 0.6 })
    await oms.submit(close, 'exit', { closesOrderId: entry.clientOrderId })
    expect(oms.openTrades()).toMatchObject([{ tradeId: entry.clientOrderId, openUnits: 2, workingExitUnits: 1 }])
    broker.fill(close.clientOrderId, [1.0, 0.4])
    expect(oms.openTrades()).toMatchObject([{ openUnits: 1, workingExitUnits: 0 }])
    expect(oms.openTrades()[0]?.entryNetPrice.toNumber()).toBe(-1.2)
  })

  it('answers orders and open trades afresh after every order change, each call with its own array', async () => {
    const { oms, broker } = setup()
    await oms.start()
    expect(oms.orders()).toEqual([])
    expect(oms.openTrades()).toEqual([])
    const entry = putCreditSpread(595, 5, 1.2, 2)
    await oms.submit(entry, 'entry')
    expect(oms.orders().map((o) => o.status)).toEqual(['submitted'])
    expect(oms.openTrades()).toEqual([])
    broker.fill(entry.clientOrderId, [2.0, 0.8])
    expect(oms.orders().map((o) => o.status)).toEqual(['filled'])
    const trades = oms.openTrades()
    expect(trades).toMatchObject([{ tradeId: entry.clientOrderId, openUnits: 2 }])
    trades.pop()
    oms.orders().pop()
    expect(oms.openTrades()).toHaveLength(1)
    expect(oms.orders()).toHaveLength(1)
    const close = intent([leg(spy(595), 'buy'), leg(spy(590), 'sell')], { limitPrice: 0.6 })
    await oms.submit(close, 'exit', { closesOrderId: entry.clientOrderId })
    expect(oms.orders().map((o) => o.clientOrderId)).toEqual([entry.clientOrderId, close.clientOrderId])
    expect(oms.openTrades()).toMatchObject([{ openUnits: 2, workingExitUnits: 1 }])
    broker.fill(close.clientOrderId, [1.0, 0.4])
    expect(oms.openTrades()).toMatchObject([{ openUnits: 1, workingExitUnits: 0 }])
  })
})

describe('kill switch', () => {
  it('cancels open orders, flattens positions through risk as exits, and leaves trading halted', async () => {
    const { oms, broker, risk } = setup()
    await oms.start()
    const filled = putCreditSpread(595, 5, 1.2)
    await oms.submit(filled, 'entry')
    broker.fill(filled.clientOrderId, [2.0, 0.8])
    const working = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 2.5 })
    await oms.submit(working, 'entry')
    const approvedBefore = broker.placeCalls.length
    const report = await oms.killSwitch('test')
    expect(risk.state).toMatchObject({ status: 'halted', cause: 'kill_switch' })
    expect(report.cancelRequested).toEqual([working.clientOrderId])
    expect(oms.order(working.clientOrderId)?.status).toBe('cancelled')
    const flatten = broker.placeCalls.slice(approvedBefore)
    expect(flatten.map((c) => [c.legs[0]?.side, c.quantity, c.type])).toEqual([
      ['buy', 1, 'MKT'],
      ['sell', 1, 'MKT'],
    ])
    expect(report.flattenOrders).toEqual(flatten.map((c) => c.clientOrderId))
    expect(flatten.every((c) => oms.order(c.clientOrderId)?.purpose === 'exit')).toBe(true)
  })

  it('sends nothing extra when pressed twice', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const filled = putCreditSpread(595, 5, 1.2)
    await oms.submit(filled, 'entry')
    broker.fill(filled.clientOrderId, [2.0, 0.8])
    await oms.killSwitch('first')
    const calls = broker.placeCalls.length
    const second = await oms.killSwitch('second')
    expect(second).toEqual({ mode: 'paper', cancelRequested: [], flattenOrders: [], errors: [] })
    expect(broker.placeCalls).toHaveLength(calls)
  })

  it('flattens what a late cancellation frees, once', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const entry = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3, quantity: 2 })
    await oms.submit(entry, 'entry')
    broker.fill(entry.clientOrderId, [3])
    const takeProfit = intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 5, quantity: 2 })
    await oms.submit(takeProfit, 'exit')
    broker.holdCancels = true
    const report = await oms.killSwitch('test')
    expect(report.flattenOrders).toEqual([])
    broker.holdCancels = false
    await broker.cancelOrder(takeProfit.clientOrderId)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const flatten = broker.placeCalls.filter((c) => c.strategyId === 'kill-switch')
    expect(flatten.map((c) => [c.legs[0]?.side, c.quantity])).toEqual([['sell', 2]])
  })

  it('only ever sends intents the risk engine approved (no unchecked path)', async () => {
    const { oms, broker, risk } = setup({ limits: { maxContractsPerOrder: 3 } })
    const approved = new Set<string>()
    risk.events$.subscribe((e) => {
      if (e.type === 'order_approved') approved.add(e.clientOrderId)
    })
    await oms.start()
    const attempts = [
      putCreditSpread(595, 5, 1.2),
      putCreditSpread(595, 5, 1.2, 5),
      intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 3 }),
      intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3 }),
    ]
    for (const attempt of attempts) await oms.submit(attempt, 'entry').catch(() => undefined)
    const first = attempts[0]
    if (first) broker.fill(first.clientOrderId, [2.0, 0.8])
    await oms.cancel(attempts[3]?.clientOrderId ?? '')
    await oms.killSwitch('x')
    expect(broker.placeCalls.length).toBeGreaterThan(2)
    for (const call of broker.placeCalls) expect(approved.has(call.clientOrderId)).toBe(true)
    expect(Object.keys(oms).sort()).toEqual(
      [
        'cancel',
        'exposure',
        'killSwitch',
        'mode',
        'openTrades',
        'order',
        'orders',
        'orders$',
        'pnl',
        'pnl$',
        'positions',
        'positions$',
        'reconcile',
        'start',
        'stop',
        'submit',
      ].sort(),
    )
  })
})

describe('recovery', () => {
  it('adopts an order whose acknowledgement was lost', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    broker.loseNextAck()
    const order = putCreditSpread(595, 5, 1.2)
    await expect(first.oms.submit(order, 'entry')).rejects.toThrow(/connection lost/)
    await first.oms.stop()
    const second = setup({ store, broker })
    const report = await second.oms.start()
    expect(report.adopted).toEqual([order.clientOrderId])
    expect(second.oms.order(order.clientOrderId)?.status).toBe('submitted')
    expect(broker.placeCalls).toHaveLength(1)
  })

  it('marks an intent the broker never received as rejected and does not resend it', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await first.journal.append({ kind: 'intent', intent: order, purpose: 'entry' })
    await first.oms.stop()
    const second = setup({ store, broker })
    const report = await second.oms.start()
    expect(report.notSent).toEqual([order.clientOrderId])
    expect(second.oms.order(order.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'not sent before crash' })
    expect(broker.placeCalls).toHaveLength(0)
    const replay = replayJournal(await second.journal.read())
    expect(replay.orders.get(order.clientOrderId)?.status).toBe('rejected')
    await expect(second.oms.submit(order, 'entry')).rejects.toMatchObject({ reason: 'duplicate_client_order_id' })
  })

  it('re-sends a fresh never-received intent once when configured', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await first.journal.append({ kind: 'intent', intent: order, purpose: 'entry' })
    await first.oms.stop()
    const second = setup({ store, broker, extra: { resendUnsentIntents: { maxAgeMs: 60_000 } } })
    const report = await second.oms.start()
    expect(report.resent).toEqual([order.clientOrderId])
    expect(broker.placeCalls.map((c) => c.clientOrderId)).toEqual([order.clientOrderId])
  })

  it('adds fills the journal missed, never twice, and rebuilds positions and cash equal to the broker', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    const order = putCreditSpread(595, 5, 1.2, 2)
    await first.oms.submit(order, 'entry')
    broker.fill(order.clientOrderId, [2.0, 0.8], 1)
    await first.oms.stop()
    broker.fill(order.clientOrderId, [2.1, 0.85], 1)
    const second = setup({ store, broker })
    const report = await second.oms.start()
    expect(report.fillsAdded).toHaveLength(2)
    expect(report.positionMismatches).toEqual([])
    expect(report.cashDifference.isZero()).toBe(true)
    const snapshot = await broker.reconcile()
    expect(second.oms.positions()).toEqual(snapshot.positions)
    await second.oms.stop()
    const third = setup({ store, broker })
    const again = await third.oms.start()
    expect(again.fillsAdded).toEqual([])
    expect(third.oms.pnl().cash.equals(snapshot.account.cash)).toBe(true)
    expect(replayJournal(await third.journal.read()).fills).toHaveLength(4)
  })

  it('keeps a halt across restarts', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    await first.oms.killSwitch('test')
    await first.oms.stop()
    const second = setup({ store, broker })
    await second.oms.start()
    expect(second.risk.state).toMatchObject({ status: 'halted', cause: 'kill_switch' })
  })

  it('moves to reducing when positions differ from the broker', async () => {
    const store = createMemoryJournalStore()
    const broker = fakeBroker()
    const first = setup({ store, broker })
    await first.oms.start()
    await first.oms.stop()
    const order = putCreditSpread(595, 5, 1.2)
    await broker.placeOrder(order)
    broker.fill(order.clientOrderId, [2, 0.8])
    broker.fills.splice(0)
    const second = setup({ store, broker })
    const report = await second.oms.start()
    expect(report.external).toEqual([order.clientOrderId])
    expect(report.positionMismatches).toHaveLength(2)
    expect(second.risk.state.status).toBe('reducing')
  })

  it('refuses a journal of another account', async () => {
    const store = createMemoryJournalStore()
    await setup({ store, broker: fakeBroker({ accountId: 'A' }) }).oms.start()
    await expect(setup({ store, broker: fakeBroker({ accountId: 'B' }) }).oms.start()).rejects.toMatchObject({
      reason: 'account_mismatch',
    })
  })

  it('charges fills the broker has not yet reflected in buying power', async () => {
    const { oms, broker } = setup()
    await oms.start()
    broker.setAccount({ buyingPower: new Decimal(500), timestampMs: at('09:59') })
    const order = putCreditSpread(595, 5, 1.2)
    await oms.submit(order, 'entry')
    expect(oms.exposure().buyingPower.toNumber()).toBe(500)
    broker.fill(order.clientOrderId, [2.0, 0.8])
    // the broker's 500 predates the fill: the spread's 380 maximum loss is charged until it reports again
    expect(oms.exposure().buyingPower.toNumber()).toBe(120)
    broker.setAccount({ buyingPower: new Decimal(120), timestampMs: at('10:00') })
    expect(oms.exposure().buyingPower.toNumber()).toBe(120)
  })
})

describe('live reconciliation', () => {
  it('adopts an order whose acknowledgement was lost and settles one the broker never got', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const acked = putCreditSpread(595, 5, 1.2)
    broker.loseNextAck()
    await expect(oms.submit(acked, 'entry')).rejects.toThrow(/connection lost/)
    const lost = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3 })
    broker.dropNext()
    await expect(oms.submit(lost, 'entry')).rejects.toThrow(/lost on the way/)
    expect(oms.order(acked.clientOrderId)?.status).toBe('pending')
    const report = await oms.reconcile()
    expect(report.notReceived).toEqual([lost.clientOrderId])
    expect(oms.order(acked.clientOrderId)?.status).toBe('submitted')
    expect(oms.order(lost.clientOrderId)).toMatchObject({ status: 'rejected', reason: 'not received by the broker' })
  })

  it('picks up fills missed while disconnected when the broker reconnects', async () => {
    const { oms, broker } = setup()
    await oms.start()
    const order = putCreditSpread(595, 5, 1.2)
    await oms.submit(order, 'entry')
    broker.state$.next({ status: 'reconnecting', attempt: 1, error: new RetryableError('down') })
    broker.silent = true
    broker.fill(order.clientOrderId, [2.0, 0.8])
    broker.silent = false
    expect(oms.positions()).toEqual([])
    broker.state$.next({ status: 'connected', accountId: 'PAPER-1', mode: 'paper' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(oms.positions()).toEqual((await broker.reconcile()).positions)
    expect(oms.order(order.clientOrderId)?.status).toBe('filled')
  })
})

describe('trading mode', () => {
  function live(tradingMode?: OrderManagerOptions['tradingMode']) {
    const clock = manualClock(at('10:00'))
    const broker = fakeBroker({ accountId: 'U1234567', mode: 'live', now: () => clock.now() })
    const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'live' })
    const risk = createRiskEngine({ mode: 'live', clock })
    const oms = createOrderManager({
      broker,
      risk,
      journal,
      clock,
      marketView: priced(),
      revalueIntervalMs: 0,
      ...(tradingMode ? { tradingMode } : {}),
    })
    return { oms, journal, broker }
  }

  it('refuses to start live without a confirmation naming the account, touching nothing', async () => {
    const unconfirmed = live()
    await expect(unconfirmed.oms.start()).rejects.toMatchObject({
      name: 'TradingModeError',
      reason: 'broker_mode_mismatch',
    })
    expect(await unconfirmed.journal.read()).toEqual([])
    await expect(live({ mode: 'live' }).oms.start()).rejects.toMatchObject({ reason: 'live_not_confirmed' })
    await expect(
      live({ mode: 'live', liveTrading: { confirmAccountId: 'U7654321' } }).oms.start(),
    ).rejects.toMatchObject({
      reason: 'account_mismatch',
    })
  })

  it('starts live when the confirmation names the connected account', async () => {
    const { oms } = live({ mode: 'live', liveTrading: { confirmAccountId: 'U1234567' } })
    expect((await oms.start()).mode).toBe('live')
  })

  it('refuses components of different modes', () => {
    const clock = manualClock(at('10:00'))
    const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
    const risk = createRiskEngine({ mode: 'live', clock })
    expect(() => createOrderManager({ broker: fakeBroker(), risk, journal, clock, marketView: priced() })).toThrow(
      /Modes differ/,
    )
  })
})
