import type { Decimal } from 'decimal.js'
import { BehaviorSubject, type Observable, Subject } from 'rxjs'
import { nyDate } from '../calendar/newYorkTime.js'
import type { Clock } from '../clock/clock.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import type { TradingMode } from '../trading/types.js'
import { issueApproval, type RiskApproval, registerRiskEngine } from './internal/approvalRegistry.js'
import { freezeIntent } from './internal/freezeIntent.js'
import type { RiskCheck, RiskCheckInput } from './riskContext.js'
import type { RiskEvent } from './riskEvent.js'
import { parseRiskLimits, type RiskLimits, type RiskLimitsInput } from './riskLimits.js'
import type { RiskRejection } from './riskRejection.js'
import { RISK_STATUS_RANK, type RiskState } from './riskState.js'
import { RiskStateError } from './riskStateError.js'
import { runRiskChecks } from './runRiskChecks.js'

/** The outcome of {@link RiskEngine.check}. */
export type RiskDecision =
  | { readonly approved: true; readonly approval: RiskApproval }
  | { readonly approved: false; readonly rejection: RiskRejection }

/** Today's P&L as the order manager computes it. */
export interface DailyPnl {
  /** New York date of the trading day. */
  readonly date: string
  /** Realised P&L of today's fills, net of commissions. */
  readonly realized: Decimal
  /** Unrealised P&L of open positions at current marks. */
  readonly unrealized: Decimal
}

/**
 * The pre-trade risk gate and the trading state machine (active → reducing → halted). The order manager asks it
 * about every order; only its approvals can reach a broker.
 */
export interface RiskEngine {
  /** Paper or live; intents must carry the same mode. */
  readonly mode: TradingMode
  /** Limits in force. */
  readonly limits: RiskLimits
  /** Current state; replays it to new subscribers. */
  readonly riskState$: Observable<RiskState>
  /** Approvals, rejections, state changes and daily-loss warnings. */
  readonly events$: Observable<RiskEvent>
  /** Current state. */
  readonly state: RiskState
  /**
   * Runs every pre-trade check on a deep-frozen copy of the intent. Approving an entry counts it against the
   * rate limit.
   *
   * @param input - Intent, purpose, exposure and market view.
   * @returns An approval for exactly that frozen intent, or the first rejection.
   */
  check(input: RiskCheckInput): RiskDecision
  /**
   * Feeds today's P&L. A loss of `maxDailyLoss` or more halts trading (gains never do); a loss past
   * `dailyLossWarnFraction` of it emits one warning per day.
   *
   * @param pnl - Today's realised and unrealised P&L.
   */
  updateDailyPnl(pnl: DailyPnl): void
  /**
   * Exits only, until {@link RiskEngine.resume}. Does nothing when already reducing or halted.
   *
   * @param note - Why, for the log.
   */
  reduceOnly(note: string): void
  /**
   * Halts: exits only, latched.
   *
   * @param cause - `kill_switch` or `operator`.
   * @param note - Why, for the log.
   */
  halt(cause: 'kill_switch' | 'operator', note: string): void
  /**
   * Back to active.
   *
   * @param note - Why, for the log.
   * @throws {RiskStateError} When halted by the daily loss limit on the current New York date.
   */
  resume(note: string): void
  /**
   * Re-applies a state recorded before a restart. Only moves to an equal or stricter state, so a stale record
   * can never loosen the current one.
   *
   * @param state - The recorded state.
   */
  restore(state: RiskState): void
}

/** A daily P&L's loss and how it compares with the loss levels, for the objects it was worked out from. */
interface LossJudgement {
  readonly realized: Decimal
  readonly unrealized: Decimal
  /** −(realized + unrealized). */
  readonly loss: Decimal
  /** `loss > 0`. */
  readonly positive: boolean
  /** `loss ≥ level` for the daily loss limit last compared with. */
  limit?: { readonly level: Decimal; readonly reached: boolean }
  /** `loss ≥ level` for the warning level last compared with. */
  warning?: { readonly level: Decimal; readonly reached: boolean }
}

/** Options of {@link createRiskEngine}. */
export interface RiskEngineOptions {
  /** Paper or live. */
  readonly mode: TradingMode
  /** Source of time (rate limit, 0DTE cutoff, daily reset). */
  readonly clock: Clock
  /** Limits; missing fields take their defaults. @default parseRiskLimits({}) */
  readonly limits?: RiskLimitsInput | RiskLimits
  /** Extra entry checks run after the built-in ones. @default [] */
  readonly extraChecks?: readonly RiskCheck[]
  /** Logger. @default silentLogger(mode) */
  readonly logger?: Logger
}

/**
 * Creates the risk engine.
 *
 * @param options - Mode, clock, limits, extra checks and logger.
 * @returns The engine, active.
 * @example
 * ```ts
 * const risk = createRiskEngine({ mode: 'paper', clock: wallClock(), limits: { maxDailyLoss: 500 } })
 * risk.riskState$.subscribe((state) => dashboard.show(state.status))
 * ```
 */
