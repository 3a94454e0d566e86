import { Decimal } from 'decimal.js'
import { BehaviorSubject, ReplaySubject, Subject, type Subscription } from 'rxjs'
import { nyDate, nyTimeToMs } from '../calendar/newYorkTime.js'
import { BaseError, PermanentError } from '../errors/baseError.js'
import type { BrokerCapabilities, BrokerInterface, BrokerSnapshot, BrokerState } from '../execution/brokerInterface.js'
import type { Quote } from '../marketData/types.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import type { Account, Fill, Order, Position } from '../trading/types.js'
import { createMarginMemo } from './internal/marginMemo.js'
import { createPaperAccountView } from './internal/paperAccountView.js'
import { createPaperExpiry, type PaperExpiry } from './internal/paperExpiry.js'
import { openPaperLedger, type PaperLedger } from './internal/paperLedger.js'
import { createPaperOrderDesk, type PaperOrderDesk } from './internal/paperOrderDesk.js'
import { createPaperQuoteBook } from './internal/paperQuoteBook.js'
import { createPaperTimers } from './internal/paperTimers.js'
import { BrokerNotConnectedError } from './paperBrokerErrors.js'
import { type PaperBrokerOptions, resolvePaperBrokerOptions } from './paperBrokerOptions.js'
import type { PaperCommit } from './paperBrokerStore.js'

/** The paper broker: a {@link BrokerInterface} in mode `paper` that fills against the strategies' own quotes. */
export interface PaperBroker extends BrokerInterface {
  /** Always `paper`. */
  readonly mode: 'paper'
  /** The account id. */
  readonly accountId: string
}

/** Realised P&L of an account whose last realisation was on an earlier session. */
const NO_PNL = new Decimal(0)

const CAPABILITIES: BrokerCapabilities = Object.freeze({
  comboOrders: true,
  brackets: false,
  orderTypes: Object.freeze(['MKT', 'LMT', 'STP', 'STP_LMT'] as const),
  timeInForce: Object.freeze(['DAY', 'IOC'] as const),
  modify: true,
})

/**
 * Creates the paper broker, the default broker of the SDK. It fills orders against the same quotes the strategies
 * see: marketable orders at the touch plus slippage, resting limits at their limit when the far touch reaches it,
 * never more than the displayed size (the rest keeps working, or is cancelled for IOC); stops trigger on the
 * touch; combos fill as one package or not at all. Every action waits `latencyMs` on the clock. Commissions follow
 * an IBKR-like model; buying power follows a simple Reg-T-like rule and naked short options are refused unless
 * allowed. At each series' expiration instant index options settle in cash and ETF options in the money by
 * $0.01 or more are exercised or assigned into shares.
 *
 * Each state change (an order transition; a fill with its order, positions and cash; a settlement) is one atomic
 * commit to the optional `store` before any event is emitted, so with `sqlitePaperBrokerStore` the account
 * survives a crash at any instant and a new broker on the same store resumes it, pending orders included. If the
 * store fails, the broker stops (state `closed` with the error) rather than trade on unrecorded state.
 *
 * @param options - Clock, quotes and simulation settings; see {@link PaperBrokerOptions}.
 * @returns The broker; call `connect()` before trading.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const broker = createPaperBroker({ clock: wallClock(), quotes$: feed.quotes$, startingCash: 25_000 })
 * await broker.connect()
 * const order = await broker.placeOrder(intent)
 * ```
 */
