import { Decimal } from 'decimal.js'
import { Subject } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import { type OptionContract, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal } from '../journal/journal.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import type { Quote } from '../marketData/types.js'
import { type BracketOrder, bracketOrder } from '../orders/bracketOrder.js'
import { createOrderIntent } from '../orders/createOrderIntent.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import { zeroCommissionModel } from '../paper/commissionModel.js'
import { createPaperBroker } from '../paper/createPaperBroker.js'
import { memoryPaperBrokerStore } from '../paper/memoryPaperBrokerStore.js'
import { createMutableMarketView } from '../risk/mutableMarketView.js'
import { createRiskEngine } from '../risk/riskEngine.js'
import type { RiskLimitsInput } from '../risk/riskLimits.js'
import { RiskRejectedError } from '../risk/riskRejection.js'
import type { OrderLeg } from '../trading/types.js'
import { type BracketStatus, createBracketManager } from './bracketManager.js'
import type { ManagedOrder } from './managedOrder.js'
import { createOrderManager } from './orderManager.js'

const EXPIRY = '2025-11-21'
const T0 = nyTimeToMs(EXPIRY, '10:00')
const d = (value: string | number) => new Decimal(value)
const call = (strike: number): OptionContract => optionContract({ root: 'SPY', expiry: EXPIRY, strike, right: 'call' })
const LONG = call(600)
const SHORT = call(605)
const SHORT_ASK = 1.05

/** A structure under test: its entry legs, how its exit prices are written, and how to quote it at a value. */
interface Structure {
  readonly name: string
  readonly legs: OrderLeg[]
  /** Exit price in the exit order's convention for a package worth `value`. */
  readonly exitPrice: (value: number) => Decimal
}
const single: Structure = {
  name: 'long call',
  legs: [{ instrument: LONG, side: 'buy', ratio: 1 }],
  exitPrice: (value) => d(value),
}
const vertical: Structure = {
  name: 'call debit vertical',
  legs: [
    { instrument: LONG, side: 'buy', ratio: 1 },
    { instrument: SHORT, side: 'sell', ratio: 1 },
  ],
  // A combo is priced in signed net: closing the debit spread receives its value.
  exitPrice: (value) => d(-value),
}

const settle = async () => {
  for (let i = 0; i < 40; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

async function setup(limits: RiskLimitsInput = {}) {
  const clock = createVirtualClock(T0)
  const quotes = new Subject<Quote>()
  const broker = createPaperBroker({
    clock,
    quotes$: quotes,
    accountId: 'TEST',
    startingCash: 100_000,
    commission: zeroCommissionModel(),
    store: memoryPaperBrokerStore(),
  })
  const marketView = createMutableMarketView({ SPY: 600 })
  for (const contract of [LONG, SHORT]) {
    marketView.setGreeks(instrumentId(contract), { delta: 0.5, gamma: 0.05, theta: -1, vega: 0.1, rho: 0 })
  }
  const risk = createRiskEngine({ mode: 'paper', clock, limits })
  const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
  const oms = createOrderManager({ broker, risk, journal, clock, marketView, revalueIntervalMs: 0 })
  await broker.connect()
  await oms.start()
  const history: ManagedOrder[] = []
  oms.orders$.subscribe((order) => history.push(order))
  // What the bracket manager sees; usually the broker's book, but a test can let them differ (stale quotes).
  const seen = new Map<string, Quote>()
  const manager = createBracketManager({ oms, clock, quoteOf: (id) => seen.get(id) })
  const statuses: BracketStatus[] = []
  manager.brackets$.subscribe((status) => statuses.push(status))

  const publish = (contract: OptionContract, bid: number, ask: number, askSize: number, toBroker: boolean) => {
    const quote: Quote = {
      instrumentId: instrumentId(contract),
      bid,
      ask,
      bidSize: 10,
      askSize,
      timestampMs: clock.now(),
    }
    seen.set(quote.instrumentId, quote)
    marketView.setMark(quote.instrumentId, (bid + ask) / 2)
    if (toBroker) quotes.next(quote)
  }
  /** Quotes the structure so that closing it realises `value` (entering costs `value + 0.10`). */
  const market = async (
    structure: Structure,
    value: number,
    { askSize = 10, toBroker = true }: { askSize?: number; toBroker?: boolean } = {},
  ) => {
    if (structure === vertical) {
      publish(SHORT, 1, SHORT_ASK, 10, toBroker)
      publish(LONG, value + SHORT_ASK, value + SHORT_ASK + 0.05, askSize, toBroker)
    } else {
      publish(LONG, value, value + 0.05, askSize, toBroker)
    }
    await settle()
  }
  const tick = async () => {
    clock.advanceBy(1000)
    await settle()
  }
  const bracket = (structure: Structure, quantity: number, id = 'b1'): BracketOrder =>
    bracketOrder({
      entry: createOrderIntent({ clientOrderId: id, legs: structure.legs, quantity, limitPrice: d('2.1') }),
      takeProfitPrice: structure.exitPrice(3),
      stopLossPrice: structure.exitPrice(1.5),
    })
  const exits = (kind: 'sl' | 'tp') => oms.orders().filter((o) => o.clientOrderId.includes(`.${kind}.`))
  /** Largest number of exits working at once over the whole order history. */
  const mostExitsWorking = () => {
    const latest = new Map<string, ManagedOrder>()
    let most = 0
    for (const order of history) {
      latest.set(order.clientOrderId, order)
      const working = [...latest.values()].filter((o) => o.purpose === 'exit' && !isFinalStatus(o.status))
      most = Math.max(most, working.length)
    }
    return most
  }
  return { clock, broker, oms, manager, statuses, history, market, tick, settle, bracket, exits, mostExitsWorking }
}

describe.each([single, vertical])('createBracketManager with a $name', (structure) => {
  it('rests a stop for the filled quantity; a fall through it closes the position without a take-profit', async () => {
    const h = await setup()
    await h.market(structure, 2)
    const entry = await h.manager.submit(h.bracket(structure, 2))
    expect(entry.clientOrderId).toBe('b1')
    await h.settle()
    expect(h.exits('sl')).toMatchObject([
      { clientOrderId: 'b1.sl.1', status: 'submitted', quantity: 2, purpose: 'exit', closesOrderId: 'b1' },
    ])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 2, stopLossOrderId: 'b1.sl.1' }])
    await h.market(structure, 1.45)
    await h.tick()
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'filled', filledQuantity: 2 })
    expect(h.exits('tp')).toEqual([])
    expect(h.oms.positions()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'closed', openQuantity: 0 }])
  })

  it('cancels the stop before sending the take-profit, which closes the position; never both working', async () => {
    const h = await setup()
    await h.market(structure, 2)
    await h.manager.submit(h.bracket(structure, 2))
    await h.settle()
    await h.market(structure, 3.05)
    // The take-profit is synthetic: nothing happens until an evaluation.
    expect(h.exits('tp')).toEqual([])
    await h.tick()
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    expect(h.oms.order('b1.tp.1')).toMatchObject({ status: 'filled', filledQuantity: 2, timeInForce: 'IOC' })
    expect(h.oms.order('b1.tp.1')?.limitPrice?.toString()).toBe(structure.exitPrice(3).toString())
    const stopFinal = h.history.findIndex((o) => o.clientOrderId === 'b1.sl.1' && o.status === 'cancelled')
    const takeProfitFirst = h.history.findIndex((o) => o.clientOrderId === 'b1.tp.1')
    expect(stopFinal).toBeGreaterThanOrEqual(0)
    expect(takeProfitFirst).toBeGreaterThan(stopFinal)
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.oms.positions()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'closed', exitFilledQuantity: 2 }])
    expect(h.statuses.map((s) => s.phase)).toContain('taking_profit')
  })
})

