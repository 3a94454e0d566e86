import { Subject } from 'rxjs'
import type { Greeks } from '../marketData/types.js'
import type { MarketView } from './marketView.js'

/** A {@link MarketView} whose marks and greeks are set by its owner. */
export interface MutableMarketView extends MarketView {
  /** Emits every changed instrument id. */
  readonly changes$: Subject<string>
  /**
   * Sets (or, with `undefined`, clears) an instrument's mark.
   *
   * @param instrumentId - Canonical instrument id.
   * @param price - Mark per unit, finite and not negative.
   */
  setMark(instrumentId: string, price: number | undefined): void
  /**
   * Sets (or clears) an option's greeks.
   *
   * @param instrumentId - Canonical option id.
   * @param greeks - Greeks per share.
   */
  setGreeks(instrumentId: string, greeks: Greeks | undefined): void
}

/**
 * Creates an in-memory market view: the adapter between a quote stream (or a test, or a backtest) and the
 * components that read marks. Non-finite or negative marks are refused with a `RangeError`, so a bad tick can
 * never become a price the risk engine trusts.
 *
 * @param initial - Optional starting marks by instrument id.
 * @returns The view.
 * @example
 * ```ts
 * const market = createMutableMarketView({ SPY: 600 })
 * feed.quotes$.subscribe((q) => market.setMark(q.instrumentId, midPrice(q)))
 * ```
 */
export function createMutableMarketView(initial: Readonly<Record<string, number>> = {}): MutableMarketView {
  const marks = new Map<string, number>()
  const greeksById = new Map<string, Greeks>()
  const changes$ = new Subject<string>()
  // Marks change on every quote; without observers (and unless the subject was closed, which makes next throw)
  // emitting does nothing, so the per-call work of Subject.next is skipped.
  const changed = (instrumentId: string): void => {
    if (changes$.observed || changes$.closed) changes$.next(instrumentId)
  }
  const setMark = (instrumentId: string, price: number | undefined): void => {
    if (price === undefined) marks.delete(instrumentId)
    else {
      if (!Number.isFinite(price) || price < 0) throw new RangeError(`Invalid mark ${price} for ${instrumentId}`)
      marks.set(instrumentId, price)
    }
    changed(instrumentId)
  }
  for (const [id, price] of Object.entries(initial)) setMark(id, price)
  return {
    changes$,
    mark: (instrumentId) => marks.get(instrumentId),
    greeks: (instrumentId) => greeksById.get(instrumentId),
    setMark,
    setGreeks(instrumentId, greeks) {
      if (greeks === undefined) greeksById.delete(instrumentId)
      else {
        // Every own enumerable value (as Object.values lists them), walked without an array per call; the rare
        // non-finite value is then checked to be the object's own.
        for (const key in greeks) {
          if (!Number.isFinite(greeks[key as keyof Greeks]) && Object.hasOwn(greeks, key)) {
            throw new RangeError(`Invalid greeks for ${instrumentId}`)
          }
        }
        greeksById.set(instrumentId, greeks)
      }
      changed(instrumentId)
    },
  }
}
