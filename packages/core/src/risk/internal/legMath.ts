import type { Instrument } from '../../instruments/instrument.js'
import { isIndexUnderlying } from '../../instruments/instrument.js'
import type { OrderLeg, Position, Side } from '../../trading/types.js'

/**
 * +1 for a buy, −1 for a sell.
 *
 * @param side - Order side.
 * @returns The sign of the position change.
 */
export function sideSign(side: Side): 1 | -1 {
  return side === 'buy' ? 1 : -1
}

/**
 * Signed quantity of a position: positive long, negative short.
 *
 * @param position - The position.
 * @returns The signed units.
 */
export function signedQuantity(position: Pick<Position, 'side' | 'quantity'>): number {
  return position.side === 'long' ? position.quantity : -position.quantity
}

/**
 * Contracts (or shares) of a leg for a number of order units.
 *
 * @param leg - The leg.
 * @param units - Order units.
 * @returns units × ratio.
 */
export function legContracts(leg: OrderLeg, units: number): number {
  return units * leg.ratio
}

/**
 * Multiplier of an instrument: the option's contract multiplier, 1 for shares.
 *
 * @param instrument - The instrument.
 * @returns Dollars per point per unit.
 */
export function instrumentMultiplier(instrument: Instrument): number {
  return instrument.kind === 'option' ? instrument.multiplier : 1
}

/**
 * Symbol of the underlying whose limits an instrument counts against (`SPX` for SPXW options, the ticker for
 * shares).
 *
 * @param instrument - The instrument.
 * @returns Underlying symbol.
 */
export function underlyingSymbol(instrument: Instrument): string {
  return instrument.kind === 'option' ? instrument.underlying : instrument.symbol
}

/**
 * Canonical id of the instrument whose price drives an instrument's delta (`^SPX` for SPXW options, `SPY` for
 * SPY options, the instrument itself for shares).
 *
 * @param instrument - The instrument.
 * @returns Canonical id of the underlying.
 */
export function underlyingInstrumentId(instrument: Instrument): string {
  if (instrument.kind === 'option') {
    return isIndexUnderlying(instrument.underlying) ? `^${instrument.underlying}` : instrument.underlying
  }
  return instrument.kind === 'index' ? `^${instrument.symbol}` : instrument.symbol
}
