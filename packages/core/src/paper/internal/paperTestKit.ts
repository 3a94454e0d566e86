import { Decimal } from 'decimal.js'
import { Subject } from 'rxjs'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { createVirtualClock, type VirtualClock } from '../../clock/virtualClock.js'
import { equity, type Instrument, index, type OptionRight, optionContract } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Quote } from '../../marketData/types.js'
import type { Account, Fill, Order, OrderIntent, OrderLeg, Position } from '../../trading/types.js'
import { createPaperBroker, type PaperBroker } from '../createPaperBroker.js'
import type { PaperBrokerOptions } from '../paperBrokerOptions.js'

// Test fixtures of the paper broker's own tests; not exported from the package.

/** A Friday with 0DTE SPY and SPXW expirations. */
export const EXPIRY = '2025-11-21'
/** 10:00 New York on {@link EXPIRY}: where test brokers start. */
export const T0 = nyTimeToMs(EXPIRY, '10:00')

/** Shorthand for `new Decimal(value)`. */
export const d = (value: string | number) => new Decimal(value)
/** An SPY option expiring on {@link EXPIRY} by default. */
export const spy = (strike: number, right: OptionRight = 'call', expiry = EXPIRY) =>
  optionContract({ root: 'SPY', expiry, strike, right })
/** An SPXW option expiring on {@link EXPIRY} by default. */
export const spxw = (strike: number, right: OptionRight = 'call', expiry = EXPIRY) =>
  optionContract({ root: 'SPXW', expiry, strike, right })
/** SPY shares. */
export const SPY_SHARES = equity('SPY')
/** The SPX index (its quotes settle SPX options). */
export const SPX_INDEX = index('SPX')

/** A single-leg or combo intent with test defaults (LMT, DAY, paper). */
export function intent(
  clientOrderId: string,
  legs: [Instrument, OrderLeg['side'], number?][],
  fields: Partial<OrderIntent> = {},
): OrderIntent {
  return {
    clientOrderId,
    legs: legs.map(([instrument, side, ratio = 1]) => ({ instrument, side, ratio })),
    quantity: 1,
    type: 'LMT',
    timeInForce: 'DAY',
    mode: 'paper',
    ...fields,
  }
}

/** A paper broker on a virtual clock, driven by a Subject of quotes, with every event recorded. */
export interface PaperHarness {
  readonly broker: PaperBroker
  readonly clock: VirtualClock
  readonly quotes: Subject<Quote>
  readonly orders: Order[]
  readonly fills: Fill[]
  readonly positions: (readonly Position[])[]
  readonly accounts: Account[]
  /** Publishes a quote. */
  quote(instrument: Instrument, bid: number, ask: number, bidSize?: number, askSize?: number): void
  /** The latest state of an order as emitted. */
  last(clientOrderId: string): Order | undefined
  /** The latest positions. */
  latestPositions(): readonly Position[]
  /** The latest account. */
  latestAccount(): Account
}

/** Creates and connects a paper broker harness starting at {@link T0}. */
export async function paperHarness(options: Partial<PaperBrokerOptions> = {}, startMs = T0): Promise<PaperHarness> {
  const clock = createVirtualClock(startMs)
  const quotes = new Subject<Quote>()
  const broker = createPaperBroker({ clock, quotes$: quotes, accountId: 'TEST', startingCash: 100_000, ...options })
  const harness: PaperHarness = {
    broker,
    clock,
    quotes,
    orders: [],
    fills: [],
    positions: [],
    accounts: [],
    quote(instrument, bid, ask, bidSize = 10, askSize = 10) {
      const id = instrumentId(instrument)
      quotes.next({ instrumentId: id, bid, ask, bidSize, askSize, timestampMs: clock.now() })
    },
    last: (id) => harness.orders.filter((order) => order.clientOrderId === id).at(-1),
    latestPositions: () => harness.positions.at(-1) ?? [],
    latestAccount() {
      const account = harness.accounts.at(-1)
      if (!account) throw new Error('no account emitted')
      return account
    },
  }
  broker.orders$.subscribe((order) => harness.orders.push(order))
  broker.fills$.subscribe((fill) => harness.fills.push(fill))
  broker.positions$.subscribe((positions) => harness.positions.push(positions))
  broker.account$.subscribe((account) => harness.accounts.push(account))
  await broker.connect()
  return harness
}
