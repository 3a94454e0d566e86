import type { Decimal } from 'decimal.js'
import { interval, type Observable, Subject, type Subscription } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import { BaseError } from '../errors/baseError.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import type { OpenTrade } from '../oms/openTrades.js'
import type { OrderManager } from '../oms/orderManager.js'
import { legIds } from '../orders/legIds.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import type { QuoteLookup } from '../orders/packageQuote.js'
import type { TickTable } from '../orders/tickTable.js'
import type { MarketView } from '../risk/marketView.js'
import type { TradingMode } from '../trading/types.js'
import { decideExit, type ExitDecision, type TradeValuation, valueTrade } from './evaluateExit.js'
import { exitIntent } from './exitIntent.js'
import { type ExitRulesInput, parseExitRules } from './exitRules.js'
import { createOrderIndexer, type OrderIndex } from './internal/orderIndex.js'
import { priceRulesClear } from './internal/priceRulesClear.js'

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

interface Valuation {
  readonly legs: OpenTrade['legs']
  readonly entry: Decimal
  readonly marks: readonly (number | undefined)[]
  readonly value: TradeValuation | undefined
}

/** Equal value and sign (a Decimal can be −0). */
const sameDecimal = (a: Decimal, b: Decimal): boolean => a.eq(b) && a.isNegative() === b.isNegative()

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
  const indexOrders = createOrderIndexer()
  let timer: Subscription | undefined

  // Exit order ids never change meaning: parse each once.
  const kinds = new Map<string, string | undefined>()
  const kindOf = (clientOrderId: string): string | undefined => {
    if (kinds.has(clientOrderId)) return kinds.get(clientOrderId)
    let kind: string | undefined
    if (clientOrderId.startsWith(`${prefix}.`)) {
      const parsed = clientOrderId.slice(prefix.length + 1).split('.')[0] ?? ''
      kind = KINDS.test(parsed) ? parsed : undefined
    }
    kinds.set(clientOrderId, kind)
    return kind
  }

  // Each trade is valued every evaluation, but its marks change less often than that: the last valuation is kept
  // with the marks and entry price it was computed from, and reused while they are the same. A trade whose price
  // rules clearly cannot fire is not valued in Decimal at all (see priceRulesClear): no rule would read the value.
  let valuations = new Map<string, Valuation>()
  const valuationOf = (
    trade: OpenTrade,
    seen: Map<string, Valuation>,
    nowMs: number,
    triggered: ReadonlySet<number>,
  ): TradeValuation | undefined => {
    const ids = legIds(trade.legs)
    const marks = ids.map((id) => marketView.mark(id))
    const known = valuations.get(trade.tradeId)
    const reusable =
      known !== undefined &&
      known.legs === trade.legs &&
      sameDecimal(known.entry, trade.entryNetPrice) &&
      known.marks.every((mark, i) => Object.is(mark, marks[i]))
    if (!reusable && priceRulesClear(trade, marks, rules, nowMs, triggered)) return undefined
    const valuation: Valuation = reusable
      ? known
      : { legs: trade.legs, entry: trade.entryNetPrice, marks, value: valueTrade(trade, marketView) }
    seen.set(trade.tradeId, valuation)
    return valuation.value
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
    const seen = new Map<string, Valuation>()
    try {
      const nowMs = clock.now()
      // The order list only changes across an await or an event handler; until then one index serves every trade.
      let index: OrderIndex | undefined = indexOrders(oms.orders())
      const currentIndex = (): OrderIndex => {
        index ??= indexOrders(oms.orders())
        return index
      }
      const invalidate = () => {
        index = undefined
      }
      for (const order of currentIndex().workingLimits) {
        const stale = nowMs - order.createdAtMs >= rules.repriceAfterMs
        if (stale && kindOf(order.clientOrderId)?.startsWith('tp')) {
          invalidate()
          await cancelQuietly(order.clientOrderId)
        }
      }
      for (const candidate of oms.openTrades()) {
        const exits = currentIndex().exitsOf(candidate.tradeId)
        const triggered = new Set<number>()
        for (const order of exits) {
          // A kind passed KINDS, so `tp` is followed by the tier's digits.
          const kind = kindOf(order.clientOrderId)
          if (kind?.startsWith('tp') && (!isFinalStatus(order.status) || order.filledQuantity > 0))
            triggered.add(Number(kind.slice(2)))
        }
        // Urgent rules (stop-loss, time exit) see the units working take-profits reserve as theirs to close.
        const workingTp = exits.filter((o) => !isFinalStatus(o.status) && kindOf(o.clientOrderId)?.startsWith('tp'))
        const tpUnits = workingTp.reduce((sum, o) => sum + o.quantity - o.filledQuantity, 0)
        const value = () => valuationOf(candidate, seen, nowMs, triggered)
        const probe =
          tpUnits === 0
            ? decideExit(candidate, nowMs, rules, triggered, value)
            : decideExit(
                { ...candidate, workingExitUnits: candidate.workingExitUnits - tpUnits },
                nowMs,
                rules,
                triggered,
                value,
              )
        // Without take-profit units the probe saw exactly the candidate, so it is the decision.
        let decision = tpUnits === 0 ? probe : decideExit(candidate, nowMs, rules, triggered, value)
        if (probe !== undefined && probe.reason !== 'take_profit' && workingTp.length > 0) {
          invalidate()
          for (const order of workingTp) await cancelQuietly(order.clientOrderId)
          const after = oms.openTrades().find((t) => t.tradeId === candidate.tradeId)
          decision =
            after === undefined
              ? undefined
              : decideExit(after, nowMs, rules, triggered, () => valuationOf(after, seen, nowMs, triggered))
        }
        if (decision === undefined) continue
        invalidate()
        const event = await act(decision, nowMs)
        out.push(event)
        events$.next(event)
        invalidate()
      }
    } finally {
      running = false
      // Keep only the trades still open, so closed trades do not accumulate.
      valuations = seen
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
