import { instrumentId } from '../../instruments/instrumentId.js'
import { legContracts, sideSign, signedQuantity } from '../internal/legMath.js'
import type { RiskCheck } from '../riskContext.js'

/**
 * Verifies that an exit only reduces positions: every leg must trade against an existing position in its
 * instrument, for no more contracts than remain after every other working order that trades in the reducing
 * direction (other exits, or entries that would also offset it) has filled. So no combination of fills of
 * working exits can flip a position or open a new one.
 *
 * @param ctx - Check context.
 * @returns A `not_reducing` rejection, or `undefined` (always `undefined` for entries).
 * @example
 * ```ts
 * // long 5, a working exit sells 5: another exit selling 1 is refused
 * checkReducing(ctx) // { code: 'not_reducing', ... }
 * ```
 */
export const checkReducing: RiskCheck = (ctx) => {
  if (ctx.purpose !== 'exit') return undefined
  for (const leg of ctx.intent.legs) {
    const id = instrumentId(leg.instrument)
    const held = ctx.exposure.positions
      .filter((position) => position.instrumentId === id)
      .reduce((sum, position) => sum + signedQuantity(position), 0)
    const contracts = legContracts(leg, ctx.intent.quantity)
    if (held === 0 || Math.sign(held) === sideSign(leg.side)) {
      return {
        code: 'not_reducing',
        message: `exit leg ${leg.side} ${contracts} ${id} does not reduce a position (held ${held})`,
      }
    }
    let reserved = 0
    for (const working of ctx.exposure.workingOrders) {
      for (const other of working.intent.legs) {
        if (instrumentId(other.instrument) === id && sideSign(other.side) === sideSign(leg.side)) {
          reserved += legContracts(other, working.remainingQuantity)
        }
      }
    }
    const closable = Math.abs(held) - reserved
    if (contracts > closable) {
      return {
        code: 'not_reducing',
        message: `exit leg ${leg.side} ${contracts} ${id} exceeds the ${closable} left to close (held ${held}, ${reserved} already working)`,
        limit: String(closable),
        actual: String(contracts),
      }
    }
  }
  return undefined
}
