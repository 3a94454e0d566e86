import { interval, type Observable, Subject, type Subscription } from 'rxjs'
import { z } from 'zod'
import type { Clock } from '../clock/clock.js'
import { parseConfig } from '../config/parseConfig.js'
import { BaseError } from '../errors/baseError.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import type { BracketOrder } from '../orders/bracketOrder.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import { packageQuote, type QuoteLookup } from '../orders/packageQuote.js'
import { toSignedNet } from '../orders/signedNetPrice.js'
import { RiskRejectedError } from '../risk/riskRejection.js'
import { type OrderIntent, TimeInForce } from '../trading/types.js'
import { BracketManagerError } from './bracketManagerError.js'
import { BracketPhase, type BracketStatus } from './bracketStatus.js'
import { recoverBracket } from './internal/bracketRecovery.js'
import { bracketOpenQuantity, nextBracketStep } from './internal/bracketStep.js'
import {
  afterTakeProfitAttempt,
  NO_TAKE_PROFIT_RETRY,
  type TakeProfitRetry,
  type TakeProfitRetryPolicy,
  takeProfitAllowed,
  targetLost,
} from './internal/bracketTakeProfitRetry.js'
import type { ManagedOrder } from './managedOrder.js'
import type { OrderManager } from './orderManager.js'
import { OrderManagerError } from './orderManagerError.js'

/** Options of {@link createBracketManager}. */
export interface BracketManagerOptions {
  /** The order manager: every order goes through its `submit` (risk engine, journal, broker). */
  readonly oms: Pick<OrderManager, 'mode' | 'submit' | 'cancel' | 'order' | 'orders' | 'orders$'>
  /** Source of time; evaluations run on its scheduler. */
  readonly clock: Clock
  /** Latest quote of an instrument, for the take-profit check. */
  readonly quoteOf: QuoteLookup
  /** How often every bracket's take-profit is checked, ms. @default 1000 */
  readonly evaluateIntervalMs?: number
  /**
   * Cooldown after a take-profit attempt that left units open, ms: the next attempt waits at least this long,
   * twice as long after each further attempt that fills nothing (up to `takeProfitRetryMaxMs`). The wait starts
   * over after an attempt that fills something, and shrinks back to this once the quote no longer shows the
   * target. Meanwhile the stop-loss rests again. 0 retries at every evaluation. @default 5000
   */
  readonly takeProfitRetryMs?: number
  /** Cap of the take-profit cooldown, ms. @default the larger of 60000 and `takeProfitRetryMs` */
  readonly takeProfitRetryMaxMs?: number
  /** Logger. @default silentLogger(oms.mode) */
  readonly logger?: Logger
}

