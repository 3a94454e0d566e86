import type { BrokerInterface } from '../../execution/brokerInterface.js'
import type { Logger } from '../../logging/logger.js'
import { comparePositions } from '../comparePositions.js'
import type { ReconcileReport } from '../reconcileReport.js'
import type { OmsCore } from './omsCore.js'

/**
 * Reconciles a running order manager with the broker (after a reconnect, or on request): merges every order the
 * broker reports (adopting unknown ones as external), applies fills the order manager missed (once per fill id),
 * settles orders whose send outcome was unknown and that the broker does not have as `rejected`, refreshes the
 * account, and compares positions.
 *
 * @param core - The order manager's state.
 * @param broker - The broker.
 * @param logger - Logger.
 * @returns What changed.
 */
export async function reconcileLive(core: OmsCore, broker: BrokerInterface, logger: Logger): Promise<ReconcileReport> {
  const snapshot = await broker.reconcile()
  const known = new Set(snapshot.orders.map((order) => order.clientOrderId))
  const external: string[] = []
  for (const order of snapshot.orders) {
    if (!core.orders.has(order.clientOrderId)) external.push(order.clientOrderId)
    core.applyBrokerOrder(order)
    core.uncertain.delete(order.clientOrderId)
  }
  const fillsAdded: string[] = []
  for (const fill of [...snapshot.fills].sort((a, b) => a.timestampMs - b.timestampMs)) {
    if (core.applyFill(fill)) fillsAdded.push(fill.fillId)
  }
  const notReceived: string[] = []
  for (const id of [...core.uncertain]) {
    if (known.has(id)) continue
    core.uncertain.delete(id)
    if (core.finalizeLocally(id, 'rejected', 'not received by the broker') !== undefined) notReceived.push(id)
  }
  core.account = snapshot.account
  const positionMismatches = comparePositions(core.ledger.positions(), snapshot.positions)
  if (positionMismatches.length > 0)
    logger.error('positions differ from the broker', { mismatches: positionMismatches })
  await core.flush()
  return { mode: core.mode, external, fillsAdded, notReceived, positionMismatches }
}
