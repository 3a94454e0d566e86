import { equity, type Instrument, index } from '../../instruments/instrument.js'
import { parseOccSymbol } from '../../instruments/occSymbol.js'

/**
 * Turns a canonical instrument id (as carried by every fill) back into its instrument, so reports know the
 * contract multiplier and, for tax, the underlying. Supply your own when contracts have non-standard multipliers
 * (adjusted options after a corporate action).
 */
export type InstrumentResolver = (instrumentId: string) => Instrument

const OSI_ID = /^[A-Z][A-Z0-9 ]{5}\d{6}[CP]\d{8}$/

/**
 * The default {@link InstrumentResolver}: 21-character OSI symbols become option contracts (multiplier 100),
 * `^`-prefixed ids become indices, anything else an equity.
 *
 * @param instrumentId - Canonical id (`SPY`, `^VIX`, `SPY   250321C00500000`).
 * @returns The instrument.
 * @throws {InvalidSymbolError} When the id is in none of the canonical forms.
 * @example
 * ```ts
 * instrumentFromId('SPXW  250321P05800000') // { kind: 'option', underlying: 'SPX', root: 'SPXW', … }
 * ```
 */
export function instrumentFromId(instrumentId: string): Instrument {
  if (OSI_ID.test(instrumentId)) return parseOccSymbol(instrumentId)
  if (instrumentId.startsWith('^')) return index(instrumentId.slice(1))
  return equity(instrumentId)
}

/**
 * Dollars per point of price for an instrument: the contract multiplier of an option (100 for standard
 * contracts), 1 for shares and indices.
 *
 * @param instrument - Any instrument.
 * @returns The multiplier.
 * @example
 * ```ts
 * multiplierOf(instrumentFromId('SPY   250321C00500000')) // 100
 * ```
 */
export function multiplierOf(instrument: Instrument): number {
  return instrument.kind === 'option' ? instrument.multiplier : 1
}
