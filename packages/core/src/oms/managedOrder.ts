import type { OrderPurpose } from '../risk/orderPurpose.js'
import type { Order } from '../trading/types.js'

/** An order as the order manager tracks it: the broker's view plus why it was sent. */
export interface ManagedOrder extends Order {
  /** Entry or exit. External orders count as entries (the conservative side for every limit). */
  readonly purpose: OrderPurpose
  /** For exits: the entry order whose position this closes, when known. */
  readonly closesOrderId?: string
  /** The broker reported it but this journal never held its intent (placed by hand or by another client). */
  readonly external: boolean
}
