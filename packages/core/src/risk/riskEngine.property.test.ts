// Model-based property test: random intents, fills, price moves, clock moves and state commands go through the
// real order manager and risk engine to a fake broker. Every order that reaches the broker is re-checked against
// every limit by an independent oracle written here (brute-force payoffs, direct sums), with the state as it was
// when the order was accepted.
import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OptionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal } from '../journal/journal.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import { createOrderManager } from '../oms/orderManager.js'
import type { Order, OrderIntent, OrderLeg } from '../trading/types.js'
import { createRiskEngine } from './riskEngine.js'
import { parseRiskLimits } from './riskLimits.js'
import { fakeBroker } from './testing/fixtures/fakeBroker.js'
import { at, DAY, manualClock, market, spy } from './testing/fixtures/riskFixtures.js'

const UNIVERSE: OptionContract[] = [
  spy(590, 'put'),
  spy(595, 'put'),
  spy(600, 'put'),
  spy(600, 'call'),
  spy(605, 'call'),
  spy(610, 'call'),
  spy(595, 'put', '2025-06-27'),
]

const LIMITS = parseRiskLimits({
  maxContractsPerOrder: 5,
  maxNotionalPerOrder: 2500,
  maxPositionsPerSymbol: 4,
  maxPositionsTotal: 5,
  maxPortfolioDeltaDollars: 120_000,
  maxPortfolioGammaDollars: 200_000,
  maxOrdersPerWindow: 4,
  rateWindowMs: 120_000,
  maxLossPerOrder: 1500,
  maxDailyLoss: 60,
})

/** Structures that often pass: put credit spread, call debit spread, call credit spread, long put, long call. */
const STRUCTURES: { legs: [number, 'buy' | 'sell'][] }[] = [
  {
    legs: [
      [1, 'sell'],
      [0, 'buy'],
    ],
  },
  {
    legs: [
      [3, 'buy'],
      [4, 'sell'],
    ],
  },
  {
    legs: [
      [4, 'sell'],
      [5, 'buy'],
    ],
  },
  { legs: [[2, 'buy']] },
  { legs: [[6, 'buy']] },
  { legs: [[5, 'buy']] },
]
const INITIAL_MARKS = [0.8, 1.5, 3.0, 3.0, 1.2, 0.4, 4.0]
const INITIAL_DELTAS = [-0.15, -0.3, -0.5, 0.5, 0.3, 0.1, -0.3]

