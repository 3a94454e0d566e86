import { equity, type Instrument, index } from '../../instruments/instrument.js'
import { parseOccSymbol } from '../../instruments/occSymbol.js'

/**
 * Rebuilds an instrument from its canonical id, for fills of orders the journal never knew (placed outside the
 * order manager): `^VIX` is an index, a 21-character OSI symbol an option (standard multiplier 100), anything
 * else shares.
 *
 * @param id - Canonical instrument id.
 * @returns The instrument.
 * @throws {InvalidSymbolError} When the id is none of these forms.
 */
export function instrumentFromId(id: string): Instrument {
  if (id.startsWith('^')) return index(id.slice(1))
  if (id.length === 21) return parseOccSymbol(id)
  return equity(id)
}
