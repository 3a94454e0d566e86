import type { OrderIntent } from '../../trading/types.js'

/**
 * A deep, frozen copy of an intent, so what the risk engine checked is exactly what is journaled and sent: a
 * caller mutating its own object (or its legs array) afterwards changes nothing. Decimals are immutable already.
 *
 * @param intent - The caller's intent.
 * @returns The frozen copy.
 */
export function freezeIntent(intent: OrderIntent): OrderIntent {
  const legs = Object.freeze(
    intent.legs.map((leg) => Object.freeze({ ...leg, instrument: Object.freeze({ ...leg.instrument }) })),
  )
  return Object.freeze({ ...intent, legs })
}
