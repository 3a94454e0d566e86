import { type Instrument, isIndexUnderlying } from '../../instruments/instrument.js'

/**
 * Whether an instrument is a Section 1256 contract for US tax: a listed non-equity option on a broad-based index
 * (SPX/SPXW, XSP, VIX, NDX, RUT …, per `isIndexUnderlying`). Such contracts get 60 % long-term / 40 % short-term
 * treatment whatever the holding period, are marked to market at year end, and are outside the wash-sale rule
 * (their gains and losses are recognised every year anyway; IRC §1256(a), and §1091 is not applied to them in
 * practice by brokers or Form 6781). ETF options (SPY, QQQ, IWM) and shares are ordinary capital assets.
 *
 * @param instrument - Any instrument.
 * @returns `true` for broad-based index options.
 * @example
 * ```ts
 * isSection1256Contract(parseOccSymbol('SPXW  250321C05800000')) // true
 * isSection1256Contract(parseOccSymbol('SPY   250321C00580000')) // false
 * ```
 */
export function isSection1256Contract(instrument: Instrument): boolean {
  return instrument.kind === 'option' && isIndexUnderlying(instrument.underlying)
}