export function createPaperBroker(options: PaperBrokerOptions): PaperBroker {
  const config = resolvePaperBrokerOptions(options)
  const clock = config.clock
  const state$ = new BehaviorSubject<BrokerState>({ status: 'idle' })
  const orders$ = new Subject<Order>()
  const fills$ = new Subject<Fill>()
  const positions$ = new ReplaySubject<readonly Position[]>(1)
  const account$ = new ReplaySubject<Account>(1)
  const book = createPaperQuoteBook()
  const timers = createPaperTimers(clock, (error) => stop(error))
  const queue: (() => void)[] = []
  const paperAccountView = createPaperAccountView()
  const margin = createMarginMemo({
    nakedCallStressFraction: config.nakedCallStressFraction,
    shortStockRequirement: config.shortStockRequirement,
  })
  let draining = false
  let ledger: PaperLedger | undefined
  let desk: PaperOrderDesk | undefined
  let expiry: PaperExpiry | undefined
  let quotes: Subscription | undefined
  let lastAccountMs = Number.NEGATIVE_INFINITY
  // Whether the state is `connected`, kept beside state$ so that each quote reads a variable, not the subject.
  let live = false
  const setState = (state: BrokerState): void => {
    live = state.status === 'connected'
    state$.next(state)
  }

  function accountView(open: PaperLedger): Account {
    const nowMs = clock.now()
    const record = open.account()
    const today = record.realizedPnlDate === nyDate(nowMs)
    return paperAccountView({
      accountId: record.accountId,
      mode: 'paper',
      cash: record.cash,
      realizedPnl: today ? record.realizedPnl : NO_PNL,
      positions: open.positions(),
      markOf: book.markOf,
      requirement: margin(open.heldPositions(), book.markOf, book.markUnder).requirement,
      nowMs,
    })
  }

  function emitInOrder(task: () => void): void {
    queue.push(task)
    if (draining) return
    draining = true
    try {
      for (let next = queue.shift(); next; next = queue.shift()) next()
    } finally {
      draining = false
    }
  }

  function commit(change: PaperCommit): void {
    const open = ledger
    if (!open) throw new BrokerNotConnectedError('paper', state$.value.status)
    try {
      open.commit(change)
    } catch (error) {
      stop(error)
      throw error
    }
    const positionsChanged = (change.positions?.length ?? 0) + (change.closedPositions?.length ?? 0) > 0
    const positions = positionsChanged ? open.positions().map((entry) => entry.position) : undefined
    const account = positionsChanged || (change.fills?.length ?? 0) > 0 ? accountView(open) : undefined
    emitInOrder(() => {
      for (const fill of change.fills ?? []) fills$.next(fill)
      if (positions) positions$.next(positions)
      for (const record of change.orders ?? []) orders$.next(record.order)
      if (account) account$.next(account)
    })
  }

  function onQuote(quote: Quote): void {
    if (!live || !ledger || !desk || !expiry) return
    if (typeof quote?.instrumentId !== 'string') return
    try {
      book.update(quote)
      desk.onQuote(quote.instrumentId)
      expiry.onQuote(quote.instrumentId)
      // Most quotes are of instruments not held: the clock is read only for those that are.
      if (!ledger.position(quote.instrumentId)) return
      const nowMs = clock.now()
      if (nowMs - lastAccountMs >= config.accountMarkIntervalMs) {
        lastAccountMs = nowMs
        account$.next(accountView(ledger))
      }
    } catch (error) {
      stop(error)
    }
  }

  function stop(error?: unknown): void {
    if (state$.value.status === 'closed') return
    quotes?.unsubscribe()
    timers.clear()
    const reason =
      error === undefined
        ? undefined
        : error instanceof BaseError
          ? error
          : new PermanentError('Paper broker stopped', { cause: error })
    desk?.close(reason ?? new BrokerNotConnectedError('paper', 'closed'))
    setState(reason ? { status: 'closed', error: reason } : { status: 'closed' })
    for (const subject of [orders$, fills$, positions$, account$, state$]) subject.complete()
  }

  function connected(): { ledger: PaperLedger; desk: PaperOrderDesk } {
    const status = state$.value.status
    if (status !== 'connected' || !ledger || !desk) throw new BrokerNotConnectedError('paper', status)
    return { ledger, desk }
  }

  async function connect(): Promise<void> {
    const status = state$.value.status
    if (status === 'connected') return
    if (status !== 'idle') throw new BrokerNotConnectedError('paper', status)
    setState({ status: 'connecting', attempt: 1 })
    try {
      const nowMs = clock.now()
      const opened = openPaperLedger(config.store, config.accountId, config.startingCash, nowMs, nyDate(nowMs))
      ledger = opened
      const base = { options: config, ledger: opened, book, timers, commit }
      const orderDesk = createPaperOrderDesk({ ...base, trackSeries: (order) => expiry?.trackOrder(order) })
      desk = orderDesk
      expiry = createPaperExpiry({ ...base, expireOrder: (id, reason) => orderDesk.expire(id, reason) })
      setState({ status: 'connected', accountId: config.accountId, mode: 'paper' })
      quotes = config.quotes$.subscribe({ next: onQuote, error: (error: unknown) => stop(error) })
      orderDesk.resume()
      expiry.resume()
      positions$.next(opened.positions().map((entry) => entry.position))
      account$.next(accountView(opened))
    } catch (error) {
      stop(error)
      throw error
    }
  }

  return {
    name: 'paper',
    mode: 'paper',
    accountId: config.accountId,
    capabilities: CAPABILITIES,
    state$: state$.asObservable(),
    orders$: orders$.asObservable(),
    fills$: fills$.asObservable(),
    positions$: positions$.asObservable(),
    account$: account$.asObservable(),
    connect,
    placeOrder: async (intent) => connected().desk.place(intent),
    cancelOrder: async (clientOrderId) => connected().desk.cancel(clientOrderId),
    modifyOrder: async (clientOrderId, changes) => connected().desk.modify(clientOrderId, changes),
    async reconcile(): Promise<BrokerSnapshot> {
      const open = connected().ledger
      const sessionStartMs = nyTimeToMs(nyDate(clock.now()), '00:00')
      return {
        orders: open
          .orders()
          .map((record) => record.order)
          .filter((order) => !isFinalStatus(order.status) || order.updatedAtMs >= sessionStartMs),
        fills: open.fills().filter((fill) => fill.timestampMs >= sessionStartMs),
        positions: open.positions().map((entry) => entry.position),
        account: accountView(open),
      }
    },
    async close(): Promise<void> {
      stop()
    },
  }
}
