import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { MarketView } from '../marketView.js'
import { instrumentMultiplier, underlyingInstrumentId } from './legMath.js'

/** A signed holding (positive long) of an instrument, in contracts or shares. */
export interface SignedHolding {
  /** The instrument. */
  readonly instrument: Instrument
  /** Contracts or shares, positive long, negative short. */
  readonly contracts: number
}

/** Dollar greeks of a set of holdings, or the instrument whose data was missing. */
export type DollarGreeksResult =
  | { readonly ok: true; readonly deltaDollars: number; readonly gammaDollars: number }
  | { readonly ok: false; readonly missing: string; readonly what: 'mark' | 'greeks' }

/**
 * Dollar delta (Σ delta × multiplier × contracts × S) and dollar gamma per 1 % move
 * (Σ gamma × multiplier × contracts × S² × 0.01) of holdings. Shares have delta 1 and gamma 0; options read
 * greeks from the market view and S is the mark of their underlying. Dollar figures add up across SPY, QQQ and
 * IWM, which share-equivalent deltas do not.
 *
 * @param holdings - Signed holdings.
 * @param market - Marks and greeks.
 * @returns The sums, or what was missing.
 */
export function dollarGreeks(holdings: readonly SignedHolding[], market: MarketView): DollarGreeksResult {
  let deltaDollars = 0
  let gammaDollars = 0
  for (const holding of holdings) {
    if (holding.contracts === 0) continue
    const underlyingId = underlyingInstrumentId(holding.instrument)
    const spot = market.mark(underlyingId)
    if (spot === undefined) return { ok: false, missing: underlyingId, what: 'mark' }
    const size = holding.contracts * instrumentMultiplier(holding.instrument)
    if (holding.instrument.kind !== 'option') {
      deltaDollars += size * spot
      continue
    }
    const id = instrumentId(holding.instrument)
    const greeks = market.greeks(id)
    if (greeks === undefined) return { ok: false, missing: id, what: 'greeks' }
    deltaDollars += greeks.delta * size * spot
    gammaDollars += greeks.gamma * size * spot * spot * 0.01
  }
  return { ok: true, deltaDollars, gammaDollars }
}
