import { isIndexUnderlying, type OptionContract } from '../instruments/instrument.js'

/**
 * The canonical id of an option's underlying quote: `^SPX` for index options, the ticker for ETF options.
 *
 * @param contract - An option contract.
 * @returns The id to look its underlying up by.
 * @example
 * ```ts
 * underlyingIdOf(parseOccSymbol('SPXW  251121C05800000')) // '^SPX'
 * ```
 */
export function underlyingIdOf(contract: OptionContract): string {
  return isIndexUnderlying(contract.underlying) ? `^${contract.underlying}` : contract.underlying
}
