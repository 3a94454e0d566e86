import type { Decimal } from 'decimal.js'
import type { TradingMode } from '../trading/types.js'

/** P&L at a moment, as the order manager computes it from fills and marks. */
export interface PnlSnapshot {
  /** Paper or live. */
  readonly mode: TradingMode
  /** When computed, epoch milliseconds. */
  readonly timestampMs: number
  /** New York date of `timestampMs`. */
  readonly date: string
  /** Realised P&L since the journal's baseline, net of commissions. */
  readonly realized: Decimal
  /** Realised P&L of today's fills, net of commissions. */
  readonly realizedToday: Decimal
  /** Unrealised P&L of open positions at current marks. */
  readonly unrealized: Decimal
  /** What the daily loss limit watches: `realizedToday + unrealized`. */
  readonly dailyPnl: Decimal
  /** Commissions since the baseline. */
  readonly commissions: Decimal
  /** Cash from the baseline and every fill since. */
  readonly cash: Decimal
  /** Positions without a mark, valued at cost (they hide their P&L until marked). */
  readonly missingMarks: readonly string[]
}
