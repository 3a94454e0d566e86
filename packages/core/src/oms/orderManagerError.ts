import { PermanentError } from '../errors/baseError.js'

/** Why the order manager refused a request. */
export const OrderManagerErrorReason = {
  /** `start()` has not completed (recovery runs first), or `stop()` was called. */
  NotRunning: 'not_running',
  /** This client order id was already used (in this process or in the journal): ids are never reused. */
  DuplicateClientOrderId: 'duplicate_client_order_id',
  /** The intent could not be written to the journal, so it was not sent. */
  JournalWriteFailed: 'journal_write_failed',
  /** The risk engine given is not one built by `createRiskEngine`, or returned an approval it did not issue. */
  NotGenuineRiskEngine: 'not_genuine_risk_engine',
  /** No order with this client order id is tracked. */
  UnknownOrder: 'unknown_order',
  /** Invalid purpose or options. */
  InvalidRequest: 'invalid_request',
} as const
/** One of {@link OrderManagerErrorReason}. */
export type OrderManagerErrorReason = (typeof OrderManagerErrorReason)[keyof typeof OrderManagerErrorReason]

/**
 * The order manager refused a request; nothing was sent.
 *
 * @example
 * ```ts
 * try {
 *   await oms.submit(intent, 'entry')
 * } catch (error) {
 *   if (error instanceof OrderManagerError && error.reason === 'duplicate_client_order_id') pickNewId()
 * }
 * ```
 */
export class OrderManagerError extends PermanentError {
  override name = 'OrderManagerError'
  /** Why. */
  readonly reason: OrderManagerErrorReason
  /** The order concerned, when there is one. */
  readonly clientOrderId: string | undefined

  constructor(
    reason: OrderManagerErrorReason,
    message: string,
    options: { clientOrderId?: string; cause?: unknown } = {},
  ) {
    super(message, {
      docsPath: 'guides/order-manager.md',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    })
    this.reason = reason
    this.clientOrderId = options.clientOrderId
  }
}
