import { Decimal } from 'decimal.js'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { expirationInstantMs } from '../calendar/optionsHours.js'
import { tradingSession } from '../calendar/tradingSession.js'
import type { OpenTrade } from '../oms/openTrades.js'
import { exactDecimal } from '../orders/internal/exactDecimal.js'
import { legIds } from '../orders/legIds.js'
import type { MarketView } from '../risk/marketView.js'
import type { ExitRules } from './exitRules.js'
import { activeTier } from './internal/activeTier.js'

/** Why an exit fires. */
export const ExitReason = { TakeProfit: 'take_profit', StopLoss: 'stop_loss', TimeExit: 'time_exit' } as const
/** One of {@link ExitReason}. */
export type ExitReason = (typeof ExitReason)[keyof typeof ExitReason]

/** An exit to send for one trade. */
export interface ExitDecision {
  /** The trade (its entry order id). */
  readonly tradeId: string
  /** Why. */
  readonly reason: ExitReason
  /** Take-profit tier index, for `take_profit`. */
  readonly tier?: number
  /** Units to close. */
  readonly units: number
  /** Net mark of the trade per unit (signed, as opened), when known. */
  readonly netMark?: Decimal
  /** P&L as a fraction of the entry price, when known. */
  readonly profitFraction?: number
}

/**
 * Net mark of a trade's legs as opened, per unit: Σ sign × ratio × mark (debit positive).
 *
 * @param trade - The trade.
 * @param market - Marks.
 * @returns The net mark, or `undefined` when a leg has no mark.
 * @example
 * ```ts
 * tradeNetMark(trade, marketView)?.toFixed(2) // '-0.60' for a credit spread worth 0.60 to buy back
 * ```
 */
export function tradeNetMark(trade: Pick<OpenTrade, 'legs'>, market: MarketView): Decimal | undefined {
  const ids = legIds(trade.legs)
  let net = new Decimal(0)
  for (let i = 0; i < trade.legs.length; i++) {
    const leg = trade.legs[i]
    const mark = market.mark(ids[i] ?? '')
    if (leg === undefined || mark === undefined) return undefined
    net = net.plus(exactDecimal(mark).times(leg.ratio * (leg.side === 'buy' ? 1 : -1)))
  }
  return net
}

/** A trade's net mark and its P&L as a fraction of the entry price. */
export interface TradeValuation {
  /** Net mark per unit (signed, as opened). */
  readonly netMark: Decimal
  /** (net mark − entry) / |entry|. */
  readonly profitFraction: number
}

/**
 * Values a trade at the view's marks.
 *
 * @param trade - The trade.
 * @param market - Marks.
 * @returns The valuation, or `undefined` when a leg has no mark or the entry price is zero.
 * @example
 * ```ts
 * valueTrade(trade, marketView)?.profitFraction // 0.25 for a quarter of the entry price won
 * ```
 */
export function valueTrade(
  trade: Pick<OpenTrade, 'legs' | 'entryNetPrice'>,
  market: MarketView,
): TradeValuation | undefined {
  const netMark = tradeNetMark(trade, market)
  const entry = trade.entryNetPrice
  if (netMark === undefined || entry.isZero()) return undefined
  return { netMark, profitFraction: netMark.minus(entry).div(entry.abs()).toNumber() }
}

/**
 * The instant a trade's time exit fires: `minutesBefore` the reference instant of its earliest expiring option
 * leg. Trades without option legs have none.
 *
 * @param trade - The trade.
 * @param timeExit - The rule.
 * @returns Epoch ms, or `undefined`.
 * @example
 * ```ts
 * timeExitMs(trade, { minutesBefore: 15, reference: 'expiration' }) // 16:00 New York for SPY 0DTE
 * ```
 */
