import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { type Order, type OrderIntent, OrderStatus } from '../../trading/types.js'
import { seriesExpirationMs } from './seriesExpiration.js'

/**
 * Whether an order can still fill: `submitted` or `partially_filled`.
 *
 * @param status - Its status.
 * @returns `true` when working at the broker.
 * @example
 * ```ts
 * isWorking('partially_filled') // true
 * ```
 */
export function isWorking(status: Order['status']): boolean {
  return status === OrderStatus.Submitted || status === OrderStatus.PartiallyFilled
}

/**
 * Contract multiplier of an instrument: the option's multiplier, 1 for shares.
 *
 * @param instrument - Any tradable instrument.
 * @returns The multiplier.
 * @example
 * ```ts
 * multiplierOf(equity('SPY')) // 1
 * ```
 */
export function multiplierOf(instrument: Instrument): number {
  return instrument.kind === 'option' ? instrument.multiplier : 1
}

/**
 * Whether a placement with an id already in use names the same order: same legs (instruments, sides, ratios), type,
 * time in force and mode. Quantity and prices may differ, because the stored order may have been modified since.
 *
 * @param order - The stored order.
 * @param intent - The new placement.
 * @returns `true` when it is the same order.
 * @example
 * ```ts
 * if (!sameOrder(existing, intent)) throw new ClientOrderIdConflictError(intent.clientOrderId)
 * ```
 */
export function sameOrder(order: Order, intent: OrderIntent): boolean {
  if (!Array.isArray(intent.legs) || intent.legs.length !== order.legs.length) return false
  const legsMatch = order.legs.every((leg, index) => {
    const other = intent.legs[index]
    return (
      other !== undefined &&
      other.side === leg.side &&
      other.ratio === leg.ratio &&
      instrumentId(other.instrument) === instrumentId(leg.instrument)
    )
  })
  return (
    legsMatch && order.type === intent.type && order.timeInForce === intent.timeInForce && order.mode === intent.mode
  )
}

/**
 * The fields of an intent, copied so that nothing else a caller attached reaches the broker's records.
 *
 * @param intent - A validated intent.
 * @returns A clean intent with frozen legs.
 * @example
 * ```ts
 * const order = { ...copyIntent(intent), status: 'pending', ... }
 * ```
 */
export function copyIntent(intent: OrderIntent): OrderIntent {
  return {
    clientOrderId: intent.clientOrderId,
    legs: Object.freeze(intent.legs.map((leg) => ({ instrument: leg.instrument, side: leg.side, ratio: leg.ratio }))),
    quantity: intent.quantity,
    type: intent.type,
    timeInForce: intent.timeInForce,
    mode: intent.mode,
    ...(intent.limitPrice === undefined ? {} : { limitPrice: intent.limitPrice }),
    ...(intent.stopPrice === undefined ? {} : { stopPrice: intent.stopPrice }),
    ...(intent.strategyId === undefined ? {} : { strategyId: intent.strategyId }),
  }
}

/**
 * Why an order cannot trade because a leg's series has expired, or `undefined`.
 *
 * @param order - The order.
 * @param nowMs - Now.
 * @returns A sentence naming the expired contract, or `undefined`.
 * @example
 * ```ts
 * expiredLegReason(order, clock.now()) // 'SPY   251121C00500000 expired at 2025-11-21T21:15:00.000Z'
 * ```
 */
export function expiredLegReason(order: Order, nowMs: number): string | undefined {
  for (const leg of order.legs) {
    if (leg.instrument.kind !== 'option') continue
    const expiresMs = seriesExpirationMs(leg.instrument)
    if (nowMs >= expiresMs) return `${instrumentId(leg.instrument)} expired at ${new Date(expiresMs).toISOString()}`
  }
  return undefined
}
