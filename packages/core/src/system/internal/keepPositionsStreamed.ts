import { merge, type Subscription } from 'rxjs'
import type { MarketDataFeed } from '../../feeds/marketDataFeed.js'
import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { OrderManager } from '../../oms/orderManager.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'

/**
 * Keeps every instrument of an open position or a working order subscribed on the feed (through its own lease),
 * so exits and marks always have quotes even after a chain's window has moved away from the strikes held.
 *
 * @param oms - Orders and positions to follow.
 * @param lease - A subscription-pool lease of the feed.
 * @returns The subscription; unsubscribing it stops following (what is held stays subscribed).
 */
export function keepPositionsStreamed(
  oms: Pick<OrderManager, 'orders' | 'positions' | 'orders$' | 'positions$'>,
  lease: Pick<MarketDataFeed, 'subscribe' | 'unsubscribe'>,
): Subscription {
  let held = new Map<string, Instrument>()
  const refresh = () => {
    const wanted = new Map<string, Instrument>()
    for (const position of oms.positions()) wanted.set(position.instrumentId, position.instrument)
    for (const order of oms.orders()) {
      if (isFinalStatus(order.status)) continue
      for (const leg of order.legs) wanted.set(instrumentId(leg.instrument), leg.instrument)
    }
    const added = [...wanted].filter(([id]) => !held.has(id)).map(([, instrument]) => instrument)
    const removed = [...held].filter(([id]) => !wanted.has(id)).map(([, instrument]) => instrument)
    if (added.length > 0) lease.subscribe(added)
    if (removed.length > 0) lease.unsubscribe(removed)
    held = wanted
  }
  refresh()
  return merge(oms.orders$, oms.positions$).subscribe(refresh)
}
