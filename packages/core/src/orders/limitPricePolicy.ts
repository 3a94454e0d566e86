import type { Decimal } from 'decimal.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { OrderLeg } from '../trading/types.js'
import { UnpriceableOrderError } from './orderErrors.js'
import { roundOrderPrice } from './orderPriceTick.js'
import { packageQuote, type QuoteLookup } from './packageQuote.js'
import { fromSignedNet, isCombo } from './signedNetPrice.js'
import { DEFAULT_TICK_TABLE, type TickTable } from './tickTable.js'

/**
 * How to choose a limit price from the market, seen from the side executing the order:
 * - `mid`: halfway between the package's bid and ask.
 * - `mid_offset`: mid + `spreadFraction` × spread; positive moves toward paying the far touch (0.5 is the far
 *   touch), negative toward the near touch (−0.5 joins it).
 * - `join`: the near touch (a buy at the bid, a sell at the ask), waiting to be filled.
 * - `cross`: the far touch (a buy at the ask, a sell at the bid), marketable now.
 */
export type LimitPricePolicy =
  | { readonly kind: 'mid' }
  | { readonly kind: 'mid_offset'; readonly spreadFraction: number }
  | { readonly kind: 'join' }
  | { readonly kind: 'cross' }

/** Input of {@link limitPriceFor}. */
export interface LimitPriceInput {
  /** Legs of the order (one for a single-leg order). */
  readonly legs: readonly OrderLeg[]
  /** Current quote of an instrument. */
  readonly quoteOf: QuoteLookup
  /** The policy. */
  readonly policy: LimitPricePolicy
  /** Tick table. @default DEFAULT_TICK_TABLE */
  readonly tickTable?: TickTable
}

/**
 * Computes a limit price from the legs' quotes under a policy, rounded onto the tick grid in the passive
 * direction (never more aggressive than the policy). For combos the result is the signed net per unit (positive
 * debit, negative credit) from the legs' touches; for a single leg it is the instrument price.
 *
 * @param input - Legs, quotes, policy and tick table.
 * @returns The limit price in the order's convention.
 * @throws {UnpriceableOrderError} When a quote is missing, crossed or has no offer, or a single-leg result is not
 *   positive.
 * @throws {RangeError} When `spreadFraction` is outside [−0.5, 0.5].
 * @example
 * ```ts
 * const limit = limitPriceFor({
 *   legs: ironCondor({ putWing, putBody, callBody, callWing, side: 'sell' }).legs,
 *   quoteOf: (id) => lastQuotes.get(id),
 *   policy: { kind: 'mid_offset', spreadFraction: 0.1 },
 * })
 * ```
 */
export function limitPriceFor(input: LimitPriceInput): Decimal {
  const { legs, policy } = input
  const table = input.tickTable ?? DEFAULT_TICK_TABLE
  if (policy.kind === 'mid_offset' && !(Math.abs(policy.spreadFraction) <= 0.5)) {
    throw new RangeError(`spreadFraction must be within [-0.5, 0.5], got ${policy.spreadFraction}`)
  }
  const quote = packageQuote(legs, input.quoteOf)
  if (!quote) throw new UnpriceableOrderError('a leg has no quote or a crossed quote', missingIds(input))
  if (quote.legQuotes.some((legQuote) => !(legQuote.ask > 0))) {
    throw new UnpriceableOrderError(
      'a leg has no offer',
      quote.legQuotes.filter((q) => !(q.ask > 0)).map((q) => q.instrumentId),
    )
  }
  const spread = quote.netAsk.minus(quote.netBid)
  const mid = quote.netBid.plus(spread.dividedBy(2))
  let signed: Decimal
  switch (policy.kind) {
    case 'mid':
      signed = mid
      break
    case 'mid_offset':
      signed = mid.plus(spread.times(policy.spreadFraction))
      break
    case 'join':
      signed = quote.netBid
      break
    case 'cross':
      signed = quote.netAsk
      break
  }
  const rounded = roundOrderPrice(legs, fromSignedNet(legs, signed), table, 'passive')
  if (!isCombo(legs) && rounded.lte(0)) {
    throw new UnpriceableOrderError(`policy ${policy.kind} gives a non-positive price ${rounded.toString()}`)
  }
  return rounded
}

function missingIds(input: LimitPriceInput): string[] {
  return input.legs
    .map((leg) => instrumentId(leg.instrument))
    .filter((id) => {
      const quote = input.quoteOf(id)
      return !quote || (quote.bid > 0 && quote.ask > 0 && quote.bid > quote.ask)
    })
}
