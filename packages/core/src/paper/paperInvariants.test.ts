import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { instrumentId } from '../instruments/instrumentId.js'
import { ORDER_TRANSITIONS } from '../orders/orderStateMachine.js'
import type { Order, OrderIntent } from '../trading/types.js'
import { d, intent, type PaperHarness, paperHarness, spy } from './internal/paperTestKit.js'

const contracts = [spy(500), spy(505), spy(495, 'put')]

type Action =
  | { kind: 'quote'; leg: number; bid: number; spread: number; bidSize: number; askSize: number }
  | {
      kind: 'order'
      leg: number
      side: 'buy' | 'sell'
      quantity: number
      type: OrderIntent['type']
      offset: number
      ioc: boolean
    }
  | { kind: 'spread'; quantity: number; offset: number }
  | { kind: 'cancel'; nth: number }
  | { kind: 'modify'; nth: number; offset: number }
  | { kind: 'advance'; ms: number }

const cents = (n: number) => Math.round(n * 100) / 100
const BASE = [1.2, 0.8, 1]
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('quote' as const),
    leg: fc.integer({ min: 0, max: 2 }),
    bid: fc.integer({ min: -30, max: 30 }).map((c) => c / 100),
    spread: fc.integer({ min: 1, max: 20 }).map((c) => c / 100),
    bidSize: fc.integer({ min: 0, max: 8 }),
    askSize: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('order' as const),
    leg: fc.integer({ min: 0, max: 2 }),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    quantity: fc.integer({ min: 1, max: 6 }),
    type: fc.constantFrom('MKT' as const, 'LMT' as const, 'STP' as const, 'STP_LMT' as const),
    offset: fc.integer({ min: -30, max: 30 }).map((c) => c / 100),
    ioc: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('spread' as const),
    quantity: fc.integer({ min: 1, max: 3 }),
    offset: fc.integer({ min: -20, max: 20 }).map((c) => c / 100),
  }),
  fc.record({ kind: fc.constant('cancel' as const), nth: fc.nat() }),
  fc.record({
    kind: fc.constant('modify' as const),
    nth: fc.nat(),
    offset: fc.integer({ min: -20, max: 20 }).map((c) => c / 100),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400 }) }),
)

function orderFor(a: Extract<Action, { kind: 'order' }>, id: string, h: PaperHarness): OrderIntent {
  const contract = contracts[a.leg] ?? spy(500)
  const quote = h.broker && lastQuote.get(instrumentId(contract))
  const base = cents(Math.max((quote ?? 1) + a.offset, 0.01))
  const price = d(base.toFixed(2))
  const fields: Partial<OrderIntent> = {
    quantity: a.quantity,
    type: a.type,
    timeInForce: a.ioc && (a.type === 'MKT' || a.type === 'LMT') ? 'IOC' : 'DAY',
  }
  if (a.type === 'LMT' || a.type === 'STP_LMT') Object.assign(fields, { limitPrice: price })
  if (a.type === 'STP' || a.type === 'STP_LMT') Object.assign(fields, { stopPrice: price })
  return intent(id, [[contract, a.side]], fields)
}

const lastQuote = new Map<string, number>()

