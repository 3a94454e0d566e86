import type { Fill } from '../../trading/types.js'

/** A fill that may name the strategy it belongs to. Core fills carry only `clientOrderId`. */
export type AttributedFill = Fill & {
  /** Strategy that produced the order, when the producer stamped it on the fill. */
  readonly strategyId?: string
}

/**
 * How fills map to strategies: a map or record from `clientOrderId` to strategy id, or a function of the fill.
 * The order intent's `strategyId` is the usual source (`new Map(orders.map((o) => [o.clientOrderId, o.strategyId]))`).
 */
export type StrategyAttribution =
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | ((fill: AttributedFill) => string | undefined)

/** Strategy id given to fills that no attribution names. */
export const UNATTRIBUTED_STRATEGY = 'unattributed'

/**
 * The strategy a fill belongs to: the fill's own `strategyId` when present, else the attribution's answer for
 * it, else {@link UNATTRIBUTED_STRATEGY}.
 *
 * @param fill - The fill.
 * @param attribution - Map, record or function, optional.
 * @returns The strategy id.
 * @example
 * ```ts
 * strategyOf(fill, new Map([['ord-1', 'iron-condor']])) // 'iron-condor' when fill.clientOrderId is 'ord-1'
 * ```
 */
export function strategyOf(fill: AttributedFill, attribution?: StrategyAttribution): string {
  if (fill.strategyId !== undefined && fill.strategyId !== '') return fill.strategyId
  if (attribution === undefined) return UNATTRIBUTED_STRATEGY
  let found: string | undefined
  if (typeof attribution === 'function') found = attribution(fill)
  else if (attribution instanceof Map) found = attribution.get(fill.clientOrderId)
  else if (Object.hasOwn(attribution, fill.clientOrderId)) {
    found = (attribution as Readonly<Record<string, string>>)[fill.clientOrderId]
  }
  return found === undefined || found === '' ? UNATTRIBUTED_STRATEGY : found
}
