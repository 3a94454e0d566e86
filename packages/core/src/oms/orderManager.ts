import type { Decimal } from 'decimal.js'
import { BehaviorSubject, interval, type Observable, type Subscription, skip } from 'rxjs'
import { nyDate } from '../calendar/newYorkTime.js'
import type { Clock } from '../clock/clock.js'
import { parseConfig } from '../config/parseConfig.js'
import type { BrokerInterface } from '../execution/brokerInterface.js'
import type { Journal } from '../journal/journal.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import { legIds } from '../orders/legIds.js'
import { isGenuineRiskEngine } from '../risk/internal/approvalRegistry.js'
import type { MarketView } from '../risk/marketView.js'
import type { OrderPurpose } from '../risk/orderPurpose.js'
import type { RiskExposure } from '../risk/riskContext.js'
import type { RiskEngine } from '../risk/riskEngine.js'
import type { Fill, Order, OrderIntent, Position, TradingMode } from '../trading/types.js'
import { type TradingModeConfigInput, tradingModeConfigSchema } from '../tradingMode/tradingModeConfig.js'
import { verifyTradingMode } from '../tradingMode/verifyTradingMode.js'
import { createKillSwitch } from './internal/killSwitch.js'
import { createOmsCore } from './internal/omsCore.js'
import { reconcileLive } from './internal/reconcileLive.js'
import { recover } from './internal/recover.js'
import { createSendPath } from './internal/sendPath.js'
import type { KillSwitchReport } from './killSwitchReport.js'
import type { ManagedOrder } from './managedOrder.js'
import { omsExposure } from './omsExposure.js'
import { type OpenTrade, openTrades } from './openTrades.js'
import { OrderManagerError } from './orderManagerError.js'
import type { PnlSnapshot } from './pnlSnapshot.js'
import type { PositionLedger } from './positionLedger.js'
import type { ReconcileReport } from './reconcileReport.js'
import type { RecoveryReport } from './recoveryReport.js'

/** The order list and open trades derived from one version of the order map. */
interface DerivedState {
  readonly version: number
  readonly sorted: ManagedOrder[]
  readonly trades: OpenTrade[]
}