describe('createBracketManager', () => {
  it('resizes the stop by cancel and replace as the entry fills more', async () => {
    const h = await setup({ maxLossPerOrder: 2000 })
    await h.market(single, 2, { askSize: 2 })
    await h.manager.submit(h.bracket(single, 5))
    await h.settle()
    expect(h.oms.order('b1')).toMatchObject({ status: 'partially_filled', filledQuantity: 2 })
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'submitted', quantity: 2 })
    await h.market(single, 2, { askSize: 2 })
    expect(h.oms.order('b1')?.filledQuantity).toBe(4)
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.2')).toMatchObject({ status: 'submitted', quantity: 4 })
    await h.market(single, 2)
    expect(h.oms.order('b1')?.status).toBe('filled')
    expect(h.exits('sl').map((o) => [o.clientOrderId, o.status, o.quantity])).toEqual([
      ['b1.sl.1', 'cancelled', 2],
      ['b1.sl.2', 'cancelled', 4],
      ['b1.sl.3', 'submitted', 5],
    ])
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 5, stopLossOrderId: 'b1.sl.3' }])
  })

  it('re-places the stop when the take-profit IOC does not fill', async () => {
    const h = await setup()
    await h.market(single, 2)
    await h.manager.submit(h.bracket(single, 2))
    await h.settle()
    // The manager's quote shows the target reached, but the broker's book has not moved: the IOC finds no buyer.
    await h.market(single, 3.05, { toBroker: false })
    await h.tick()
    expect(h.oms.order('b1.tp.1')).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.2')).toMatchObject({ status: 'submitted', quantity: 2 })
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.oms.positions()).toMatchObject([{ side: 'long', quantity: 2 }])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 2, stopLossOrderId: 'b1.sl.2' }])
  })

  it('ends a bracket whose entry risk rejects, sending no exit', async () => {
    const h = await setup({ maxContractsPerOrder: 1 })
    await h.market(single, 2)
    await expect(h.manager.submit(h.bracket(single, 2))).rejects.toBeInstanceOf(RiskRejectedError)
    await h.tick()
    expect(h.oms.orders()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([
      { phase: 'done', endReason: expect.stringContaining('contracts_per_order'), exitOrderIds: [] },
    ])
  })

  it('ends a bracket whose entry is cancelled without fills', async () => {
    const h = await setup()
    await h.market(single, 3)
    await h.manager.submit(h.bracket(single, 1))
    await h.oms.cancel('b1')
    await h.settle()
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'entry cancelled without fills' }])
    expect(h.exits('sl')).toEqual([])
  })

  it('refuses a group id twice and anything after stop', async () => {
    const h = await setup()
    await h.market(single, 3)
    const bracket = h.bracket(single, 1)
    await h.manager.submit(bracket)
    await expect(h.manager.submit(bracket)).rejects.toMatchObject({ reason: 'duplicate_client_order_id' })
    await h.manager.stop()
    await expect(h.manager.submit(h.bracket(single, 1, 'b2'))).rejects.toMatchObject({ reason: 'not_running' })
  })
})
