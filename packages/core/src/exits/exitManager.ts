import { interval, type Observable, Subject, type Subscription } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import { BaseError } from '../errors/baseError.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import type { OrderManager } from '../oms/orderManager.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import type { QuoteLookup } from '../orders/packageQuote.js'
import type { TickTable } from '../orders/tickTable.js'
import type { MarketView } from '../risk/marketView.js'
import type { TradingMode } from '../trading/types.js'
import { type ExitDecision, evaluateExit } from './evaluateExit.js'
import { exitIntent } from './exitIntent.js'
import { type ExitRulesInput, parseExitRules } from './exitRules.js'

/** What happened to one exit decision. */
export interface ExitEvent {
  /** Paper or live. */
  readonly mode: TradingMode
  /** The decision. */
  readonly decision: ExitDecision
  /** The exit order's id. */
  readonly clientOrderId: string
  /** `sent`, `failed` (refused by risk, the broker or the order manager) or `unpriced` (no limit price). */
  readonly outcome: 'sent' | 'failed' | 'unpriced'
  /** Why it failed. */
  readonly error?: string
  /** When, epoch ms. */
  readonly timestampMs: number
}

/** Options of {@link createExitManager}. */
export interface ExitManagerOptions {
  /** The order manager whose trades are watched; exits go through its `submit` (risk engine included). */
  readonly oms: Pick<OrderManager, 'mode' | 'openTrades' | 'orders' | 'submit' | 'cancel'>
  /** Marks. */
  readonly marketView: MarketView
  /** Source of time; evaluations run on its scheduler. */
  readonly clock: Clock
  /** Rules. @default parseExitRules({}) */
  readonly rules?: ExitRulesInput
  /** Quotes for take-profit prices. @default marks */
  readonly quoteOf?: QuoteLookup
  /** Tick table. @default DEFAULT_TICK_TABLE */
  readonly tickTable?: TickTable
  /** Prefix of exit order ids. @default 'exit' */
  readonly idPrefix?: string
  /** Logger. @default silentLogger(oms.mode) */
  readonly logger?: Logger
}

/** Watches open trades and sends exits through the order manager. */
export interface ExitManager {
  /** One event per decision acted on. */
  readonly events$: Observable<ExitEvent>
  /**
   * Evaluates every open trade now: cancels stale take-profit orders, then sends what the rules decide.
   * Concurrent calls return at once with no events.
   *
   * @returns Events of this evaluation.
   */
  evaluate(): Promise<readonly ExitEvent[]>
  /** Evaluates every `evaluateIntervalMs` on the clock's scheduler until {@link ExitManager.stop}. */
  start(): void
  /** Stops the periodic evaluation. */
  stop(): void
}

const KINDS = /^(tp(\d+)|sl|time)$/

/**
 * Creates the exit manager. Exit order ids are `<prefix>.<kind>.<tradeId>.<ms>` with kind `tp<tier>`, `sl` or
 * `time`; the manager keeps no state of its own, it reads which tiers a trade has used from those ids in the
 * order manager (so a restart does not re-fire a tier). A stop-loss or time exit first cancels the trade's
 * working take-profit orders, then closes what they no longer reserve.
 *
 * @param options - Order manager, market view, clock, rules and pricing.
 * @returns The manager, not started.
 * @example
 * ```ts
 * const exits = createExitManager({ oms, marketView, clock, rules: { timeExit: { minutesBefore: 20 } } })
 * exits.start()
 * ```
 */
