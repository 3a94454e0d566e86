import { Decimal } from 'decimal.js'
import { firstValueFrom, type Observable } from 'rxjs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { BrokerInterface } from '../execution/brokerInterface.js'
import type { OptionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { ORDER_TRANSITIONS } from '../orders/orderStateMachine.js'
import type { Account, Fill, Order, OrderIntent, Position } from '../trading/types.js'

/**
 * What {@link testBrokerContract} needs to drive one broker: the broker itself, a way to publish quotes it fills
 * against (a Subject for the paper broker, a fake TWS server for Interactive Brokers), and a way to let its time
 * pass (advance a virtual clock, or wait).
 */
export interface BrokerContractHarness {
  /** A fresh broker, not yet connected. */
  readonly broker: BrokerInterface
  /** Two liquid options of one series (same right and expiry, different strikes) the suite may trade. */
  readonly instruments: { readonly option: OptionContract; readonly otherOption: OptionContract }
  /** Publishes a top-of-book quote the broker can fill against. */
  quote(instrument: OptionContract, bid: number, ask: number, size: number): void | Promise<void>
  /** Lets the broker's time move on (latency, acknowledgements); called repeatedly while the suite waits. */
  settle(): Promise<void>
  /** Releases resources after each test. */
  dispose?(): Promise<void>
}

/** What the suite records from the streams. */
interface Recorded {
  orders: Order[]
  fills: Fill[]
  positions: (readonly Position[])[]
  accounts: Account[]
}

const WAIT_ROUNDS = 200

async function settled<T>(harness: BrokerContractHarness, promise: Promise<T>): Promise<T> {
  let done = false
  const tracked = promise.finally(() => {
    done = true
  })
  for (let round = 0; round < WAIT_ROUNDS && !done; round++) await harness.settle()
  return tracked
}

async function until(harness: BrokerContractHarness, check: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < WAIT_ROUNDS; round++) {
    if (check()) return
    await harness.settle()
  }
  throw new Error(`broker contract: timed out waiting for ${what}`)
}

function limitIntent(
  harness: BrokerContractHarness,
  id: string,
  side: 'buy' | 'sell',
  quantity: number,
  price: string,
) {
  return {
    clientOrderId: id,
    legs: [{ instrument: harness.instruments.option, side, ratio: 1 }],
    quantity,
    type: 'LMT',
    limitPrice: new Decimal(price),
    timeInForce: 'DAY',
    mode: harness.broker.mode,
  } satisfies OrderIntent
}

function signedQuantity(fills: readonly Fill[], id: string): number {
  return fills
    .filter((fill) => fill.instrumentId === id)
    .reduce((sum, f) => sum + (f.side === 'buy' ? f.quantity : -f.quantity), 0)
}

/**
 * The behaviour every {@link BrokerInterface} must show, as a vitest suite: connection state, acknowledgement with
 * the client order id, idempotent placement, cancel, modify, legal order transitions on `orders$`, fills and
 * positions that agree, cash that moves by price × quantity × multiplier plus commissions, `reconcile()` equal to
 * what the streams said, and streams that complete on `close()`. Run it against every adapter and the paper broker.
 *
 * @param name - Name of the broker under test, shown in the report.
 * @param makeHarness - Creates a fresh harness (broker + market driver) for each test.
 * @example
 * ```ts
 * testBrokerContract('paper', async () => {
 *   const clock = createVirtualClock(Date.UTC(2025, 10, 21, 15))
 *   const quotes = new Subject<Quote>()
 *   return {
 *     broker: createPaperBroker({ clock, quotes$: quotes, latencyMs: 50 }),
 *     instruments: { option: call500, otherOption: call505 },
 *     quote: (instrument, bid, ask, size) =>
 *       quotes.next({ instrumentId: instrumentId(instrument), bid, ask, bidSize: size, askSize: size, timestampMs: clock.now() }),
 *     settle: async () => clock.advanceBy(50),
 *   }
 * })
 * ```
 */
