import { instrumentId } from '../../instruments/instrumentId.js'
import type { RiskCheck } from '../riskContext.js'

const ORDER_TYPES = new Set(['MKT', 'LMT', 'STP', 'STP_LMT'])
const TIME_IN_FORCE = new Set(['DAY', 'IOC'])

/**
 * Rejects malformed intents before any limit is evaluated: empty id, quantity that is not a positive integer,
 * no legs, repeated instruments, non-integer ratios, index instruments (not tradable), missing or non-positive
 * prices for the order type, unknown order type or time in force, and an intent whose mode differs from the
 * engine's.
 *
 * @param ctx - Check context.
 * @returns A rejection, or `undefined`.
 * @example
 * ```ts
 * const rejection = validateIntent(ctx) // { code: 'invalid_intent', ... } when quantity is 0
 * ```
 */
export const validateIntent: RiskCheck = (ctx) => {
  const { intent } = ctx
  const invalid = (message: string) => ({ code: 'invalid_intent' as const, message })
  if (typeof intent.clientOrderId !== 'string' || intent.clientOrderId.length === 0) {
    return invalid('clientOrderId must be a non-empty string')
  }
  if (intent.mode !== ctx.mode) {
    return {
      code: 'mode_mismatch',
      message: `intent is ${intent.mode} but the system trades ${ctx.mode}`,
      limit: ctx.mode,
      actual: String(intent.mode),
    }
  }
  if (!Number.isSafeInteger(intent.quantity) || intent.quantity <= 0) {
    return invalid(`quantity must be a positive integer, got ${intent.quantity}`)
  }
  if (intent.legs.length === 0) return invalid('order has no legs')
  const seen = new Set<string>()
  for (const leg of intent.legs) {
    if (leg.instrument.kind === 'index') return invalid(`index ${leg.instrument.symbol} is not tradable`)
    if (leg.side !== 'buy' && leg.side !== 'sell') return invalid(`leg side must be buy or sell`)
    if (!Number.isSafeInteger(leg.ratio) || leg.ratio <= 0) return invalid(`leg ratio must be a positive integer`)
    const id = instrumentId(leg.instrument)
    if (seen.has(id)) return invalid(`instrument ${id} appears in two legs`)
    seen.add(id)
  }
  if (!ORDER_TYPES.has(intent.type)) return invalid(`unknown order type ${intent.type}`)
  if (!TIME_IN_FORCE.has(intent.timeInForce)) return invalid(`unknown time in force ${intent.timeInForce}`)
  const needsLimit = intent.type === 'LMT' || intent.type === 'STP_LMT'
  const needsStop = intent.type === 'STP' || intent.type === 'STP_LMT'
  if (needsLimit && (intent.limitPrice === undefined || !intent.limitPrice.isFinite())) {
    return invalid(`${intent.type} order needs a finite limit price`)
  }
  if (needsStop && (intent.stopPrice === undefined || !intent.stopPrice.isFinite())) {
    return invalid(`${intent.type} order needs a finite stop price`)
  }
  // A single instrument trades at a positive price; only combos have net credits (negative prices).
  if (intent.legs.length === 1) {
    if (intent.limitPrice?.lte(0)) {
      return invalid('single-leg limit price must be positive')
    }
    if (intent.stopPrice?.lte(0)) {
      return invalid('single-leg stop price must be positive')
    }
  }
  return undefined
}
