import type { Instrument } from './instrument.js'
import { formatOccSymbol } from './occSymbol.js'

/**
 * The SDK's canonical key for an instrument, used in every market data event, order and position:
 * the ticker for equities (`SPY`), `^` + symbol for indices (`^VIX`), the 21-character OSI symbol for options.
 *
 * @param instrument - Any instrument.
 * @returns Its canonical id.
 * @example
 * ```ts
 * instrumentId(index('VIX')) // '^VIX'
 * ```
 */
export function instrumentId(instrument: Instrument): string {
  switch (instrument.kind) {
    case 'equity':
      return instrument.symbol
    case 'index':
      return `^${instrument.symbol}`
    case 'option':
      return formatOccSymbol(instrument)
  }
}
