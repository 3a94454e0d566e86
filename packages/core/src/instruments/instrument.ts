import { PermanentError } from '../errors/baseError.js'

/** The kinds of instrument the SDK trades or watches. */
export const InstrumentKind = {
  /** A stock or ETF such as SPY, QQQ, IWM. */
  Equity: 'equity',
  /** A cash index such as SPX or VIX: quoted, not traded directly. */
  Index: 'index',
  /** A listed option contract. */
  Option: 'option',
} as const
/** One of {@link InstrumentKind}. */
export type InstrumentKind = (typeof InstrumentKind)[keyof typeof InstrumentKind]

/** Call or put. */
export const OptionRight = { Call: 'call', Put: 'put' } as const
/** One of {@link OptionRight}. */
export type OptionRight = (typeof OptionRight)[keyof typeof OptionRight]

/** A stock or ETF. */
export interface EquityInstrument {
  readonly kind: 'equity'
  /** Ticker, upper case (`SPY`). */
  readonly symbol: string
}

/** A cash index (SPX, VIX, VIX9D, VIX3M, VIX6M). */
export interface IndexInstrument {
  readonly kind: 'index'
  /** Index symbol without vendor prefix, upper case (`VIX`). */
  readonly symbol: string
}

/** A listed option contract, identified by its OCC/OSI fields. */
export interface OptionContract {
  readonly kind: 'option'
  /** Symbol of the underlying instrument (`SPX` for `SPXW` options). */
  readonly underlying: string
  /** OSI root / trading class, 1–6 characters (`SPY`, `SPXW`). */
  readonly root: string
  /** Expiration date `YYYY-MM-DD` (the trading day the contract expires, America/New_York). */
  readonly expiry: string
  /** Strike price, a multiple of 0.001. */
  readonly strike: number
  /** Call or put. */
  readonly right: OptionRight
  /** Shares (or index dollars) per point: 100 for standard contracts. */
  readonly multiplier: number
}

/** Any instrument. */
export type Instrument = EquityInstrument | IndexInstrument | OptionContract

/** Roots whose underlying has a different symbol (weeklies and PM-settled series). */
const ROOT_TO_UNDERLYING: Readonly<Record<string, string>> = {
  SPXW: 'SPX',
  XSPW: 'XSP',
  VIXW: 'VIX',
  NDXP: 'NDX',
  RUTW: 'RUT',
}

/** Underlyings whose options are cash-settled European index options (Section 1256 contracts in the US). */
const INDEX_UNDERLYINGS = new Set(['SPX', 'XSP', 'VIX', 'NDX', 'RUT', 'DJX', 'OEX', 'XEO'])

/** A symbol was not in a form the SDK accepts. */
export class InvalidSymbolError extends PermanentError {
  override name = 'InvalidSymbolError'
  /** The rejected input. */
  readonly input: string

  constructor(input: string, reason: string) {
    super(`Invalid symbol "${input}": ${reason}`)
    this.input = input
  }
}

const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/
const ROOT = /^[A-Z][A-Z0-9]{0,5}$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function checkTicker(symbol: string): string {
  const upper = symbol.trim().toUpperCase()
  if (!TICKER.test(upper)) throw new InvalidSymbolError(symbol, 'expected 1–10 letters, digits or dots')
  return upper
}

/**
 * Creates a stock or ETF instrument.
 *
 * @param symbol - Ticker (case-insensitive).
 * @returns The instrument.
 * @example
 * ```ts
 * const spy = equity('SPY')
 * ```
 */
export function equity(symbol: string): EquityInstrument {
  return { kind: 'equity', symbol: checkTicker(symbol) }
}

/**
 * Creates a cash index instrument.
 *
 * @param symbol - Index symbol without vendor prefix (`VIX`, `SPX`).
 * @returns The instrument.
 * @example
 * ```ts
 * const vix = index('VIX')
 * ```
 */
export function index(symbol: string): IndexInstrument {
  return { kind: 'index', symbol: checkTicker(symbol) }
}

/** Fields accepted by {@link optionContract}. */
export interface OptionContractInput {
  /** OSI root (`SPY`, `SPXW`). */
  root: string
  /** Expiration date `YYYY-MM-DD`. */
  expiry: string
  /** Strike price, a multiple of 0.001 and positive. */
  strike: number
  /** Call or put. */
  right: OptionRight
  /** Underlying symbol; derived from the root when omitted (`SPXW` → `SPX`). */
  underlying?: string
  /** Contract multiplier. @default 100 */
  multiplier?: number
}

function checkExpiry(expiry: string): string {
  const match = ISO_DATE.exec(expiry)
  if (!match) throw new InvalidSymbolError(expiry, 'expiry must be YYYY-MM-DD')
  const [, y, m, d] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  if (date.toISOString().slice(0, 10) !== expiry) throw new InvalidSymbolError(expiry, 'expiry is not a real date')
  const year = Number(y)
  if (year < 2000 || year > 2099) throw new InvalidSymbolError(expiry, 'expiry year must be 2000–2099')
  return expiry
}

/**
 * Creates an option contract after checking every field.
 *
 * @param input - Root, expiry, strike, right and optional underlying and multiplier.
 * @returns The contract.
 * @throws {InvalidSymbolError} When a field is out of range.
 * @example
 * ```ts
 * const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
 * ```
 */
export function optionContract(input: OptionContractInput): OptionContract {
  const root = input.root.trim().toUpperCase()
  if (!ROOT.test(root)) throw new InvalidSymbolError(input.root, 'option root must be 1–6 letters or digits')
  const expiry = checkExpiry(input.expiry)
  const milli = Math.round(input.strike * 1000)
  if (!Number.isFinite(input.strike) || input.strike <= 0 || Math.abs(milli - input.strike * 1000) > 1e-6) {
    throw new InvalidSymbolError(String(input.strike), 'strike must be positive with at most 3 decimals')
  }
  if (milli > 99_999_999) throw new InvalidSymbolError(String(input.strike), 'strike must be below 100000')
  if (input.right !== 'call' && input.right !== 'put') {
    throw new InvalidSymbolError(String(input.right), 'right must be "call" or "put"')
  }
  const multiplier = input.multiplier ?? 100
  if (!Number.isInteger(multiplier) || multiplier <= 0) {
    throw new InvalidSymbolError(String(multiplier), 'multiplier must be a positive integer')
  }
  const underlying = input.underlying ? checkTicker(input.underlying) : (ROOT_TO_UNDERLYING[root] ?? root)
  return { kind: 'option', underlying, root, expiry, strike: milli / 1000, right: input.right, multiplier }
}

/**
 * Whether options on this underlying are cash-settled index options (SPX, XSP, VIX, NDX, RUT …) rather than
 * physically settled equity/ETF options.
 *
 * @param underlying - Underlying symbol.
 * @returns `true` for index underlyings.
 */
export function isIndexUnderlying(underlying: string): boolean {
  return INDEX_UNDERLYINGS.has(underlying.toUpperCase())
}