type Command =
  | { kind: 'spread'; which: number; quantity: number; market: boolean; offsetCents: number }
  | {
      kind: 'submit'
      legs: { index: number; side: 'buy' | 'sell'; ratio: number }[]
      quantity: number
      market: boolean
      cents: number
      exit: boolean
    }
  | { kind: 'close'; position: number; fraction: number; market: boolean }
  | { kind: 'fill'; order: number; fraction: number }
  | { kind: 'mark'; index: number; mark: number; delta: number; gamma: number }
  | { kind: 'spot'; spot: number }
  | { kind: 'shock'; fraction: number }
  | { kind: 'time'; minutes: number }
  | { kind: 'buyingPower'; amount: number }
  | { kind: 'state'; action: 'reduce' | 'resume' | 'kill' }
  | { kind: 'cancel'; order: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('spread' as const),
      which: fc.integer({ min: 0, max: STRUCTURES.length - 1 }),
      quantity: fc.integer({ min: 1, max: 4 }),
      market: fc.boolean(),
      offsetCents: fc.integer({ min: -40, max: 40 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      legs: fc.uniqueArray(
        fc.record({
          index: fc.integer({ min: 0, max: UNIVERSE.length - 1 }),
          side: fc.constantFrom('buy' as const, 'sell' as const),
          ratio: fc.integer({ min: 1, max: 2 }),
        }),
        { minLength: 1, maxLength: 3, selector: (l) => l.index },
      ),
      quantity: fc.integer({ min: 1, max: 7 }),
      market: fc.boolean(),
      cents: fc.integer({ min: -600, max: 900 }),
      exit: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      position: fc.nat(10),
      fraction: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
      market: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('fill' as const),
      order: fc.nat(20),
      fraction: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      index: fc.integer({ min: 0, max: UNIVERSE.length - 1 }),
      mark: fc.integer({ min: 5, max: 1200 }).map((c) => c / 100),
      delta: fc.double({ min: -1, max: 1, noNaN: true }),
      gamma: fc.double({ min: 0, max: 0.3, noNaN: true }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spot' as const), spot: fc.integer({ min: 585, max: 615 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('shock' as const),
      fraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), minutes: fc.integer({ min: 0, max: 90 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('buyingPower' as const), amount: fc.integer({ min: 0, max: 5000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('state' as const),
      action: fc.constantFrom('reduce' as const, 'resume' as const, 'kill' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(20) }) },
)

const sign = (side: 'buy' | 'sell') => (side === 'buy' ? 1 : -1)

/** Brute-force expiry payoff of one unit in dollars (spot on a 1-dollar grid; strikes are whole dollars). */
function worstLoss(legs: readonly OrderLeg[], signedNet: number): number | 'unbounded' {
  const payoff = (spot: number) =>
    legs.reduce((sum, leg) => {
      const c = leg.instrument as OptionContract
      const intrinsic = c.right === 'call' ? Math.max(0, spot - c.strike) : Math.max(0, c.strike - spot)
      return sum + sign(leg.side) * leg.ratio * 100 * intrinsic
    }, -signedNet * 100)
  if (payoff(3000) < payoff(2999)) return 'unbounded'
  let worst = 0
  for (let spot = 0; spot <= 2000; spot++) worst = Math.max(worst, -payoff(spot))
  return worst
}

describe('risk limits under random sequences (model-based)', () => {
  it('never lets an order past a limit, nothing new while halted, only exits while reducing', async () => {
    const tally = { entries: 0, exits: 0, exitsWhileNotActive: 0, maxLossSeen: 0 }
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 45 }), async (commands) => {
        const clock = manualClock(at('14:00'))
        const broker = fakeBroker({ now: () => clock.now() })
        broker.setAccount({ buyingPower: new Decimal(3000) })
        let buyingPower = 0
        broker.account$.subscribe((account) => {
          buyingPower = account.buyingPower.toNumber()
        })
        const view = market(
          UNIVERSE.map((instrument, i) => ({
            instrument,
            mark: INITIAL_MARKS[i] ?? 1,
            delta: INITIAL_DELTAS[i] ?? 0,
            gamma: 0.04,
          })),
        )
        const risk = createRiskEngine({ mode: 'paper', clock, limits: LIMITS })
        const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
        const oms = createOrderManager({ broker, risk, journal, clock, marketView: view, revalueIntervalMs: 0 })
        await oms.start()
        const entrySends: number[] = []
        let sent = 0
        const place = broker.placeOrder
        // Oracle failures thrown inside placeOrder would surface as send errors the commands swallow; collect them.
        const violations: unknown[] = []
        broker.placeOrder = (order: OrderIntent) => {
          try {
            return oracle(order)
          } catch (error) {
            violations.push(error)
            throw error
          }
        }
        const oracle = (order: OrderIntent): Promise<Order> => {
          sent += 1
          const managed = oms.order(order.clientOrderId)
          const purpose = managed?.purpose
          const status = risk.state.status
          const others = oms.exposure().workingOrders.filter((w) => w.intent.clientOrderId !== order.clientOrderId)
          const positions = oms.positions()
          const signedHeld = (id: string) =>
            positions
              .filter((p) => p.instrumentId === id)
              .reduce((s, p) => s + (p.side === 'long' ? p.quantity : -p.quantity), 0)
          if (purpose === 'exit') {
            for (const leg of order.legs) {
              const id = instrumentId(leg.instrument)
              const held = signedHeld(id)
              expect(held).not.toBe(0)
              expect(Math.sign(held)).toBe(-sign(leg.side))
              const reserved = others
                .flatMap((w) =>
                  w.intent.legs
                    .filter((l) => instrumentId(l.instrument) === id && l.side === leg.side)
                    .map((l) => l.ratio * w.remainingQuantity),
                )
                .reduce((a, b) => a + b, 0)
              expect(order.quantity * leg.ratio).toBeLessThanOrEqual(Math.abs(held) - reserved)
            }
            tally.exits += 1
            if (status !== 'active') tally.exitsWhileNotActive += 1
            return place(order)
          }
          // Entries: the state must have been active, and every limit must hold.
          expect(purpose).toBe('entry')
          expect(status).toBe('active')
          const now = clock.now()
          expect(entrySends.filter((t) => t > now - LIMITS.rateWindowMs).length).toBeLessThan(LIMITS.maxOrdersPerWindow)
          entrySends.push(now)
          for (const leg of order.legs) {
            expect(order.quantity * leg.ratio).toBeLessThanOrEqual(LIMITS.maxContractsPerOrder)
            const c = leg.instrument as OptionContract
            if (c.expiry === DAY) expect(now).toBeLessThan(at('15:30'))
          }
          const markOf = (l: OrderLeg) => view.mark(instrumentId(l.instrument)) ?? Number.NaN
          const net = (o: OrderIntent) =>
            o.type === 'MKT' || o.limitPrice === undefined
              ? o.legs.reduce((s, l) => s + sign(l.side) * l.ratio * markOf(l), 0)
              : o.legs.length === 1 && o.legs[0]?.side === 'sell'
                ? -o.limitPrice.toNumber()
                : o.limitPrice.toNumber()
          const gross = order.legs.reduce((s, l) => {
            const price =
              order.legs.length === 1 && order.limitPrice ? Math.max(order.limitPrice.toNumber(), markOf(l)) : markOf(l)
            return s + Math.abs(price) * l.ratio * order.quantity * 100
          }, 0)
          expect(gross).toBeLessThanOrEqual(LIMITS.maxNotionalPerOrder.toNumber() + 1e-6)
          const loss = worstLoss(order.legs, net(order))
          expect(loss).not.toBe('unbounded')
          expect((loss as number) * order.quantity).toBeLessThanOrEqual(LIMITS.maxLossPerOrder.toNumber() + 1e-6)
          const instruments = new Set([
            ...positions.map((p) => p.instrumentId),
            ...others
              .filter((w) => w.purpose === 'entry')
              .flatMap((w) => w.intent.legs.map((l) => instrumentId(l.instrument))),
            ...order.legs.map((l) => instrumentId(l.instrument)),
          ])
          expect(instruments.size).toBeLessThanOrEqual(LIMITS.maxPositionsTotal)
          // Every instrument of the universe is on SPY, so the per-symbol count is the same set.
          expect(instruments.size).toBeLessThanOrEqual(LIMITS.maxPositionsPerSymbol)
          let capital = (loss as number) * order.quantity
          for (const w of others) {
            if (w.purpose !== 'entry') continue
            const wl = worstLoss(w.intent.legs, net(w.intent))
            capital += (wl as number) * w.remainingQuantity
          }
          expect(capital).toBeLessThanOrEqual(buyingPower + 1e-6)
          let delta = 0
          let gamma = 0
          const spot = view.mark('SPY') ?? Number.NaN
          const add = (id: string, contracts: number) => {
            const g = view.greeks(id)
            delta += (g?.delta ?? Number.NaN) * contracts * 100 * spot
            gamma += (g?.gamma ?? Number.NaN) * contracts * 100 * spot * spot * 0.01
          }
          for (const p of positions) add(p.instrumentId, p.side === 'long' ? p.quantity : -p.quantity)
          for (const w of others) {
            if (w.purpose !== 'entry') continue
            for (const l of w.intent.legs) add(instrumentId(l.instrument), sign(l.side) * l.ratio * w.remainingQuantity)
          }
          for (const l of order.legs) add(instrumentId(l.instrument), sign(l.side) * l.ratio * order.quantity)
          expect(Math.abs(delta)).toBeLessThanOrEqual(LIMITS.maxPortfolioDeltaDollars + 1e-6)
          expect(Math.abs(gamma)).toBeLessThanOrEqual(LIMITS.maxPortfolioGammaDollars + 1e-6)
          // Daily loss (all fills are today): Δcash + marked positions, from the broker's own fills.
          const cashNow = broker.fills.reduce(
            (s, f) => s - sign(f.side) * f.price.toNumber() * f.quantity * 100 - f.commission.toNumber(),
            0,
          )
          const held = new Map<string, number>()
          for (const f of broker.fills)
            held.set(f.instrumentId, (held.get(f.instrumentId) ?? 0) + sign(f.side) * f.quantity)
          let value = 0
          for (const [id, q] of held) value += (view.mark(id) ?? 0) * q * 100
          tally.maxLossSeen = Math.max(tally.maxLossSeen, -(cashNow + value))
          expect(-(cashNow + value)).toBeLessThan(LIMITS.maxDailyLoss.toNumber() + 1e-6)
          tally.entries += 1
          return place(order)
        }
        let counter = 0
        for (const cmd of commands) {
          const working = oms.orders().filter((o) => o.status === 'submitted' || o.status === 'partially_filled')
          switch (cmd.kind) {
            case 'spread': {
              const structure = STRUCTURES[cmd.which]
              if (!structure) break
              const legs: OrderLeg[] = structure.legs.map(([index, side]) => ({
                instrument: UNIVERSE[index] as OptionContract,
                side,
                ratio: 1,
              }))
              const netMark = legs.reduce((s, l) => s + sign(l.side) * (view.mark(instrumentId(l.instrument)) ?? 0), 0)
              const single = legs.length === 1
              const price = Math.round((single ? Math.abs(netMark) : netMark) * 100 + cmd.offsetCents)
              const intent: OrderIntent = {
                clientOrderId: `p-${++counter}`,
                legs,
                quantity: cmd.quantity,
                type: cmd.market ? 'MKT' : 'LMT',
                ...(cmd.market ? {} : { limitPrice: new Decimal(single ? Math.max(5, price) : price).div(100) }),
                timeInForce: 'DAY',
                mode: 'paper',
              }
              await oms.submit(intent, 'entry').catch(() => undefined)
              break
            }
            case 'submit': {
              const legs: OrderLeg[] = cmd.legs.map((l) => ({
                instrument: UNIVERSE[l.index] as OptionContract,
                side: l.side,
                ratio: l.ratio,
              }))
              const single = legs.length === 1
              const cents = single ? Math.abs(cmd.cents) + 5 : cmd.cents
              const intent: OrderIntent = {
                clientOrderId: `p-${++counter}`,
                legs,
                quantity: cmd.quantity,
                type: cmd.market ? 'MKT' : 'LMT',
                ...(cmd.market ? {} : { limitPrice: new Decimal(cents).div(100) }),
                timeInForce: 'DAY',
                mode: 'paper',
              }
              await oms.submit(intent, cmd.exit ? 'exit' : 'entry').catch(() => undefined)
              break
            }
            case 'close': {
              const position = oms.positions()[cmd.position % Math.max(1, oms.positions().length)]
              if (!position) break
              const quantity = Math.max(1, Math.round(position.quantity * cmd.fraction))
              const intent: OrderIntent = {
                clientOrderId: `p-${++counter}`,
                legs: [{ instrument: position.instrument, side: position.side === 'long' ? 'sell' : 'buy', ratio: 1 }],
                quantity,
                type: cmd.market ? 'MKT' : 'LMT',
                ...(cmd.market ? {} : { limitPrice: new Decimal(1) }),
                timeInForce: 'DAY',
                mode: 'paper',
              }
              await oms.submit(intent, 'exit').catch(() => undefined)
              break
            }
            case 'fill': {
              const order = working[cmd.order % Math.max(1, working.length)]
              if (!order) break
              const remaining = order.quantity - order.filledQuantity
              const units = Math.max(1, Math.floor(remaining * cmd.fraction))
              broker.fill(
                order.clientOrderId,
                order.legs.map((l) => view.mark(instrumentId(l.instrument)) ?? 1),
                units,
              )
              break
            }
            case 'mark':
              view.setGreeks(instrumentId(UNIVERSE[cmd.index] as OptionContract), {
                delta: cmd.delta,
                gamma: cmd.gamma,
                theta: 0,
                vega: 0,
                rho: 0,
              })
              view.setMark(instrumentId(UNIVERSE[cmd.index] as OptionContract), cmd.mark)
              break
            case 'spot':
              view.setMark('SPY', cmd.spot)
              break
            case 'shock':
              // An adverse move for every position held: shorts rise, longs fall.
              for (const p of oms.positions()) {
                const mark = view.mark(p.instrumentId) ?? 1
                const moved = p.side === 'short' ? mark * (1 + cmd.fraction) : mark * (1 - cmd.fraction / 2)
                view.setMark(p.instrumentId, Math.round(moved * 100) / 100)
              }
              break
            case 'time':
              clock.advance(cmd.minutes * 60_000)
              break
            case 'buyingPower':
              broker.setAccount({ buyingPower: new Decimal(cmd.amount) })
              break
            case 'state':
              if (cmd.action === 'reduce') risk.reduceOnly('test')
              else if (cmd.action === 'resume') {
                try {
                  risk.resume('test')
                } catch {
                  // daily-loss halts cannot be resumed the same day
                }
              } else await oms.killSwitch('test')
              break
            case 'cancel': {
              const order = working[cmd.order % Math.max(1, working.length)]
              if (order) await oms.cancel(order.clientOrderId)
              break
            }
          }
        }
        await oms.stop()
        if (violations.length > 0) throw violations[0]
        return sent >= 0
      }),
      { numRuns: 200 },
    )
    // The oracle only means something if many orders got through: guard against a generator that never passes.
    console.info('accepted orders', tally)
    expect(tally.entries).toBeGreaterThan(150)
    expect(tally.exits).toBeGreaterThan(40)
    expect(tally.exitsWhileNotActive).toBeGreaterThan(10)
  }, 120_000)
})
