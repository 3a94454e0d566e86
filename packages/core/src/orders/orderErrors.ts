import { PermanentError } from '../errors/baseError.js'
import type { OrderStatus } from '../trading/types.js'

/**
 * An order or a structure failed validation: the intent is malformed, a price is off its tick, legs do not form the
 * structure claimed. Nothing was sent. `issues` lists every problem found.
 *
 * @example
 * ```ts
 * try {
 *   createOrderIntent(input)
 * } catch (error) {
 *   if (error instanceof InvalidOrderError) console.error(error.issues)
 * }
 * ```
 */
export class InvalidOrderError extends PermanentError {
  override name = 'InvalidOrderError'
  /** Every problem found, one sentence each. */
  readonly issues: readonly string[]
  /** The order's client id, when known. */
  readonly clientOrderId: string | undefined

  constructor(issues: readonly string[], clientOrderId?: string) {
    const subject = clientOrderId === undefined ? 'Invalid order' : `Invalid order "${clientOrderId}"`
    super(`${subject}: ${issues.join('; ')}`, { docsPath: 'guides/orders.md' })
    this.issues = issues
    this.clientOrderId = clientOrderId
  }
}

/**
 * An order was asked to move to a status its current status cannot reach (a filled order cancelled, a rejected
 * order filled). The order is unchanged. Seeing this means a broker or the OMS got the life cycle wrong.
 *
 * @example
 * ```ts
 * transitionOrder(filledOrder, 'cancelled', { nowMs }) // throws IllegalOrderTransitionError
 * ```
 */
export class IllegalOrderTransitionError extends PermanentError {
  override name = 'IllegalOrderTransitionError'
  /** The order. */
  readonly clientOrderId: string
  /** Status it was in. */
  readonly from: OrderStatus
  /** Status requested. */
  readonly to: OrderStatus

  constructor(clientOrderId: string, from: OrderStatus, to: OrderStatus) {
    super(`Order "${clientOrderId}" cannot go from ${from} to ${to}`, { docsPath: 'guides/orders.md' })
    this.clientOrderId = clientOrderId
    this.from = from
    this.to = to
  }
}

/**
 * A fill would take an order's filled quantity above its quantity, or is not a positive whole number of units.
 * The order is unchanged.
 *
 * @example
 * ```ts
 * applyOrderFill(order, { quantity: 5, price, timestampMs }) // order of 3: throws OverfillError
 * ```
 */
export class OverfillError extends PermanentError {
  override name = 'OverfillError'
  /** The order. */
  readonly clientOrderId: string
  /** Quantity of the order. */
  readonly quantity: number
  /** Filled before this fill. */
  readonly filledQuantity: number
  /** Quantity of the rejected fill. */
  readonly fillQuantity: number

  constructor(clientOrderId: string, quantity: number, filledQuantity: number, fillQuantity: number) {
    super(
      `Fill of ${fillQuantity} on order "${clientOrderId}" is not allowed: ${filledQuantity} of ${quantity} already filled`,
      { docsPath: 'guides/orders.md' },
    )
    this.clientOrderId = clientOrderId
    this.quantity = quantity
    this.filledQuantity = filledQuantity
    this.fillQuantity = fillQuantity
  }
}

/**
 * A limit price could not be derived from the legs' quotes: a quote is missing, one-sided or crossed, or the
 * resulting single-leg price is not positive.
 *
 * @example
 * ```ts
 * limitPriceFor({ legs, quoteOf, policy: { kind: 'mid' } }) // throws UnpriceableOrderError without quotes
 * ```
 */
export class UnpriceableOrderError extends PermanentError {
  override name = 'UnpriceableOrderError'
  /** Instrument ids whose quote was missing or unusable. */
  readonly instrumentIds: readonly string[]

  constructor(reason: string, instrumentIds: readonly string[] = []) {
    super(`Cannot price order: ${reason}`, { docsPath: 'guides/orders.md' })
    this.instrumentIds = instrumentIds
  }
}