export function timeExitMs(
  trade: Pick<OpenTrade, 'legs'>,
  timeExit: NonNullable<ExitRules['timeExit']>,
): number | undefined {
  let earliest: number | undefined
  for (const leg of trade.legs) {
    const instrument = leg.instrument
    if (instrument.kind !== 'option') continue
    let reference: number
    try {
      reference =
        timeExit.reference === 'expiration'
          ? expirationInstantMs(instrument.root, instrument.expiry)
          : (tradingSession(instrument.expiry)?.regularCloseMs ?? nyTimeToMs(instrument.expiry, '16:00'))
    } catch {
      // Outside the calendar or not a trading day: the standard 16:00 close is the conservative guess.
      reference = nyTimeToMs(instrument.expiry, '16:00')
    }
    earliest = Math.min(earliest ?? reference, reference)
  }
  return earliest === undefined ? undefined : earliest - timeExit.minutesBefore * 60_000
}

/**
 * Decides whether one trade should be (partly) closed now. Pure. Priority: time exit, then stop-loss, then the
 * take-profit tier in force (skipped when `triggeredTiers` has it). Only units not already being closed by
 * working exits are offered; with none left, or without marks (except for the time exit), nothing fires.
 *
 * @param trade - The open trade.
 * @param market - Marks.
 * @param nowMs - Current time.
 * @param rules - Exit rules.
 * @param triggeredTiers - Take-profit tiers already used by this trade.
 * @returns The decision, or `undefined`.
 * @example
 * ```ts
 * const decision = evaluateExit(trade, market, clock.now(), parseExitRules(), new Set())
 * if (decision) await oms.submit(exitIntent(trade, decision, ...), 'exit', { closesOrderId: trade.tradeId })
 * ```
 */
export function evaluateExit(
  trade: OpenTrade,
  market: MarketView,
  nowMs: number,
  rules: ExitRules,
  triggeredTiers: ReadonlySet<number>,
): ExitDecision | undefined {
  return decideExit(trade, nowMs, rules, triggeredTiers, () => valueTrade(trade, market))
}

/**
 * {@link evaluateExit} with the trade's valuation supplied by the caller (asked for only when a rule needs it),
 * so that a caller evaluating the same trade every second can reuse it while the marks stand still.
 *
 * @param trade - The open trade.
 * @param nowMs - Current time.
 * @param rules - Exit rules.
 * @param triggeredTiers - Take-profit tiers already used by this trade.
 * @param valuation - Returns what `valueTrade(trade, market)` returns.
 * @returns The decision, or `undefined`.
 * @example
 * ```ts
 * decideExit(trade, clock.now(), rules, new Set(), () => valueTrade(trade, marketView))
 * ```
 */
export function decideExit(
  trade: OpenTrade,
  nowMs: number,
  rules: ExitRules,
  triggeredTiers: ReadonlySet<number>,
  valuation: () => TradeValuation | undefined,
): ExitDecision | undefined {
  const available = trade.openUnits - trade.workingExitUnits
  if (available <= 0) return undefined
  const tradeId = trade.tradeId
  if (rules.timeExit !== null) {
    const at = timeExitMs(trade, rules.timeExit)
    if (at !== undefined && nowMs >= at) return { tradeId, reason: 'time_exit', units: available }
  }
  const value = valuation()
  if (value === undefined) return undefined
  const entry = trade.entryNetPrice
  const { netMark, profitFraction } = value
  // Decisions are built only when one fires (this runs for every open trade every second); fields in the order
  // tradeId, netMark, profitFraction, reason, tier, units.
  if (rules.stopLoss !== null) {
    const limit = entry.isNegative() ? rules.stopLoss.credit : rules.stopLoss.debit
    if (profitFraction <= -limit) return { tradeId, netMark, profitFraction, reason: 'stop_loss', units: available }
  }
  const tierIndex = activeTier(rules, nowMs)
  const tier = tierIndex === undefined ? undefined : rules.takeProfit[tierIndex]
  if (tier === undefined || tierIndex === undefined || triggeredTiers.has(tierIndex)) return undefined
  if (profitFraction < tier.profitFraction) return undefined
  const units = Math.min(available, Math.max(1, Math.round(trade.filledUnits * tier.closeFraction)))
  return { tradeId, netMark, profitFraction, reason: 'take_profit', tier: tierIndex, units }
}