async function check(h: PaperHarness, start: Decimal): Promise<void> {
  const snapshot = await h.broker.reconcile()
  // Positions are exactly the sum of fills.
  for (const contract of contracts) {
    const id = instrumentId(contract)
    const net = h.fills
      .filter((f) => f.instrumentId === id)
      .reduce((s, f) => s + (f.side === 'buy' ? f.quantity : -f.quantity), 0)
    const position = snapshot.positions.find((p) => p.instrumentId === id)
    expect(position ? (position.side === 'long' ? position.quantity : -position.quantity) : 0).toBe(net)
  }
  // Cash is the starting cash plus every fill's cash flow and commission.
  const flows = h.fills.reduce((sum, f) => {
    const notional = f.price.times(f.quantity).times(100)
    return (f.side === 'buy' ? sum.minus(notional) : sum.plus(notional)).minus(f.commission)
  }, start)
  expect(snapshot.account.cash.toString()).toBe(flows.toString())
  // Equity = start + realised + unrealised (one session).
  const identity = start.plus(snapshot.account.realizedPnl).plus(snapshot.account.unrealizedPnl)
  expect(snapshot.account.equity.minus(identity).abs().lt('1e-9')).toBe(true)
  // No naked short options: per right, longs cover shorts.
  for (const right of ['call', 'put'] as const) {
    const net = snapshot.positions
      .filter((p) => p.instrument.kind === 'option' && p.instrument.right === right)
      .reduce((s, p) => s + (p.side === 'long' ? p.quantity : -p.quantity), 0)
    expect(net).toBeGreaterThanOrEqual(0)
  }
  // Orders: fills never exceed quantity and match the fill records; transitions are legal.
  const byOrder = new Map<string, Order[]>()
  for (const order of h.orders) byOrder.set(order.clientOrderId, [...(byOrder.get(order.clientOrderId) ?? []), order])
  for (const [id, states] of byOrder) {
    const latest = states.at(-1)
    if (!latest) continue
    expect(latest.filledQuantity).toBeLessThanOrEqual(latest.quantity)
    const legUnits = h.fills.filter((f) => f.clientOrderId === id).reduce((s, f) => s + f.quantity, 0)
    expect(legUnits).toBe(latest.filledQuantity * latest.legs.length)
    for (let i = 1; i < states.length; i++) {
      const from = states[i - 1]?.status ?? 'pending'
      const to = states[i]?.status ?? 'pending'
      expect(from === to || ORDER_TRANSITIONS[from].includes(to)).toBe(true)
    }
  }
}

test('random quotes and orders keep positions, cash, equity and orders consistent', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(action, { minLength: 5, maxLength: 40 }),
      fc.constantFrom(0, 100),
      async (actions, latencyMs) => {
        lastQuote.clear()
        const h = await paperHarness({ latencyMs, startingCash: 20_000 })
        const start = new Decimal(20_000)
        for (const [leg, contract] of contracts.entries()) {
          lastQuote.set(instrumentId(contract), BASE[leg] ?? 1)
          h.quote(contract, BASE[leg] ?? 1, cents((BASE[leg] ?? 1) + 0.05), 5, 5)
        }
        const ids: string[] = []
        for (const [index, a] of actions.entries()) {
          const settle = (promise: Promise<unknown>) => promise.catch(() => undefined)
          if (a.kind === 'quote') {
            const contract = contracts[a.leg] ?? spy(500)
            const bid = cents((BASE[a.leg] ?? 1) + a.bid)
            lastQuote.set(instrumentId(contract), bid)
            h.quote(contract, bid, cents(bid + a.spread), a.bidSize, a.askSize)
          } else if (a.kind === 'order') {
            ids.push(`o${index}`)
            void settle(h.broker.placeOrder(orderFor(a, `o${index}`, h)))
          } else if (a.kind === 'spread') {
            ids.push(`s${index}`)
            const price = d(cents(1 + a.offset).toFixed(2))
            void settle(
              h.broker.placeOrder(
                intent(
                  `s${index}`,
                  [
                    [spy(500), 'buy'],
                    [spy(505), 'sell'],
                  ],
                  { quantity: a.quantity, limitPrice: price },
                ),
              ),
            )
          } else if (a.kind === 'cancel' && ids.length > 0) {
            void settle(h.broker.cancelOrder(ids[a.nth % ids.length] ?? ''))
          } else if (a.kind === 'modify' && ids.length > 0) {
            void settle(h.broker.modifyOrder(ids[a.nth % ids.length] ?? '', { quantity: 6 + (a.nth % 3) }))
          } else if (a.kind === 'advance') {
            h.clock.advanceBy(a.ms)
          }
          await Promise.resolve()
          await check(h, start)
        }
        await h.broker.close()
      },
    ),
    { numRuns: 60 },
  )
})
