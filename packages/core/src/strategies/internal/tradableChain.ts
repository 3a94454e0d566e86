import type { ChainSnapshot } from '../../streams/chain/chainTypes.js'
import type { StrategyContext } from '../strategy.js'
import type { QuoteFilter } from './usableLeg.js'

/** A chain that passed the entry gate, with the values every strategy needs. */
export interface TradableChain {
  /** The snapshot. */
  readonly chain: ChainSnapshot
  /** Underlying mid. */
  readonly spot: number
  /** Expiration instant, epoch ms. */
  readonly expiryMs: number
  /** Minutes from the decision to the expiration instant. */
  readonly minutesToExpiry: number
  /** Quote filter at the decision time. */
  readonly filter: QuoteFilter
}

/** Limits of the entry gate. */
export interface EntryGate {
  /** No entry with fewer minutes than this before the expiration instant. */
  readonly minMinutesToExpiry: number
  /** Snapshots and quotes older than this are stale. */
  readonly maxQuoteAgeMs: number
  /** Largest (ask − bid) / mid of a leg. */
  readonly maxSpreadFraction: number
}

const MINUTE_MS = 60_000

/**
 * The chain of an underlying when a new position may be opened on it: the chain is streaming (`live`), has an
 * underlying price and an expiration instant, the snapshot is fresh, and at least `minMinutesToExpiry` remain.
 *
 * @param context - The strategy context.
 * @param underlying - Underlying symbol.
 * @param gate - Time and freshness limits.
 * @returns The chain and derived values, or `undefined` when no entry is allowed.
 * @example
 * ```ts
 * const tradable = tradableChain(context, 'SPY', { minMinutesToExpiry: 60, maxQuoteAgeMs: 60_000, maxSpreadFraction: 1 })
 * ```
 */
export function tradableChain(
  context: StrategyContext,
  underlying: string,
  gate: EntryGate,
): TradableChain | undefined {
  const chain = context.chains.get(underlying)
  if (chain?.status !== 'live' || chain.expiry === undefined) return undefined
  const spot = chain.underlyingPrice
  const expiryMs = chain.expiryMs
  if (spot === undefined || !(spot > 0) || !Number.isFinite(spot)) return undefined
  if (expiryMs === undefined || !Number.isFinite(expiryMs)) return undefined
  if (!(context.nowMs - chain.asOfMs <= gate.maxQuoteAgeMs)) return undefined
  const minutesToExpiry = (expiryMs - context.nowMs) / MINUTE_MS
  if (!(minutesToExpiry >= gate.minMinutesToExpiry) || !(minutesToExpiry > 0)) return undefined
  const filter = { nowMs: context.nowMs, maxQuoteAgeMs: gate.maxQuoteAgeMs, maxSpreadFraction: gate.maxSpreadFraction }
  return { chain, spot, expiryMs, minutesToExpiry, filter }
}
