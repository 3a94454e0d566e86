import type { TradingMode } from '../trading/types.js'

/** What one press of the kill switch did. */
export interface KillSwitchReport {
  /** Paper or live. */
  readonly mode: TradingMode
  /** Orders a cancellation was requested for (each at most once, over every press). */
  readonly cancelRequested: readonly string[]
  /** Closing orders sent (exits through the risk engine). */
  readonly flattenOrders: readonly string[]
  /** Requests that failed, with the reason; the switch stays engaged and retries flattening as orders finish. */
  readonly errors: readonly { readonly clientOrderId: string; readonly message: string }[]
}