export function createRiskEngine(options: RiskEngineOptions): RiskEngine {
  const { mode, clock } = options
  const limits = parseRiskLimits(options.limits as RiskLimitsInput)
  const logger = (options.logger ?? silentLogger(mode)).child({ component: 'risk' })
  const state$ = new BehaviorSubject<RiskState>({ status: 'active', cause: 'start', note: '', sinceMs: clock.now() })
  const events$ = new Subject<RiskEvent>()
  const recentEntriesMs: number[] = []
  let warnedForDate: string | undefined
  // P&L is reported every second and its parts often stand still: the loss, the warning level and their
  // comparisons are worked out again only when the objects they come from change (Decimals are immutable).
  let judged: LossJudgement | undefined
  const judge = (pnl: DailyPnl): LossJudgement => {
    if (judged?.realized !== pnl.realized || judged.unrealized !== pnl.unrealized) {
      const loss = pnl.realized.plus(pnl.unrealized).negated()
      judged = { realized: pnl.realized, unrealized: pnl.unrealized, loss, positive: loss.gt(0) }
    }
    return judged
  }
  const reaches = (judgement: LossJudgement, level: Decimal, which: 'limit' | 'warning'): boolean => {
    const known = judgement[which]
    if (known?.level === level) return known.reached
    const reached = judgement.loss.gte(level)
    judgement[which] = { level, reached }
    return reached
  }
  let warnLevel: { max: Decimal; fraction: number; level: Decimal } | undefined
  const warnLoss = (): Decimal => {
    const { maxDailyLoss, dailyLossWarnFraction } = limits
    if (warnLevel?.max !== maxDailyLoss || warnLevel.fraction !== dailyLossWarnFraction) {
      warnLevel = {
        max: maxDailyLoss,
        fraction: dailyLossWarnFraction,
        level: maxDailyLoss.times(dailyLossWarnFraction),
      }
    }
    return warnLevel.level
  }

  const transition = (next: Omit<RiskState, 'sinceMs'>): void => {
    const previous = state$.value
    const state: RiskState = { ...next, sinceMs: clock.now() }
    state$.next(state)
    logger.warn('risk state changed', { from: previous.status, to: state.status, cause: state.cause, note: state.note })
    events$.next({ type: 'state_changed', state, previous, mode, timestampMs: state.sinceMs })
  }

  const engine: RiskEngine = {
    mode,
    limits,
    riskState$: state$.asObservable(),
    events$: events$.asObservable(),
    get state() {
      return state$.value
    },
    check(input) {
      const nowMs = clock.now()
      while (recentEntriesMs.length > 0 && (recentEntriesMs[0] ?? 0) <= nowMs - limits.rateWindowMs) {
        recentEntriesMs.shift()
      }
      const intent = freezeIntent(input.intent)
      const context = {
        ...input,
        intent,
        limits,
        nowMs,
        status: state$.value.status,
        mode,
        recentEntriesMs: [...recentEntriesMs],
      }
      const rejection = runRiskChecks(context, options.extraChecks)
      const base = { mode, timestampMs: nowMs, clientOrderId: intent.clientOrderId, purpose: input.purpose }
      if (rejection !== undefined) {
        logger.warn('order rejected by risk', {
          clientOrderId: intent.clientOrderId,
          code: rejection.code,
          reason: rejection.message,
        })
        events$.next({ ...base, type: 'order_rejected', rejection })
        return { approved: false, rejection }
      }
      if (input.purpose !== 'exit') recentEntriesMs.push(nowMs)
      events$.next({ ...base, type: 'order_approved' })
      return { approved: true, approval: issueApproval(intent, input.purpose, nowMs) }
    },
    updateDailyPnl(pnl) {
      const judgement = judge(pnl)
      if (!judgement.positive) return
      const { loss } = judgement
      const current = state$.value
      if (reaches(judgement, limits.maxDailyLoss, 'limit')) {
        if (current.status === 'halted') return
        transition({
          status: 'halted',
          cause: 'daily_loss_limit',
          note: `daily loss ${loss.toFixed(2)} reached the limit of ${limits.maxDailyLoss.toFixed(2)}`,
          dailyLossDate: pnl.date,
        })
        return
      }
      if (warnedForDate !== pnl.date && reaches(judgement, warnLoss(), 'warning')) {
        warnedForDate = pnl.date
        logger.warn('daily loss warning', { loss: loss.toFixed(2), limit: limits.maxDailyLoss.toFixed(2) })
        events$.next({
          type: 'daily_loss_warning',
          date: pnl.date,
          loss,
          limit: limits.maxDailyLoss,
          mode,
          timestampMs: clock.now(),
        })
      }
    },
    reduceOnly(note) {
      if (state$.value.status !== 'active') return
      transition({ status: 'reducing', cause: 'operator', note })
    },
    halt(cause, note) {
      const current = state$.value
      if (current.status === 'halted') return
      transition({ status: 'halted', cause, note })
    },
    resume(note) {
      const current = state$.value
      if (current.status === 'active') return
      if (current.cause === 'daily_loss_limit' && current.dailyLossDate === nyDate(clock.now())) {
        throw new RiskStateError(
          `Cannot resume: the daily loss limit was reached today (${current.dailyLossDate})`,
          current,
        )
      }
      transition({ status: 'active', cause: 'start', note })
    },
    restore(state) {
      const current = state$.value
      if (RISK_STATUS_RANK[state.status] <= RISK_STATUS_RANK[current.status]) return
      const { sinceMs: _since, ...rest } = state
      transition({ ...rest, cause: state.cause, note: `restored: ${state.note}` })
    },
  }
  registerRiskEngine(engine)
  return engine
}
