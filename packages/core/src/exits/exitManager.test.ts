import { describe, expect, it } from 'vitest'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal } from '../journal/journal.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import { createOrderManager } from '../oms/orderManager.js'
import { createRiskEngine } from '../risk/riskEngine.js'
import { fakeBroker } from '../risk/testing/fixtures/fakeBroker.js'
import { at, manualClock, market, putCreditSpread, spy } from '../risk/testing/fixtures/riskFixtures.js'
import { createExitManager } from './exitManager.js'
import type { ExitRulesInput } from './exitRules.js'

const SHORT = instrumentId(spy(595))
const LONG = instrumentId(spy(590))

async function setup(rules: ExitRulesInput = {}, quantity = 2) {
  const clock = manualClock(at('10:00'))
  const broker = fakeBroker({ now: () => clock.now() })
  const marketView = market([
    { instrument: spy(595), mark: 2.0, delta: -0.3, gamma: 0.05 },
    { instrument: spy(590), mark: 0.8, delta: -0.15, gamma: 0.03 },
  ])
  const risk = createRiskEngine({ mode: 'paper', clock, limits: { maxLossPerOrder: 5000 } })
  const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
  const oms = createOrderManager({ broker, risk, journal, clock, marketView, revalueIntervalMs: 0 })
  await oms.start()
  const entry = putCreditSpread(595, 5, 1.2, quantity)
  await oms.submit(entry, 'entry')
  broker.fill(entry.clientOrderId, [2.0, 0.8])
  const exits = createExitManager({ oms, marketView, clock, rules })
  /** Moves the spread's net mark (long leg fixed at 0.80). */
  const setNet = (net: number) => {
    marketView.setMark(LONG, 0.8)
    marketView.setMark(SHORT, Math.round((0.8 - net) * 100) / 100)
  }
  return { clock, broker, marketView, risk, oms, entry, exits, setNet }
}

describe('createExitManager', () => {
  it('sends one take-profit through the order manager when the path reaches 50 %', async () => {
    const { exits, setNet, broker, oms, entry } = await setup()
    const sentBefore = broker.placeCalls.length
    for (const net of [-1.1, -0.9, -0.7]) {
      setNet(net)
      expect(await exits.evaluate()).toEqual([])
    }
    setNet(-0.58)
    const [event] = await exits.evaluate()
    expect(event).toMatchObject({ outcome: 'sent', decision: { reason: 'take_profit', units: 2 } })
    const order = broker.placeCalls[sentBefore]
    expect(order?.type).toBe('LMT')
    // buys back the spread: legs reversed, net debit 0.58
    expect(order?.legs.map((l) => l.side)).toEqual(['buy', 'sell'])
    expect(order?.limitPrice?.toNumber()).toBe(0.58)
    expect(oms.order(order?.clientOrderId ?? '')).toMatchObject({ purpose: 'exit', closesOrderId: entry.clientOrderId })
    // the working exit reserves the units: evaluating again sends nothing
    expect(await exits.evaluate()).toEqual([])
    expect(broker.placeCalls).toHaveLength(sentBefore + 1)
  })

  it('values a trade afresh whenever the mark of one leg moves', async () => {
    const { exits, setNet, marketView, broker } = await setup()
    const sentBefore = broker.placeCalls.length
    setNet(-0.9)
    expect(await exits.evaluate()).toEqual([])
    expect(await exits.evaluate()).toEqual([])
    marketView.setMark(SHORT, 1.38)
    const [event] = await exits.evaluate()
    expect(event).toMatchObject({ outcome: 'sent', decision: { reason: 'take_profit', units: 2 } })
    expect(event?.decision.netMark?.toString()).toBe('-0.58')
    expect(broker.placeCalls).toHaveLength(sentBefore + 1)
  })

  it('replaces a working take-profit with a market stop when the price turns', async () => {
    const { exits, setNet, broker, oms } = await setup()
    setNet(-0.5)
    await exits.evaluate()
    const takeProfit = broker.placeCalls.at(-1)
    setNet(-2.5)
    const [event] = await exits.evaluate()
    expect(oms.order(takeProfit?.clientOrderId ?? '')?.status).toBe('cancelled')
    expect(event).toMatchObject({ outcome: 'sent', decision: { reason: 'stop_loss', units: 2 } })
    expect(broker.placeCalls.at(-1)?.type).toBe('MKT')
  })

  it('closes at the time exit even while trading is halted', async () => {
    const { exits, clock, broker, risk } = await setup()
    risk.halt('operator', 'test')
    clock.set(at('15:44'))
    expect(await exits.evaluate()).toEqual([])
    clock.set(at('15:45'))
    const [event] = await exits.evaluate()
    expect(event).toMatchObject({ outcome: 'sent', decision: { reason: 'time_exit', units: 2 } })
    expect(broker.placeCalls.at(-1)?.type).toBe('MKT')
  })

  it('cancels a take-profit that has not filled in time and prices it again', async () => {
    const { exits, setNet, broker, clock, oms } = await setup({ repriceAfterMs: 10_000 })
    setNet(-0.55)
    await exits.evaluate()
    const first = broker.placeCalls.at(-1)
    clock.advance(10_000)
    setNet(-0.5)
    const [event] = await exits.evaluate()
    expect(oms.order(first?.clientOrderId ?? '')?.status).toBe('cancelled')
    expect(event?.outcome).toBe('sent')
    expect(broker.placeCalls.at(-1)?.limitPrice?.toNumber()).toBe(0.5)
  })

  it('uses each partial tier once, and the next tier later', async () => {
    const { exits, setNet, broker, clock } = await setup(
      {
        takeProfit: [
          { until: '12:00', profitFraction: 0.3, closeFraction: 0.5 },
          { from: '12:00', profitFraction: 0.3, closeFraction: 0.5 },
        ],
        repriceAfterMs: 3_600_000,
      },
      4,
    )
    setNet(-0.8)
    const [first] = await exits.evaluate()
    expect(first?.decision).toMatchObject({ tier: 0, units: 2 })
    const firstId = broker.placeCalls.at(-1)?.clientOrderId ?? ''
    broker.fill(firstId, [0.8 + 0.8, 0.8])
    expect(await exits.evaluate()).toEqual([])
    clock.set(at('12:30'))
    const [second] = await exits.evaluate()
    expect(second?.decision).toMatchObject({ tier: 1, units: 2 })
  })

  it('evaluates on the clock once started', async () => {
    const { exits, setNet, clock, broker } = await setup({ evaluateIntervalMs: 1000 })
    exits.start()
    setNet(-0.5)
    const before = broker.placeCalls.length
    clock.advance(1000)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(broker.placeCalls.length).toBe(before + 1)
    exits.stop()
  })
})
