import { parseOccSymbol } from '../../instruments/occSymbol.js'
import type { SampleClass } from './sampleClass.js'

/** How the sampler paces one key: its class, and which expiration makes a final hour. */
export interface SampleTarget {
  /** The data class. */
  readonly sampleClass: SampleClass
  /**
   * Symbol whose expiration times the final hour (`SPY`, or an option's root such as `SPXW`); none for data that
   * has no final hour.
   */
  readonly expirationSymbol?: string
  /**
   * For options, the expiry date `YYYY-MM-DD`: the final hour applies only on that day. Underlyings use every
   * day on which their symbol has an expiration.
   */
  readonly expiry?: string
}

const OSI_LENGTH = 21

/**
 * Classifies a market data instrument id: OSI option symbols are options (final hour at their root's expiration
 * on their expiry day), `^VIX…` indices are volatility, everything else is an underlying whose final hour is its own
 * 0DTE expiration (`^SPX` → `SPX`).
 *
 * @param instrumentId - Canonical instrument id.
 * @returns The target.
 * @example
 * ```ts
 * sampleTargetOf('SPY   250321C00500000') // { sampleClass: 'option', expirationSymbol: 'SPY', expiry: '2025-03-21' }
 * sampleTargetOf('^VIX9D') // { sampleClass: 'volatility' }
 * ```
 */
export function sampleTargetOf(instrumentId: string): SampleTarget {
  if (instrumentId.length === OSI_LENGTH && /[CP]\d{8}$/.test(instrumentId)) {
    try {
      const contract = parseOccSymbol(instrumentId)
      return { sampleClass: 'option', expirationSymbol: contract.root, expiry: contract.expiry }
    } catch {
      // Not an option after all: classified below.
    }
  }
  if (instrumentId.startsWith('^VIX') || instrumentId.startsWith('^VVIX')) return { sampleClass: 'volatility' }
  const symbol = instrumentId.startsWith('^') ? instrumentId.slice(1) : instrumentId
  return { sampleClass: 'underlying', expirationSymbol: symbol }
}