/** Whether two position lists hold the same position objects in the same order. */
function samePositions(a: readonly Position[], b: readonly Position[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Options of {@link createOrderManager}. */
export interface OrderManagerOptions {
  /** The broker. The order manager is the only code that should hold it. */
  readonly broker: BrokerInterface
  /** The risk engine (from `createRiskEngine`; anything else is refused). */
  readonly risk: RiskEngine
  /** The write-ahead journal. */
  readonly journal: Journal
  /** Source of time. */
  readonly clock: Clock
  /** Marks and greeks for risk checks and P&L. */
  readonly marketView: MarketView
  /** Logger. @default silentLogger(mode) */
  readonly logger?: Logger
  /**
   * Re-send intents the broker never received before a crash, if they are younger than `maxAgeMs` and pass the
   * risk engine again at restart. Off by default: an entry decided minutes ago on old prices is not a decision
   * for now, and an operator should see it rejected rather than find it filled. @default undefined (never)
   */
  readonly resendUnsentIntents?: { readonly maxAgeMs: number }
  /** How often P&L is revalued (and the daily loss limit checked) besides mark changes; 0 disables. @default 1000 */
  readonly revalueIntervalMs?: number
  /**
   * Trading-mode confirmation, checked by `start()` against the connected broker before anything is read or
   * written: live trading needs `{ mode: 'live', liveTrading: { confirmAccountId } }` naming the connected
   * account. @default { mode: 'paper' }
   */
  readonly tradingMode?: TradingModeConfigInput
}

/** Options of {@link OrderManager.submit}. */
export interface SubmitOptions {
  /** For exits: the entry order whose position this closes (exit rules use it to track open trades). */
  readonly closesOrderId?: string
}

/**
 * The order manager: the only path from intents to the broker. Every intent is checked by the risk engine,
 * written to the journal, then sent; broker orders and fills are journaled as they arrive; orders, positions and
 * P&L are tracked; a restart rebuilds everything from the journal and the broker.
 */
export interface OrderManager {
  /** Paper or live; stamped on every order. */
  readonly mode: TradingMode
  /** Every change of every order. */
  readonly orders$: Observable<ManagedOrder>
  /** Positions after every fill; replays the latest. */
  readonly positions$: Observable<readonly Position[]>
  /** P&L after every fill, mark change and revaluation tick; replays the latest. */
  readonly pnl$: Observable<PnlSnapshot>
  /**
   * Recovers from the journal and the broker (`broker.reconcile()`), then starts handling broker events. Call
   * once, after the broker is connected.
   *
   * @returns What recovery found.
   */
  start(): Promise<RecoveryReport>
  /**
   * Checks an intent with the risk engine, journals it, then sends it.
   *
   * @param intent - The order; its `clientOrderId` must never have been used.
   * @param purpose - `entry` or `exit` (exits must only reduce positions).
   * @param options - Link to the entry an exit closes.
   * @returns The order after the broker's acknowledgement.
   * @throws {RiskRejectedError} When a risk check refuses it (nothing journaled, nothing sent).
   * @throws {OrderManagerError} When not running, the id was used, or the journal write failed (nothing sent).
   */
  submit(intent: OrderIntent, purpose: OrderPurpose, options?: SubmitOptions): Promise<ManagedOrder>
  /**
   * Requests cancellation of an order.
   *
   * @param clientOrderId - The order.
   * @returns The order after the broker acknowledged the request.
   */
  cancel(clientOrderId: string): Promise<ManagedOrder>
  /**
   * Kill switch: halts trading, cancels every open order, flattens every position with exit orders through the
   * risk engine. Idempotent: pressing again sends nothing that is already in progress.
   *
   * @param reason - Why, for the log and the risk state.
   * @returns What was requested and sent.
   */
  killSwitch(reason: string): Promise<KillSwitchReport>
  /**
   * Reconciles with the broker while running: adopts orders, adds missed fills, settles sends whose outcome
   * was unknown, compares positions (a mismatch moves risk to reducing). Runs by itself after every broker
   * reconnect.
   *
   * @returns What changed.
   */
  reconcile(): Promise<ReconcileReport>
  /** Orders, in creation order. */
  orders(): ManagedOrder[]
  /**
   * One order.
   *
   * @param clientOrderId - Its id.
   * @returns The order, or `undefined`.
   */
  order(clientOrderId: string): ManagedOrder | undefined
  /** Current positions. */
  positions(): Position[]
  /** Latest P&L. */
  pnl(): PnlSnapshot
  /** Open trades (filled entries less linked exits), for exit rules. */
  openTrades(): OpenTrade[]
  /** The exposure the next risk check will see. */
  exposure(): RiskExposure
  /**
   * Stops handling events and timers; waits for sends in flight and journal writes. Does not close the broker
   * or the journal.
   */
  stop(): Promise<void>
}

/**
 * Creates an order manager. Nothing reaches the broker except through {@link OrderManager.submit} (risk check,
 * journal, send) and the kill switch (which uses the same path for its closing orders); cancellations only
 * reduce risk and go straight to the broker.
 *
 * @param options - Broker, risk engine, journal, clock, market view and policies.
 * @returns The order manager, not yet started.
 * @throws {OrderManagerError} When `risk` was not built by `createRiskEngine`, or modes differ.
 * @example
 * ```ts
 * const oms = createOrderManager({ broker, risk, journal, clock, marketView })
 * const report = await oms.start()
 * await oms.submit(intent, 'entry')
 * ```
 */
export function createOrderManager(options: OrderManagerOptions): OrderManager {
  const { broker, risk, journal, clock, marketView } = options
  if (!isGenuineRiskEngine(risk)) {
    throw new OrderManagerError('not_genuine_risk_engine', 'The risk engine must be created with createRiskEngine')
  }
  const mode = risk.mode
  if (broker.mode !== mode || journal.mode !== mode) {
    throw new OrderManagerError(
      'invalid_request',
      `Modes differ: risk ${mode}, broker ${broker.mode}, journal ${journal.mode}`,
    )
  }
  const tradingModeConfig = parseConfig(tradingModeConfigSchema, options.tradingMode ?? {}, 'trading mode')
  const logger = (options.logger ?? silentLogger(mode)).child({ component: 'oms', broker: broker.name })
  const core = createOmsCore({ mode, journal, clock, logger })
  const inFlight = new Set<Promise<unknown>>()
  const subscriptions: Subscription[] = []
  let status: 'idle' | 'starting' | 'running' | 'stopped' = 'idle'

  // The day's P&L of the last revaluation and its two parts: revalued every second, the parts often stand still.
  let daily: { realized: Decimal; unrealized: Decimal; sum: Decimal } | undefined
  const dailyPnl = (realized: Decimal, unrealized: Decimal): Decimal => {
    if (daily?.realized !== realized || daily.unrealized !== unrealized) {
      daily = { realized, unrealized, sum: realized.plus(unrealized) }
    }
    return daily.sum
  }
  const computePnl = (): PnlSnapshot => {
    const nowMs = clock.now()
    const date = nyDate(nowMs)
    const unrealized = core.ledger.unrealized(marketView)
    const realizedToday = core.ledger.realizedOn(date)
    return {
      mode,
      timestampMs: nowMs,
      date,
      realized: core.ledger.realized,
      realizedToday,
      unrealized: unrealized.amount,
      dailyPnl: dailyPnl(realizedToday, unrealized.amount),
      commissions: core.ledger.commissions,
      cash: core.ledger.cash,
      missingMarks: unrealized.missingMarks,
    }
  }
  const pnl$ = new BehaviorSubject<PnlSnapshot>(computePnl())
  const revalue = (): void => {
    const snapshot = computePnl()
    pnl$.next(snapshot)
    if (status === 'running') {
      risk.updateDailyPnl({ date: snapshot.date, realized: snapshot.realizedToday, unrealized: snapshot.unrealized })
    }
  }

  // The order list and the open trades are read every second (exit rules, risk, dashboards) but change only
  // with the orders: both are derived once per version of the order map. Callers get their own arrays.
  let derivedState: DerivedState | undefined
  const derived = (): DerivedState => {
    const version = core.orders.version
    if (derivedState?.version !== version) {
      derivedState = {
        version,
        sorted: [...core.orders.values()].sort((a, b) => a.createdAtMs - b.createdAtMs),
        trades: openTrades(core.orders.values()),
      }
    }
    return derivedState
  }

  // Open trades, asked for every second, kept while the orders and the held positions (immutable values,
  // replaced on every change) are the same.
  let openState:
    | { derived: DerivedState; ledger: PositionLedger; positions: readonly Position[]; trades: OpenTrade[] }
    | undefined

  const exposure = (): RiskExposure =>
    omsExposure(core.orders.values(), core.ledger.positions(), core.account, marketView)

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise)
    const done = () => inFlight.delete(promise)
    promise.then(done, done)
    return promise
  }
  const settleInFlight = async (): Promise<void> => {
    await Promise.allSettled([...inFlight])
  }

  const sendPath = createSendPath({
    core,
    broker,
    risk,
    journal,
    clock,
    marketView,
    logger,
    exposure,
    status: () => status,
    track,
  })
  const submit = (intent: OrderIntent, purpose: OrderPurpose, submitOptions: SubmitOptions = {}) =>
    sendPath.submit(intent, purpose, submitOptions.closesOrderId)

  const killSwitch = createKillSwitch({
    core,
    broker,
    risk,
    logger,
    clock,
    submitExit: (intent) => submit(intent, 'exit'),
    settleInFlight,
  })
  core.onFinal = () => {
    if (killSwitch.engaged && status === 'running') void killSwitch.reflatten()
  }
  core.onFill = () => revalue()

  let reconnected = false
  const reconcile = async (): Promise<ReconcileReport> => {
    if (status !== 'running') throw new OrderManagerError('not_running', `Order manager is ${status}`)
    const report = await reconcileLive(core, broker, logger)
    revalue()
    if (report.positionMismatches.length > 0) risk.reduceOnly('positions differ from the broker')
    return report
  }

  const handleOrder = (order: Order) => core.applyBrokerOrder(order)
  const handleFill = (fill: Fill) => core.applyFill(fill)

  return {
    mode,
    orders$: core.orders$.asObservable(),
    positions$: core.positions$.asObservable(),
    pnl$: pnl$.asObservable(),
    async start() {
      if (status !== 'idle') throw new OrderManagerError('not_running', `start() called when ${status}`)
      status = 'starting'
      const confirmed = await verifyTradingMode(tradingModeConfig, broker).catch((error: unknown) => {
        status = 'idle'
        throw error
      })
      logger.info('trading mode confirmed', { confirmed })
      // Subscribe before reconciling so nothing the broker emits meanwhile is lost; replay it afterwards.
      const buffered: (() => void)[] = []
      let live = false
      subscriptions.push(
        broker.orders$.subscribe((order) => (live ? handleOrder(order) : buffered.push(() => handleOrder(order)))),
        broker.fills$.subscribe((fill) => (live ? handleFill(fill) : buffered.push(() => handleFill(fill)))),
      )
      const maxAgeMs = options.resendUnsentIntents?.maxAgeMs
      const result = await recover(core, {
        journal,
        broker,
        risk,
        logger,
        mayResend: (order) => maxAgeMs !== undefined && clock.now() - order.createdAtMs <= maxAgeMs,
      })
      for (const order of result.notSent) core.finalizeLocally(order.clientOrderId, 'rejected', 'not sent before crash')
      live = true
      for (const replay of buffered.splice(0)) replay()
      subscriptions.push(
        broker.account$.subscribe((account) => {
          if (account.mode !== mode) logger.error('broker account of another mode', { accountMode: account.mode })
          core.account = account
        }),
        risk.riskState$.pipe(skip(1)).subscribe((state) => {
          void core.record({ kind: 'risk_state', state })
          if (state.status === 'active') killSwitch.release()
        }),
        broker.state$.subscribe((state) => {
          if (state.status === 'reconnecting') {
            logger.warn('broker reconnecting', { attempt: state.attempt })
            reconnected = true
          } else if (state.status === 'connected' && reconnected) {
            reconnected = false
            reconcile().catch((error: unknown) => logger.error('reconcile after reconnect failed', { error }))
          }
        }),
      )
      if (risk.state.status !== 'active') void core.record({ kind: 'risk_state', state: risk.state })
      if (risk.state.status === 'halted' && risk.state.cause === 'kill_switch') killSwitch.engage()
      if (marketView.changes$ !== undefined) subscriptions.push(marketView.changes$.subscribe(() => revalue()))
      const every = options.revalueIntervalMs ?? 1000
      if (every > 0) subscriptions.push(interval(every, clock.scheduler).subscribe(() => revalue()))
      status = 'running'
      const resent: string[] = []
      const notSent = result.notSent.map((o) => o.clientOrderId)
      for (const order of result.resendCandidates) {
        if (await sendPath.resend(order)) {
          resent.push(order.clientOrderId)
        } else {
          core.finalizeLocally(order.clientOrderId, 'rejected', 'not sent before crash')
          notSent.push(order.clientOrderId)
        }
      }
      revalue()
      if (result.report.positionMismatches.length > 0)
        risk.reduceOnly('positions differ from the broker after recovery')
      if (killSwitch.engaged) void killSwitch.reflatten()
      // Recovery's own records (fills added, orders adopted or settled) are durable before start() resolves.
      await core.flush()
      return { ...result.report, notSent, resent }
    },
    submit,
    reconcile,
    async cancel(clientOrderId) {
      const order = core.orders.get(clientOrderId)
      if (order === undefined)
        throw new OrderManagerError('unknown_order', `No order ${clientOrderId}`, { clientOrderId })
      await settleInFlight()
      core.applyBrokerOrder(await broker.cancelOrder(clientOrderId))
      return core.orders.get(clientOrderId) as ManagedOrder
    },
    killSwitch: (reason) => {
      if (status !== 'running')
        return Promise.reject(new OrderManagerError('not_running', `Order manager is ${status}`))
      return killSwitch.press(reason)
    },
    orders: () => derived().sorted.slice(),
    order: (clientOrderId) => core.orders.get(clientOrderId),
    positions: () => core.ledger.positions(),
    pnl: () => pnl$.value,
    openTrades: () => {
      // A trade whose instruments are no longer held ended outside its exit orders (expiration, exercise or
      // assignment, a manual close): it is not open, so exit rules stop acting on it and its strategy may trade again.
      const state = derived()
      if (state.trades.length === 0) return []
      const positions = core.ledger.positions()
      if (
        openState?.derived !== state ||
        openState.ledger !== core.ledger ||
        !samePositions(openState.positions, positions)
      ) {
        const held = new Set(positions.map((position) => position.instrumentId))
        const trades = state.trades.filter((trade) => legIds(trade.legs).some((id) => held.has(id)))
        openState = { derived: state, ledger: core.ledger, positions, trades }
      }
      return openState.trades.slice()
    },
    exposure,
    async stop() {
      status = 'stopped'
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe()
      await settleInFlight()
      await core.flush()
    },
  }
}
