import type { OrderIntent } from '../../trading/types.js'
import type { OrderPurpose } from '../orderPurpose.js'

/**
 * Proof that the risk engine accepted one exact intent. Only the engine can create a genuine one: approvals are
 * remembered in a module-private `WeakSet`, so a structurally identical object built elsewhere is refused, and
 * redeeming consumes it, so one approval sends at most one order.
 */
export interface RiskApproval {
  /** The approved intent, frozen. */
  readonly intent: OrderIntent
  /** Entry or exit. */
  readonly purpose: OrderPurpose
  /** When the engine approved it, epoch milliseconds. */
  readonly approvedAtMs: number
}

const genuine = new WeakSet<RiskApproval>()

/**
 * Creates a genuine approval. Internal to the risk engine; never exported from the package.
 *
 * @param intent - The approved intent.
 * @param purpose - Entry or exit.
 * @param approvedAtMs - Approval time.
 * @returns The approval.
 */
export function issueApproval(intent: OrderIntent, purpose: OrderPurpose, approvedAtMs: number): RiskApproval {
  const approval: RiskApproval = Object.freeze({ intent: Object.freeze({ ...intent }), purpose, approvedAtMs })
  genuine.add(approval)
  return approval
}

/**
 * Consumes an approval: `true` exactly once for an approval the engine issued, `false` for forged, copied or
 * already redeemed ones. Internal to the order manager; never exported from the package.
 *
 * @param approval - The approval to redeem.
 * @returns Whether it was genuine and unused.
 */
export function redeemApproval(approval: RiskApproval): boolean {
  if (!genuine.has(approval)) return false
  genuine.delete(approval)
  return true
}

const engines = new WeakSet<object>()

/**
 * Records an object as a risk engine built by `createRiskEngine`. Internal; never exported from the package.
 *
 * @param engine - The engine object.
 */
export function registerRiskEngine(engine: object): void {
  engines.add(engine)
}

/**
 * Whether an object is a risk engine built by `createRiskEngine`. The order manager refuses anything else, so a
 * hand-written object with a `check` that always approves cannot stand in for the engine.
 *
 * @param engine - The candidate.
 * @returns `true` for genuine engines.
 */
export function isGenuineRiskEngine(engine: object): boolean {
  return engines.has(engine)
}
