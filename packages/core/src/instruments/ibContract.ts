import {
  equity,
  type Instrument,
  InvalidSymbolError,
  index,
  type OptionContract,
  optionContract,
} from './instrument.js'

/** The fields of an Interactive Brokers contract that identify an instrument. */
export interface IbContractFields {
  /** Underlying symbol (`SPY`, `SPX`). */
  symbol: string
  /** `STK`, `IND` or `OPT`. */
  secType: 'STK' | 'IND' | 'OPT'
  /** Routing exchange: `SMART` for stocks and options, `CBOE` for Cboe indices. */
  exchange: string
  /** Currency: always `USD` here. */
  currency: 'USD'
  /** Expiry `YYYYMMDD` (options only). */
  lastTradeDateOrContractMonth?: string
  /** Strike (options only). */
  strike?: number
  /** `C` or `P` (options only). */
  right?: 'C' | 'P'
  /** Multiplier as IB sends it, a string such as `100` (options only). */
  multiplier?: string
  /** Trading class, the OSI root (`SPXW`) (options only). */
  tradingClass?: string
}

/** Indices IB lists on Cboe. */
const CBOE_INDICES = new Set(['VIX', 'VIX9D', 'VIX3M', 'VIX6M', 'SPX', 'XSP', 'RUT', 'NDX', 'OEX', 'XEO'])

/**
 * Maps an instrument to the contract fields IB needs to request data or place an order.
 *
 * @param instrument - Any instrument.
 * @returns IB contract fields.
 * @example
 * ```ts
 * toIbContract(parseOccSymbol('SPXW  251121C05800000'))
 * // { symbol: 'SPX', secType: 'OPT', lastTradeDateOrContractMonth: '20251121', tradingClass: 'SPXW', ... }
 * ```
 */
export function toIbContract(instrument: Instrument): IbContractFields {
  switch (instrument.kind) {
    case 'equity':
      return { symbol: instrument.symbol, secType: 'STK', exchange: 'SMART', currency: 'USD' }
    case 'index':
      return {
        symbol: instrument.symbol,
        secType: 'IND',
        exchange: CBOE_INDICES.has(instrument.symbol) ? 'CBOE' : 'SMART',
        currency: 'USD',
      }
    case 'option':
      return optionFields(instrument)
  }
}

function optionFields(contract: OptionContract): IbContractFields {
  return {
    symbol: contract.underlying,
    secType: 'OPT',
    exchange: 'SMART',
    currency: 'USD',
    lastTradeDateOrContractMonth: contract.expiry.replaceAll('-', ''),
    strike: contract.strike,
    right: contract.right === 'call' ? 'C' : 'P',
    multiplier: String(contract.multiplier),
    tradingClass: contract.root,
  }
}

/**
 * Maps IB contract fields back to an instrument.
 *
 * @param fields - Contract fields as IB reports them.
 * @returns The instrument.
 * @throws {InvalidSymbolError} When option fields are missing or malformed.
 */
export function fromIbContract(fields: IbContractFields): Instrument {
  if (fields.secType === 'STK') return equity(fields.symbol)
  if (fields.secType === 'IND') return index(fields.symbol)
  const expiry = fields.lastTradeDateOrContractMonth
  if (!expiry || !/^\d{8}$/.test(expiry) || fields.strike === undefined || !fields.right) {
    throw new InvalidSymbolError(fields.symbol, 'IB option contract needs expiry YYYYMMDD, strike and right')
  }
  return optionContract({
    root: fields.tradingClass || fields.symbol,
    underlying: fields.symbol,
    expiry: `${expiry.slice(0, 4)}-${expiry.slice(4, 6)}-${expiry.slice(6, 8)}`,
    strike: fields.strike,
    right: fields.right === 'C' ? 'call' : 'put',
    multiplier: fields.multiplier ? Number(fields.multiplier) : 100,
  })
}