export function createExitManager(options: ExitManagerOptions): ExitManager {
  const { oms, marketView, clock } = options
  const rules = parseExitRules(options.rules)
  const prefix = options.idPrefix ?? 'exit'
  const logger = (options.logger ?? silentLogger(oms.mode)).child({ component: 'exits' })
  const events$ = new Subject<ExitEvent>()
  let running = false
  let timer: Subscription | undefined

  const kindOf = (clientOrderId: string): string | undefined => {
    if (!clientOrderId.startsWith(`${prefix}.`)) return undefined
    const kind = clientOrderId.slice(prefix.length + 1).split('.')[0] ?? ''
    return KINDS.test(kind) ? kind : undefined
  }

  const cancelQuietly = async (clientOrderId: string) => {
    try {
      await oms.cancel(clientOrderId)
    } catch (error) {
      logger.warn('cancel of exit order failed', { clientOrderId, error })
    }
  }

  const act = async (decision: ExitDecision, nowMs: number): Promise<ExitEvent> => {
    const kind =
      decision.reason === 'take_profit' ? `tp${decision.tier ?? 0}` : decision.reason === 'stop_loss' ? 'sl' : 'time'
    const clientOrderId = `${prefix}.${kind}.${decision.tradeId}.${nowMs}`
    const trade = oms.openTrades().find((t) => t.tradeId === decision.tradeId)
    const intent =
      trade === undefined
        ? undefined
        : exitIntent(trade, decision, {
            clientOrderId,
            mode: oms.mode,
            ...(options.quoteOf === undefined ? {} : { quoteOf: options.quoteOf }),
            ...(options.tickTable === undefined ? {} : { tickTable: options.tickTable }),
          })
    const event = (outcome: ExitEvent['outcome'], error?: string): ExitEvent => ({
      mode: oms.mode,
      decision,
      clientOrderId,
      outcome,
      timestampMs: nowMs,
      ...(error === undefined ? {} : { error }),
    })
    if (intent === undefined) return event('unpriced')
    try {
      await oms.submit(intent, 'exit', { closesOrderId: decision.tradeId })
      logger.info('exit sent', { clientOrderId, reason: decision.reason, units: decision.units })
      return event('sent')
    } catch (error) {
      const message = error instanceof BaseError ? error.shortMessage : String(error)
      logger.warn('exit failed', { clientOrderId, reason: decision.reason, error: message })
      return event('failed', message)
    }
  }

  const evaluate = async (): Promise<readonly ExitEvent[]> => {
    if (running) return []
    running = true
    const out: ExitEvent[] = []
    try {
      const nowMs = clock.now()
      for (const order of oms.orders()) {
        const kind = kindOf(order.clientOrderId)
        const stale = order.type === 'LMT' && nowMs - order.createdAtMs >= rules.repriceAfterMs
        if (kind?.startsWith('tp') && !isFinalStatus(order.status) && stale) await cancelQuietly(order.clientOrderId)
      }
      for (const candidate of oms.openTrades()) {
        const exits = oms.orders().filter((o) => o.purpose === 'exit' && o.closesOrderId === candidate.tradeId)
        const triggered = new Set<number>()
        for (const order of exits) {
          const tier = KINDS.exec(kindOf(order.clientOrderId) ?? '')?.[2]
          if (tier !== undefined && (!isFinalStatus(order.status) || order.filledQuantity > 0))
            triggered.add(Number(tier))
        }
        // Urgent rules (stop-loss, time exit) see the units working take-profits reserve as theirs to close.
        const workingTp = exits.filter((o) => !isFinalStatus(o.status) && kindOf(o.clientOrderId)?.startsWith('tp'))
        const tpUnits = workingTp.reduce((sum, o) => sum + o.quantity - o.filledQuantity, 0)
        const probe = evaluateExit(
          { ...candidate, workingExitUnits: candidate.workingExitUnits - tpUnits },
          marketView,
          nowMs,
          rules,
          triggered,
        )
        let decision = evaluateExit(candidate, marketView, nowMs, rules, triggered)
        if (probe !== undefined && probe.reason !== 'take_profit' && workingTp.length > 0) {
          for (const order of workingTp) await cancelQuietly(order.clientOrderId)
          const after = oms.openTrades().find((t) => t.tradeId === candidate.tradeId)
          decision = after === undefined ? undefined : evaluateExit(after, marketView, nowMs, rules, triggered)
        }
        if (decision === undefined) continue
        const event = await act(decision, nowMs)
        out.push(event)
        events$.next(event)
      }
    } finally {
      running = false
    }
    return out
  }

  return {
    events$: events$.asObservable(),
    evaluate,
    start() {
      timer ??= interval(rules.evaluateIntervalMs, clock.scheduler).subscribe(() => void evaluate())
    },
    stop() {
      timer?.unsubscribe()
      timer = undefined
    },
  }
}
