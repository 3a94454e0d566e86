import { Decimal } from 'decimal.js'
import { RoundDirection, roundToTick } from '../orders/roundToTick.js'

/**
 * How much worse than the touch a marketable order fills in the paper broker, per unit of the package:
 * - `none`: exactly at the touch.
 * - `ticks`: `ticks` increments of the order's tick (the combo increment for combos).
 * - `spread_fraction`: `fraction` of the package's bid-ask spread, rounded up to the tick.
 * Resting limit orders fill at their limit and take no slippage; a limit order never fills beyond its limit.
 */
export type SlippageModel =
  | { readonly kind: 'none' }
  | { readonly kind: 'ticks'; readonly ticks: number }
  | { readonly kind: 'spread_fraction'; readonly fraction: number }

/** The market a taker faces, in signed net per unit. */
export interface SlippageContext {
  /** Cost to execute now. */
  readonly netAsk: Decimal
  /** Near side. */
  readonly netBid: Decimal
  /** The order's price increment at the touch. */
  readonly tick: Decimal
}

/**
 * The adverse price move of a marketable fill, in signed net per unit (always ≥ 0).
 *
 * @param model - The slippage model.
 * @param context - Touches and tick.
 * @returns Amount added to the signed net ask.
 * @throws {RangeError} When `ticks` or `fraction` is negative or not finite.
 * @example
 * ```ts
 * slippageAmount({ kind: 'ticks', ticks: 1 }, { netAsk, netBid, tick: new Decimal('0.01') }).toString() // '0.01'
 * ```
 */
export function slippageAmount(model: SlippageModel, context: SlippageContext): Decimal {
  switch (model.kind) {
    case 'none':
      return new Decimal(0)
    case 'ticks':
      if (!Number.isInteger(model.ticks) || model.ticks < 0) {
        throw new RangeError(`slippage ticks must be a non-negative integer, got ${model.ticks}`)
      }
      return context.tick.times(model.ticks)
    case 'spread_fraction': {
      if (!(model.fraction >= 0) || !Number.isFinite(model.fraction)) {
        throw new RangeError(`slippage fraction must be finite and ≥ 0, got ${model.fraction}`)
      }
      const spread = Decimal.max(context.netAsk.minus(context.netBid), 0)
      return roundToTick(spread.times(model.fraction), context.tick, RoundDirection.Up)
    }
  }
}