/** Runs brackets (entry, resting stop-loss, synthetic take-profit) through the order manager. */
export interface BracketManager {
  /** Every change of every bracket's status. */
  readonly brackets$: Observable<BracketStatus>
  /**
   * Sends the entry through the order manager and manages its exits until the bracket is done.
   *
   * @param bracket - The bracket (from `bracketOrder`); its `takeProfit` and `stopLoss` are templates whose ids
   *   become `<entry>.tp.<n>` and `<entry>.sl.<n>`.
   * @returns The entry after the broker's acknowledgement.
   * @throws {RiskRejectedError} When risk refuses the entry (the bracket ends with that reason).
   * @throws {OrderManagerError} When stopped, the group id was used, or the order manager refuses the entry.
   */
  submit(bracket: BracketOrder): Promise<ManagedOrder>
  /**
   * Re-attaches the manager to a bracket submitted before a restart, without sending its entry again: finds the
   * entry and its exits (`<groupId>.sl.<n>`, `<groupId>.tp.<n>`) in the order manager, numbers new exits after the
   * highest `n` (an id is never reused), counts what the exits filled, rebuilds the take-profit cooldown from
   * their outcomes, then manages the bracket as usual: a stop of the wrong size is resized, a missing one placed,
   * the take-profit watched, a bracket already flat ends. Call it after `oms.start()` (which recovers the orders
   * from the journal and the broker).
   *
   * The journal holds the orders sent, not the take-profit price (the take-profit is synthetic), so the caller
   * persists each `BracketOrder` (or what rebuilds it) when submitting it and keeps it until the bracket is done.
   * Prices must come back as `Decimal`: rebuild the bracket with `bracketOrder` rather than reading raw JSON.
   *
   * @param bracket - The bracket as submitted.
   * @returns Its status right after re-attaching (`done` when nothing is left to manage).
   * @throws {BracketManagerError} When stopped (`not_running`), the bracket is already tracked (`already_tracked`),
   *   the order manager does not know its entry (`unknown_entry`), the entry differs (`entry_mismatch`), or the
   *   bracket is malformed (`invalid_bracket`).
   * @example
   * ```ts
   * // When submitting: persist what rebuilds the bracket.
   * const saved = { clientOrderId: 'b1', quantity: 2, limitPrice: '2.1', takeProfitPrice: '3', stopLossPrice: '1.5' }
   * await store.put(saved.clientOrderId, JSON.stringify(saved))
   * const rebuild = (s: typeof saved) =>
   *   bracketOrder({
   *     entry: createOrderIntent({ clientOrderId: s.clientOrderId, legs, quantity: s.quantity, limitPrice: new Decimal(s.limitPrice) }),
   *     takeProfitPrice: new Decimal(s.takeProfitPrice),
   *     stopLossPrice: new Decimal(s.stopLossPrice),
   *   })
   * await brackets.submit(rebuild(saved))
   *
   * // After a restart: recover the order manager first, then re-attach every bracket not yet done.
   * await oms.start()
   * for (const json of await store.values()) brackets.resume(rebuild(JSON.parse(json)))
   * ```
   */
  resume(bracket: BracketOrder): BracketStatus
  /** Status of every bracket, in submission order. */
  brackets(): BracketStatus[]
  /**
   * Checks every bracket's take-profit now and performs what follows; runs by itself every `evaluateIntervalMs`.
   *
   * @returns When every bracket has nothing more to do for now.
   */
  evaluate(): Promise<void>
  /**
   * Stops evaluating and following orders; waits for actions in progress. Resting stop-losses stay at the broker.
   */
  stop(): Promise<void>
}

interface Tracked {
  readonly bracket: BracketOrder
  readonly exitIds: string[]
  readonly cancelling: Set<string>
  stopId: string | undefined
  takeProfitId: string | undefined
  stops: number
  takeProfits: number
  takeProfitDue: boolean
  /** The take-profit whose outcome is in `retry`; differs from `takeProfitId` while an attempt is unresolved. */
  settledTakeProfitId: string | undefined
  retry: TakeProfitRetry
  started: boolean
  endReason: string | undefined
  lastError: string | undefined
  dirty: boolean
  chain: Promise<void> | undefined
  published: string
}

const MAX_STEPS_PER_WAKE = 32

const timingSchema = z
  .object({
    evaluateIntervalMs: z.number().positive().finite().default(1000),
    takeProfitRetryMs: z.number().nonnegative().finite().default(5000),
    takeProfitRetryMaxMs: z.number().nonnegative().finite().optional(),
  })
  .refine((o) => o.takeProfitRetryMaxMs === undefined || o.takeProfitRetryMaxMs >= o.takeProfitRetryMs, {
    message: 'must be at least takeProfitRetryMs',
    path: ['takeProfitRetryMaxMs'],
  })

const newTracked = (bracket: BracketOrder): Tracked => ({
  bracket,
  exitIds: [],
  cancelling: new Set(),
  stopId: undefined,
  takeProfitId: undefined,
  stops: 0,
  takeProfits: 0,
  takeProfitDue: false,
  settledTakeProfitId: undefined,
  retry: NO_TAKE_PROFIT_RETRY,
  started: false,
  endReason: undefined,
  lastError: undefined,
  dirty: false,
  chain: undefined,
  published: '',
})

/**
 * Creates a bracket manager. The stop-loss rests at the broker for exactly the open units from the entry's first
 * fill, resized by cancel and replace (`<entry>.sl.<n>`). The take-profit is synthetic: when an evaluation finds
 * the exit package marketable at its price, the stop-loss is cancelled, and only once it is final is the
 * take-profit sent as an IOC limit for the open units (`<entry>.tp.<n>`); if anything is left, the stop-loss is
 * placed again, and the next attempt waits `takeProfitRetryMs` (doubling while attempts fill nothing) so a quote
 * the book cannot fill does not cycle the stop every second. So the two exits never work together, and the risk
 * engine's rule that working exits cannot over-close a position always holds. Actions of one bracket run one at a
 * time; failures are logged and reported on the status, never thrown from the timer. State is in memory: after a
 * restart, {@link BracketManager.resume} re-attaches each bracket.
 *
 * @param options - Order manager, clock, quotes, interval and take-profit cooldown.
 * @returns The manager, evaluating until {@link BracketManager.stop}.
 * @throws {ConfigError} When an interval or cooldown is negative or not finite.
 * @example
 * ```ts
 * const brackets = createBracketManager({ oms, clock, quoteOf: (id) => lastQuotes.get(id) })
 * await brackets.submit(bracketOrder({ entry, takeProfitPrice: new Decimal('3'), stopLossPrice: new Decimal('1.5') }))
 * ```
 */
