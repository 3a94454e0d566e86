import { Decimal } from 'decimal.js'
import { nyDate } from '../calendar/newYorkTime.js'
import type { Instrument } from '../instruments/instrument.js'
import { exactDecimal } from '../orders/internal/exactDecimal.js'
import { applyPositionFill, type LedgerPosition } from '../paper/positionLedger.js'
import type { MarketView } from '../risk/marketView.js'
import type { Fill, Position } from '../trading/types.js'

/** Unrealised P&L at current marks and which positions had no mark. */
export interface UnrealizedPnl {
  /** Σ (mark × quantity − open cost) × multiplier × side over positions with a mark. */
  readonly amount: Decimal
  /** Instruments held without a mark (valued at their average price, so contributing 0). */
  readonly missingMarks: readonly string[]
}

/**
 * Positions, cash and realised P&L computed from fills alone. Positions keep their exact open cost (the paper
 * broker's `applyPositionFill`): adding to a position adds cost; reducing realises the closed units against their
 * share of the cost; crossing through zero closes the old side and opens the new one at the fill price.
 * Commissions reduce cash and realised P&L.
 */
export interface PositionLedger {
  /**
   * Applies one fill. Idempotence is the caller's job (the order manager keys fills by `fillId`).
   *
   * @param fill - The execution.
   * @param instrument - The instrument filled.
   */
  apply(fill: Fill, instrument: Instrument): void
  /** Open positions, sorted by instrument id. */
  positions(): Position[]
  /** Cash: baseline cash − purchases + sales − commissions. */
  readonly cash: Decimal
  /** Realised P&L since the baseline, net of commissions. */
  readonly realized: Decimal
  /** Commissions since the baseline. */
  readonly commissions: Decimal
  /**
   * Realised P&L, net of commissions, of fills executed on a New York date.
   *
   * @param date - `YYYY-MM-DD`.
   * @returns Dollars.
   */
  realizedOn(date: string): Decimal
  /**
   * Unrealised P&L of open positions at the view's marks.
   *
   * @param market - Marks.
   * @returns The amount and instruments without a mark.
   */
  unrealized(market: MarketView): UnrealizedPnl
}

/** What the ledger starts from. */
export interface LedgerBaseline {
  /** Cash at the start. */
  readonly cash: Decimal
  /** Positions at the start. */
  readonly positions: readonly Position[]
}

/**
 * Creates a ledger.
 *
 * @param baseline - Starting cash and positions. @default zero cash, no positions
 * @returns The ledger.
 * @example
 * ```ts
 * const ledger = createPositionLedger({ cash: new Decimal(100_000), positions: [] })
 * ledger.apply(fill, instrument)
 * ledger.unrealized(market).amount.toFixed(2)
 * ```
 */
export function createPositionLedger(
  baseline: LedgerBaseline = { cash: new Decimal(0), positions: [] },
): PositionLedger {
  const holdings = new Map<string, LedgerPosition>()
  for (const position of baseline.positions) {
    holdings.set(position.instrumentId, { position, openCost: position.averagePrice.times(position.quantity) })
  }
  // Each holding's unrealised P&L at the mark it was last valued at: revaluation runs every second, while a
  // holding's mark changes less often than that.
  const terms = new Map<string, { readonly held: LedgerPosition; readonly mark: number; readonly amount: Decimal }>()
  let sorted: Position[] | undefined
  // The last unrealised amount when every holding had a mark, kept while no holding changed and every mark is the
  // one its term was valued at (revaluation runs every second; marks of held contracts often stand still).
  let lastAmount: Decimal | undefined
  const marks: (number | undefined)[] = []
  let cash = baseline.cash
  let realized = new Decimal(0)
  let commissions = new Decimal(0)
  const realizedByDate = new Map<string, Decimal>()

  const addRealized = (date: string, amount: Decimal) => {
    realized = realized.plus(amount)
    realizedByDate.set(date, (realizedByDate.get(date) ?? new Decimal(0)).plus(amount))
  }

  return {
    apply(fill, instrument) {
      const multiplier = instrument.kind === 'option' ? instrument.multiplier : 1
      const sign = fill.side === 'buy' ? 1 : -1
      const date = nyDate(fill.timestampMs)
      cash = cash.minus(fill.price.times(fill.quantity).times(multiplier * sign)).minus(fill.commission)
      commissions = commissions.plus(fill.commission)
      const { next, realizedPnl } = applyPositionFill(holdings.get(fill.instrumentId), {
        instrument,
        side: fill.side,
        quantity: fill.quantity,
        price: fill.price,
        multiplier,
      })
      addRealized(date, realizedPnl.minus(fill.commission))
      if (next === undefined) holdings.delete(fill.instrumentId)
      else holdings.set(fill.instrumentId, next)
      terms.delete(fill.instrumentId)
      sorted = undefined
      lastAmount = undefined
    },
    positions() {
      // Asked for every second (open trades, P&L, risk) but changed only by fills: sorted once per change.
      sorted ??= [...holdings.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, held]) => held.position)
      return sorted.slice()
    },
    get cash() {
      return cash
    },
    get realized() {
      return realized
    },
    get commissions() {
      return commissions
    },
    realizedOn(date) {
      return realizedByDate.get(date) ?? new Decimal(0)
    },
    unrealized(market) {
      let index = 0
      let same = lastAmount !== undefined
      for (const [id, held] of holdings) {
        const mark = market.mark(id)
        marks[index++] = mark
        const known = same ? terms.get(id) : undefined
        if (known === undefined || known.held !== held || mark === undefined || !Object.is(known.mark, mark))
          same = false
      }
      // Every holding is marked as when the last amount was made (and none unmarked): it is the amount again.
      if (same && lastAmount !== undefined) return { amount: lastAmount, missingMarks: [] }
      let amount = new Decimal(0)
      const missingMarks: string[] = []
      index = 0
      for (const [id, held] of holdings) {
        const mark = marks[index++]
        if (mark === undefined) {
          missingMarks.push(id)
          continue
        }
        const known = terms.get(id)
        if (known !== undefined && known.held === held && Object.is(known.mark, mark)) {
          amount = amount.plus(known.amount)
          continue
        }
        const { position, openCost } = held
        const sign = position.side === 'long' ? 1 : -1
        const term = exactDecimal(mark)
          .times(position.quantity)
          .minus(openCost)
          .times(position.multiplier * sign)
        terms.set(id, { held, mark, amount: term })
        amount = amount.plus(term)
      }
      marks.length = 0
      lastAmount = missingMarks.length === 0 ? amount : undefined
      return { amount, missingMarks }
    },
  }
}
