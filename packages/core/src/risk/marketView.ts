import type { Observable } from 'rxjs'
import type { Greeks } from '../marketData/types.js'

/**
 * Read-only view of current prices and greeks that the risk engine, the order manager and the exit manager are
 * given. Prices are plain numbers per unit of the instrument (option premium per share, not per contract).
 * Missing data returns `undefined`; the risk engine then refuses new entries that need it (fail closed).
 */
export interface MarketView {
  /**
   * Current mark (mid, or last when there is no two-sided quote) of an instrument.
   *
   * @param instrumentId - Canonical instrument id (see `instrumentId`).
   * @returns The mark, or `undefined` when unknown.
   */
  mark(instrumentId: string): number | undefined
  /**
   * Current greeks of an option, per share (multiply by the contract multiplier for per-contract figures).
   *
   * @param instrumentId - Canonical option id.
   * @returns The greeks, or `undefined` when unknown.
   */
  greeks(instrumentId: string): Greeks | undefined
  /** Emits an instrument id each time its mark or greeks change; optional. */
  readonly changes$?: Observable<string>
}