export function testBrokerContract(name: string, makeHarness: () => Promise<BrokerContractHarness>): void {
  describe(`broker contract: ${name}`, () => {
    let h: BrokerContractHarness
    let seen: Recorded

    beforeEach(async () => {
      h = await makeHarness()
      seen = { orders: [], fills: [], positions: [], accounts: [] }
      h.broker.orders$.subscribe((order) => seen.orders.push(order))
      h.broker.fills$.subscribe((fill) => seen.fills.push(fill))
      h.broker.positions$.subscribe((positions) => seen.positions.push(positions))
      h.broker.account$.subscribe((account) => seen.accounts.push(account))
      await settled(h, h.broker.connect())
    })

    afterEach(async () => {
      const byId = new Map<string, Order[]>()
      for (const order of seen.orders) byId.set(order.clientOrderId, [...(byId.get(order.clientOrderId) ?? []), order])
      for (const [id, states] of byId) {
        for (let i = 1; i < states.length; i++) {
          const from = states[i - 1]?.status ?? 'pending'
          const to = states[i]?.status ?? 'pending'
          expect(from === to || ORDER_TRANSITIONS[from].includes(to), `${id}: ${from} → ${to}`).toBe(true)
        }
      }
      await h.broker.close()
      await h.dispose?.()
    })

    test('connects, reports its account and mode, and replays positions and account to late subscribers', async () => {
      const state = await firstValueFrom(h.broker.state$)
      expect(state).toMatchObject({ status: 'connected', mode: h.broker.mode })
      expect(state.status === 'connected' && state.accountId.length > 0).toBe(true)
      await until(h, () => seen.accounts.length > 0 && seen.positions.length > 0, 'positions$ and account$')
      const [positions, account] = await Promise.all([
        firstValueFrom(h.broker.positions$),
        firstValueFrom(h.broker.account$),
      ])
      expect(positions).toEqual(seen.positions.at(-1))
      expect(account).toMatchObject({ mode: h.broker.mode })
    })

    test('acknowledges an order with its client order id', async () => {
      await h.quote(h.instruments.option, 1, 1.1, 100)
      const order = await settled(h, h.broker.placeOrder(limitIntent(h, 'ack-1', 'buy', 1, '0.5')))
      expect(order).toMatchObject({ clientOrderId: 'ack-1', status: 'submitted', filledQuantity: 0 })
      expect(order.brokerOrderId).toBeTruthy()
      expect(seen.orders.some((o) => o.clientOrderId === 'ack-1' && o.status === 'submitted')).toBe(true)
    })

    test('a duplicate client order id never creates a second order', async () => {
      await h.quote(h.instruments.option, 1, 1.1, 100)
      const first = await settled(h, h.broker.placeOrder(limitIntent(h, 'dup-1', 'buy', 1, '0.5')))
      const again = await settled(h, h.broker.placeOrder(limitIntent(h, 'dup-1', 'buy', 1, '0.5')))
      expect(again.brokerOrderId).toBe(first.brokerOrderId)
      const snapshot = await settled(h, h.broker.reconcile())
      expect(snapshot.orders.filter((o) => o.clientOrderId === 'dup-1')).toHaveLength(1)
      expect(new Set(seen.orders.filter((o) => o.clientOrderId === 'dup-1').map((o) => o.brokerOrderId)).size).toBe(1)
    })

    test('cancels a working order', async () => {
      await h.quote(h.instruments.option, 1, 1.1, 100)
      await settled(h, h.broker.placeOrder(limitIntent(h, 'cxl-1', 'buy', 1, '0.5')))
      const cancelled = await settled(h, h.broker.cancelOrder('cxl-1'))
      expect(cancelled).toMatchObject({ clientOrderId: 'cxl-1', status: 'cancelled', filledQuantity: 0 })
      await until(h, () => seen.orders.at(-1)?.status === 'cancelled', 'the cancellation on orders$')
    })

    test('modifies the limit price of a working order', async () => {
      await h.quote(h.instruments.option, 1, 1.1, 100)
      await settled(h, h.broker.placeOrder(limitIntent(h, 'mod-1', 'buy', 2, '0.5')))
      const modified = await settled(h, h.broker.modifyOrder('mod-1', { limitPrice: new Decimal('0.6') }))
      expect(modified.limitPrice?.toString()).toBe('0.6')
      expect(modified.status).toBe('submitted')
      await until(h, () => seen.orders.some((o) => o.clientOrderId === 'mod-1' && o.limitPrice?.eq('0.6')), 'orders$')
    })

    test('fills, positions and cash agree', async () => {
      const id = instrumentId(h.instruments.option)
      await until(h, () => seen.accounts.length > 0, 'a first account')
      const startCash = seen.accounts.at(-1)?.cash ?? new Decimal(Number.NaN)
      await h.quote(h.instruments.option, 1, 1.1, 100)
      await settled(h, h.broker.placeOrder(limitIntent(h, 'buy-1', 'buy', 3, '1.1')))
      await until(h, () => signedQuantity(seen.fills, id) === 3, 'three contracts bought')
      await settled(h, h.broker.placeOrder(limitIntent(h, 'sell-1', 'sell', 1, '1')))
      await until(h, () => signedQuantity(seen.fills, id) === 2, 'one contract sold')
      await until(h, () => seen.positions.at(-1)?.find((p) => p.instrumentId === id)?.quantity === 2, 'positions$')
      const position = seen.positions.at(-1)?.find((p) => p.instrumentId === id)
      expect(position).toMatchObject({ side: 'long', quantity: 2, multiplier: h.instruments.option.multiplier })
      const flows = seen.fills.reduce((sum, fill) => {
        const notional = fill.price.times(fill.quantity).times(h.instruments.option.multiplier)
        return (fill.side === 'buy' ? sum.minus(notional) : sum.plus(notional)).minus(fill.commission)
      }, new Decimal(0))
      await until(h, () => seen.accounts.at(-1)?.cash.eq(startCash.plus(flows)) === true, 'cash to match the fills')
      expect(seen.fills.every((fill) => fill.commission.gte(0) && fill.mode === h.broker.mode)).toBe(true)
    })

    test('reconcile returns what the streams reported', async () => {
      await h.quote(h.instruments.option, 1, 1.1, 100)
      await settled(h, h.broker.placeOrder(limitIntent(h, 'rec-fill', 'buy', 1, '1.1')))
      await settled(h, h.broker.placeOrder(limitIntent(h, 'rec-rest', 'buy', 1, '0.5')))
      await until(h, () => seen.fills.length > 0, 'a fill')
      const snapshot = await settled(h, h.broker.reconcile())
      for (const order of snapshot.orders) {
        const latest = seen.orders.filter((o) => o.clientOrderId === order.clientOrderId).at(-1)
        expect(latest).toMatchObject({ status: order.status, filledQuantity: order.filledQuantity })
      }
      expect(snapshot.orders.map((o) => o.clientOrderId).sort()).toEqual(['rec-fill', 'rec-rest'])
      expect(snapshot.fills.map((f) => f.fillId).sort()).toEqual(seen.fills.map((f) => f.fillId).sort())
      expect(snapshot.positions).toEqual(seen.positions.at(-1))
      expect(snapshot.account.cash.eq(seen.accounts.at(-1)?.cash ?? Number.NaN)).toBe(true)
    })

    test('close completes every stream', async () => {
      const completed: string[] = []
      const streams: Record<string, Observable<unknown>> = {
        state: h.broker.state$,
        orders: h.broker.orders$,
        fills: h.broker.fills$,
        positions: h.broker.positions$,
        account: h.broker.account$,
      }
      for (const [key, stream] of Object.entries(streams)) stream.subscribe({ complete: () => completed.push(key) })
      await settled(h, h.broker.close())
      expect(completed.sort()).toEqual(['account', 'fills', 'orders', 'positions', 'state'])
    })
  })
}
