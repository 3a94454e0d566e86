import { equity, type Instrument, InvalidSymbolError, index } from './instrument.js'
import { formatOccSymbol, parseOccSymbol } from './occSymbol.js'

/**
 * Formats an instrument as a Massive (formerly Polygon.io) ticker: `SPY`, `I:VIX`, `O:SPY251121C00500000`.
 *
 * @param instrument - Any instrument.
 * @returns The Massive ticker.
 * @example
 * ```ts
 * toMassiveTicker(index('VIX')) // 'I:VIX'
 * ```
 */
export function toMassiveTicker(instrument: Instrument): string {
  switch (instrument.kind) {
    case 'equity':
      return instrument.symbol
    case 'index':
      return `I:${instrument.symbol}`
    case 'option':
      return `O:${formatOccSymbol(instrument).replaceAll(' ', '')}`
  }
}

/**
 * Parses a Massive ticker: `O:` prefix for options, `I:` for indices, a plain ticker for stocks and ETFs.
 *
 * @param ticker - The Massive ticker.
 * @returns The instrument.
 * @throws {InvalidSymbolError} When the ticker is malformed.
 * @example
 * ```ts
 * parseMassiveTicker('O:SPY251121C00500000').strike // 500
 * ```
 */
export function parseMassiveTicker(ticker: string): Instrument {
  if (ticker.startsWith('O:')) return parseOccSymbol(ticker.slice(2))
  if (ticker.startsWith('I:')) return index(ticker.slice(2))
  if (ticker.includes(':')) throw new InvalidSymbolError(ticker, 'unknown Massive ticker prefix')
  return equity(ticker)
}