export function createBracketManager(options: BracketManagerOptions): BracketManager {
  const { oms, clock, quoteOf } = options
  const timing = parseConfig(
    timingSchema,
    {
      evaluateIntervalMs: options.evaluateIntervalMs,
      takeProfitRetryMs: options.takeProfitRetryMs,
      takeProfitRetryMaxMs: options.takeProfitRetryMaxMs,
    },
    'bracket manager options',
  )
  const retryPolicy: TakeProfitRetryPolicy = {
    retryMs: timing.takeProfitRetryMs,
    retryMaxMs: timing.takeProfitRetryMaxMs ?? Math.max(60_000, timing.takeProfitRetryMs),
  }
  const logger = (options.logger ?? silentLogger(oms.mode)).child({ component: 'brackets' })
  const tracked = new Map<string, Tracked>()
  const byOrderId = new Map<string, Tracked>()
  const brackets$ = new Subject<BracketStatus>()
  let stopped = false

  const exitFilled = (t: Tracked) => t.exitIds.reduce((sum, id) => sum + (oms.order(id)?.filledQuantity ?? 0), 0)
  const workingId = (id: string | undefined) => {
    const order = id === undefined ? undefined : oms.order(id)
    return order !== undefined && !isFinalStatus(order.status) ? id : undefined
  }

  const statusOf = (t: Tracked): BracketStatus => {
    const entry = oms.order(t.bracket.groupId)
    const exited = exitFilled(t)
    const open = bracketOpenQuantity(entry, exited)
    const stopLossOrderId = workingId(t.stopId)
    const takeProfitOrderId = workingId(t.takeProfitId)
    const stop = stopLossOrderId === undefined ? undefined : oms.order(stopLossOrderId)
    const covered = stop !== undefined && stop.quantity - stop.filledQuantity === open
    let phase: BracketPhase
    if (t.endReason !== undefined) phase = BracketPhase.Done
    else if (!t.started) phase = BracketPhase.Submitting
    else if (takeProfitOrderId !== undefined || (t.takeProfitDue && open > 0)) phase = BracketPhase.TakingProfit
    else if (open === 0) phase = BracketPhase.AwaitingFill
    else phase = covered ? BracketPhase.Protected : BracketPhase.Unprotected
    return {
      mode: oms.mode,
      groupId: t.bracket.groupId,
      phase,
      entryFilledQuantity: entry?.filledQuantity ?? 0,
      exitFilledQuantity: exited,
      openQuantity: open,
      stopLossOrderId,
      takeProfitOrderId,
      exitOrderIds: [...t.exitIds],
      endReason: t.endReason,
      lastError: t.lastError,
      takeProfitRetryAtMs: t.retry.retryAtMs,
      takeProfitUnfilledAttempts: t.retry.unfilledAttempts,
      updatedAtMs: clock.now(),
    }
  }

  const publish = (t: Tracked) => {
    const status = statusOf(t)
    const { updatedAtMs: _, ...rest } = status
    const key = JSON.stringify(rest)
    if (key === t.published) return
    t.published = key
    brackets$.next(status)
  }

  const failed = (t: Tracked, action: string, error: unknown) => {
    t.lastError = error instanceof BaseError ? error.shortMessage : String(error)
    const fields = { groupId: t.bracket.groupId, action, error }
    if (error instanceof RiskRejectedError) logger.warn('bracket action refused by risk', fields)
    else logger.error('bracket action failed', fields)
  }

  const sendExit = async (t: Tracked, intent: OrderIntent, kind: 'stop' | 'take profit') => {
    t.exitIds.push(intent.clientOrderId)
    byOrderId.set(intent.clientOrderId, t)
    if (kind === 'stop') t.stopId = intent.clientOrderId
    else t.takeProfitId = intent.clientOrderId
    await oms.submit(intent, 'exit', { closesOrderId: t.bracket.groupId })
    t.lastError = undefined
    logger.info(`bracket ${kind} sent`, { groupId: t.bracket.groupId, clientOrderId: intent.clientOrderId })
  }

  /** Once the latest take-profit is final (or was refused), starts the cooldown if it left units open. */
  const settleTakeProfit = (t: Tracked) => {
    const id = t.takeProfitId
    if (id === undefined || id === t.settledTakeProfitId) return
    const order = oms.order(id)
    if (order !== undefined && !isFinalStatus(order.status)) return
    t.settledTakeProfitId = id
    // A target seen while this attempt was unresolved is stale: the next one waits for the cooldown.
    t.takeProfitDue = false
    if (bracketOpenQuantity(oms.order(t.bracket.groupId), exitFilled(t)) === 0) return
    t.retry = afterTakeProfitAttempt(t.retry, order?.filledQuantity ?? 0, clock.now(), retryPolicy)
    logger.info('bracket take-profit left units open; next attempt after a cooldown', {
      groupId: t.bracket.groupId,
      clientOrderId: id,
      filledQuantity: order?.filledQuantity ?? 0,
      unfilledAttempts: t.retry.unfilledAttempts,
      retryAtMs: t.retry.retryAtMs,
    })
  }

  const others = (t: Tracked) =>
    t.exitIds.flatMap((id) => {
      const order = id === t.stopId || id === t.takeProfitId ? undefined : oms.order(id)
      return order === undefined || isFinalStatus(order.status) ? [] : [order]
    })

  const nextStep = (t: Tracked) =>
    nextBracketStep({
      entry: oms.order(t.bracket.groupId),
      stopLoss: t.stopId === undefined ? undefined : oms.order(t.stopId),
      takeProfit: t.takeProfitId === undefined ? undefined : oms.order(t.takeProfitId),
      exitFilledQuantity: exitFilled(t),
      takeProfitDue: t.takeProfitDue,
      cancelling: t.cancelling,
      otherExits: others(t),
    })

  /** Performs one step; returns whether it acted (so the state must be read again). */
  const step = async (t: Tracked): Promise<boolean> => {
    const { bracket } = t
    settleTakeProfit(t)
    const next = nextStep(t)
    switch (next.kind) {
      case 'wait':
        return false
      case 'end':
        t.endReason = next.reason
        logger.info('bracket done', { groupId: bracket.groupId, reason: next.reason })
        return false
      case 'cancel':
        try {
          const order = await oms.cancel(next.clientOrderId)
          if (!isFinalStatus(order.status)) t.cancelling.add(next.clientOrderId)
        } catch (error) {
          failed(t, `cancel ${next.clientOrderId} (${next.reason})`, error)
          return false
        }
        return true
      case 'place_stop': {
        t.stops += 1
        const intent = {
          ...bracket.stopLoss,
          clientOrderId: `${bracket.groupId}.sl.${t.stops}`,
          quantity: next.quantity,
        }
        try {
          await sendExit(t, intent, 'stop')
        } catch (error) {
          failed(t, `place ${intent.clientOrderId}`, error)
          return false
        }
        return true
      }
      case 'send_take_profit': {
        t.takeProfits += 1
        t.takeProfitDue = false
        const intent: OrderIntent = {
          ...bracket.takeProfit,
          clientOrderId: `${bracket.groupId}.tp.${t.takeProfits}`,
          quantity: next.quantity,
          timeInForce: TimeInForce.ImmediateOrCancel,
        }
        try {
          await sendExit(t, intent, 'take profit')
        } catch (error) {
          failed(t, `send ${intent.clientOrderId}`, error)
        }
        return true
      }
    }
  }

  // One chain per bracket: a wake while it runs only marks it dirty, and the running chain steps again.
  const wake = (t: Tracked): Promise<void> => {
    t.dirty = true
    if (t.chain !== undefined || !t.started || stopped || t.endReason !== undefined) return t.chain ?? Promise.resolve()
    let limited = false
    const run = async () => {
      // Let the order manager finish applying the broker event that woke us (fills, positions) first.
      await Promise.resolve()
      let steps = 0
      while (t.dirty && !stopped && t.endReason === undefined) {
        if (steps++ >= MAX_STEPS_PER_WAKE) {
          logger.warn('bracket step limit reached; continuing at the next evaluation', { groupId: t.bracket.groupId })
          limited = true
          break
        }
        t.dirty = false
        try {
          if (await step(t)) t.dirty = true
        } catch (error) {
          failed(t, 'step', error)
        }
        publish(t)
      }
    }
    t.chain = run().finally(() => {
      t.chain = undefined
      publish(t)
      // A wake that arrived after the last step but before this point would otherwise be lost.
      if (t.dirty && !limited) void wake(t)
    })
    return t.chain
  }

  const checkTakeProfit = (t: Tracked) => {
    if (t.takeProfitDue || t.endReason !== undefined || t.takeProfitId !== t.settledTakeProfitId) return
    if (bracketOpenQuantity(oms.order(t.bracket.groupId), exitFilled(t)) === 0) return
    const { legs, limitPrice } = t.bracket.takeProfit
    const quote = packageQuote(legs, quoteOf)
    if (limitPrice === undefined || quote === undefined || !quote.priced) return
    if (!quote.netAsk.lte(toSignedNet(legs, limitPrice))) {
      t.retry = targetLost(t.retry, retryPolicy)
      return
    }
    if (!takeProfitAllowed(t.retry, clock.now())) return
    t.takeProfitDue = true
    logger.info('bracket take-profit reached', { groupId: t.bracket.groupId, netAsk: quote.netAsk.toString() })
  }

  const evaluate = async (): Promise<void> => {
    const active = [...tracked.values()].filter((t) => t.started && t.endReason === undefined)
    for (const t of active) checkTakeProfit(t)
    await Promise.all(active.map((t) => wake(t)))
    // A wake during those chains starts another run: wait for it too.
    while (active.some((t) => t.chain !== undefined)) await Promise.all(active.map((t) => t.chain))
  }

  const subscriptions: Subscription[] = [
    oms.orders$.subscribe((order) => {
      const t = byOrderId.get(order.clientOrderId)
      if (t !== undefined) void wake(t)
    }),
    interval(timing.evaluateIntervalMs, clock.scheduler).subscribe(() => {
      evaluate().catch((error: unknown) => logger.error('bracket evaluation failed', { error }))
    }),
  ]

  return {
    brackets$: brackets$.asObservable(),
    async submit(bracket) {
      if (stopped) throw new OrderManagerError('not_running', 'Bracket manager is stopped')
      if (tracked.has(bracket.groupId)) {
        throw new OrderManagerError('duplicate_client_order_id', `Bracket ${bracket.groupId} was already submitted`, {
          clientOrderId: bracket.groupId,
        })
      }
      if (oms.order(bracket.groupId) !== undefined) {
        throw new OrderManagerError(
          'duplicate_client_order_id',
          `Entry ${bracket.groupId} was already sent; after a restart, resume() the bracket instead`,
          { clientOrderId: bracket.groupId },
        )
      }
      const t = newTracked(bracket)
      tracked.set(bracket.groupId, t)
      byOrderId.set(bracket.groupId, t)
      publish(t)
      let entry: ManagedOrder
      try {
        entry = await oms.submit(bracket.entry, 'entry')
      } catch (error) {
        failed(t, `submit entry ${bracket.groupId}`, error)
        t.endReason = `entry refused: ${t.lastError}`
        publish(t)
        throw error
      }
      t.started = true
      void wake(t)
      return entry
    },
    resume(bracket) {
      const { groupId } = bracket
      if (stopped) throw new BracketManagerError('not_running', groupId, 'Bracket manager is stopped')
      if (tracked.has(groupId)) {
        throw new BracketManagerError('already_tracked', groupId, `Bracket ${groupId} is already managed here`)
      }
      const recovered = recoverBracket(bracket, oms.order(groupId), oms.orders(), retryPolicy)
      const t: Tracked = { ...newTracked(bracket), ...recovered, started: true }
      tracked.set(groupId, t)
      for (const id of [groupId, ...t.exitIds]) byOrderId.set(id, t)
      // A bracket found already flat ends here rather than showing as awaiting a fill until its first step.
      const first = nextStep(t)
      if (first.kind === 'end') t.endReason = first.reason
      logger.info('bracket resumed', {
        groupId,
        exitOrderIds: t.exitIds,
        stopLossOrderId: t.stopId,
        nextStopNumber: t.stops + 1,
        nextTakeProfitNumber: t.takeProfits + 1,
        endReason: t.endReason,
      })
      publish(t)
      void wake(t)
      return statusOf(t)
    },
    brackets: () => [...tracked.values()].map(statusOf),
    evaluate,
    async stop() {
      stopped = true
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe()
      await Promise.allSettled([...tracked.values()].map((t) => t.chain))
      brackets$.complete()
    },
  }
}
