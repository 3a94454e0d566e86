import { InvalidSymbolError, type OptionContract, optionContract } from './instrument.js'

const OSI = /^([A-Z][A-Z0-9 ]{5})(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/

/**
 * Formats a contract as its 21-character OCC/OSI symbol: root padded to 6, `YYMMDD`, `C`/`P`, strike × 1000 in
 * 8 digits.
 *
 * @param contract - The option contract.
 * @returns The OSI symbol, for example `SPY   251121C00500000`.
 * @example
 * ```ts
 * formatOccSymbol(optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' }))
 * // 'SPY   251121C00500000'
 * ```
 */
export function formatOccSymbol(contract: OptionContract): string {
  const date = contract.expiry.slice(2).replaceAll('-', '')
  const right = contract.right === 'call' ? 'C' : 'P'
  const strike = String(Math.round(contract.strike * 1000)).padStart(8, '0')
  return `${contract.root.padEnd(6, ' ')}${date}${right}${strike}`
}

/**
 * Parses a 21-character OCC/OSI symbol. Also accepts the compact form without padding (`SPY251121C00500000`).
 *
 * @param symbol - The OSI symbol.
 * @returns The option contract (multiplier 100; underlying derived from the root).
 * @throws {InvalidSymbolError} When the symbol is not OSI.
 * @example
 * ```ts
 * parseOccSymbol('SPXW  251121P05800000').strike // 5800
 * ```
 */
export function parseOccSymbol(symbol: string): OptionContract {
  const padded = symbol.length === 21 ? symbol : padCompact(symbol)
  const match = OSI.exec(padded)
  if (!match) throw new InvalidSymbolError(symbol, 'expected an OCC/OSI option symbol such as "SPY   251121C00500000"')
  const [, rootPadded = '', yy, mm, dd, right, strike] = match
  const root = rootPadded.trimEnd()
  if (root.includes(' ')) throw new InvalidSymbolError(symbol, 'root contains a space')
  return optionContract({
    root,
    expiry: `20${yy}-${mm}-${dd}`,
    strike: Number(strike) / 1000,
    right: right === 'C' ? 'call' : 'put',
  })
}

function padCompact(symbol: string): string {
  const tail = 15 // YYMMDD + C/P + 8 strike digits
  if (symbol.length <= tail || symbol.length > tail + 6) return symbol
  const root = symbol.slice(0, symbol.length - tail)
  return root.padEnd(6, ' ') + symbol.slice(-tail)
}
