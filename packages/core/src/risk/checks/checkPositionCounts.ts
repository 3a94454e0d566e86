import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { underlyingSymbol } from '../internal/legMath.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Refuses entries that would make the number of distinct instruments held or working exceed
 * `maxPositionsPerSymbol` on any underlying of the order, or `maxPositionsTotal`. Counted as if every working
 * entry filled: positions ∪ working entries' legs ∪ the order's legs.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * checkPositionCounts(ctx) // { code: 'positions_total', limit: '20', actual: '21', ... }
 * ```
 */
export const checkPositionCounts: RiskCheck = (ctx) => {
  const instruments = new Map<string, Instrument>()
  for (const position of ctx.exposure.positions) {
    if (position.quantity > 0) instruments.set(position.instrumentId, position.instrument)
  }
  for (const working of ctx.exposure.workingOrders) {
    if (working.purpose !== 'entry') continue
    for (const leg of working.intent.legs) instruments.set(instrumentId(leg.instrument), leg.instrument)
  }
  for (const leg of ctx.intent.legs) instruments.set(instrumentId(leg.instrument), leg.instrument)
  const total = instruments.size
  if (total > ctx.limits.maxPositionsTotal) {
    return {
      code: 'positions_total',
      message: `${total} instruments held or working, above the limit of ${ctx.limits.maxPositionsTotal}`,
      limit: String(ctx.limits.maxPositionsTotal),
      actual: String(total),
    }
  }
  const bySymbol = new Map<string, number>()
  for (const instrument of instruments.values()) {
    const symbol = underlyingSymbol(instrument)
    bySymbol.set(symbol, (bySymbol.get(symbol) ?? 0) + 1)
  }
  for (const leg of ctx.intent.legs) {
    const symbol = underlyingSymbol(leg.instrument)
    const count = bySymbol.get(symbol) ?? 0
    if (count > ctx.limits.maxPositionsPerSymbol) {
      return {
        code: 'positions_per_symbol',
        message: `${count} instruments on ${symbol}, above the limit of ${ctx.limits.maxPositionsPerSymbol}`,
        limit: String(ctx.limits.maxPositionsPerSymbol),
        actual: String(count),
      }
    }
  }
  return undefined
}
