import { PermanentError, RetryableError } from '../errors/baseError.js'

/**
 * The broker is not connected (before `connect()`, after `close()`, or after it stopped on a storage failure).
 *
 * @example
 * ```ts
 * await broker.placeOrder(intent) // before connect(): rejects with BrokerNotConnectedError
 * ```
 */
export class BrokerNotConnectedError extends RetryableError {
  override name = 'BrokerNotConnectedError'
  /** The broker's name. */
  readonly broker: string

  constructor(broker: string, status: string) {
    super(`Broker "${broker}" is not connected (${status})`, { docsPath: 'guides/brokers.md' })
    this.broker = broker
  }
}

/**
 * A client order id was reused for a different order. The first order stands; nothing new was created.
 *
 * @example
 * ```ts
 * await broker.placeOrder({ ...intent, quantity: 2 }) // same id, other quantity: rejects
 * ```
 */
export class ClientOrderIdConflictError extends PermanentError {
  override name = 'ClientOrderIdConflictError'
  /** The reused id. */
  readonly clientOrderId: string

  constructor(clientOrderId: string) {
    super(`Client order id "${clientOrderId}" already names a different order`, {
      details: 'placing the same id again returns the existing order only when the intent is identical',
      docsPath: 'guides/orders.md',
    })
    this.clientOrderId = clientOrderId
  }
}

/**
 * No order with this client order id exists on the account.
 *
 * @example
 * ```ts
 * await broker.cancelOrder('nope') // rejects with UnknownOrderError
 * ```
 */
export class UnknownOrderError extends PermanentError {
  override name = 'UnknownOrderError'
  /** The id asked for. */
  readonly clientOrderId: string

  constructor(clientOrderId: string) {
    super(`No order "${clientOrderId}" on this account`, { docsPath: 'guides/orders.md' })
    this.clientOrderId = clientOrderId
  }
}

/**
 * The paper broker found its own books inconsistent (leg prices not adding up, a fill beyond an order) and
 * refused to record it. It is a bug, reported loudly rather than traded on.
 *
 * @example
 * ```ts
 * throw new PaperBrokerInvariantError('fill of o1 breaks its limit')
 * ```
 */
export class PaperBrokerInvariantError extends PermanentError {
  override name = 'PaperBrokerInvariantError'

  constructor(message: string) {
    super(`Paper broker invariant broken: ${message}`)
  }
}
