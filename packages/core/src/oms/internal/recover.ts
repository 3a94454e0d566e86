import type { BrokerInterface } from '../../execution/brokerInterface.js'
import type { Journal } from '../../journal/journal.js'
import { JournalError } from '../../journal/journalError.js'
import type { JournalBaseline } from '../../journal/journalRecord.js'
import { type JournalReplay, replayJournal } from '../../journal/replayJournal.js'
import type { Logger } from '../../logging/logger.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'
import type { RiskEngine } from '../../risk/riskEngine.js'
import { comparePositions } from '../comparePositions.js'
import type { ManagedOrder } from '../managedOrder.js'
import type { RecoveryReport } from '../recoveryReport.js'
import type { OmsCore } from './omsCore.js'

/** Dependencies of {@link recover}. */
export interface RecoverDeps {
  readonly journal: Journal
  readonly broker: BrokerInterface
  readonly risk: RiskEngine
  readonly logger: Logger
  /** Whether a never-received intent may be re-sent; recovery only lists it, the order manager decides. */
  readonly mayResend: (order: ManagedOrder) => boolean
}

/** The report, plus intents to re-send through the risk engine. */
export interface RecoverResult {
  readonly report: Omit<RecoveryReport, 'resent' | 'notSent'>
  readonly notSent: ManagedOrder[]
  readonly resendCandidates: ManagedOrder[]
}

function loadOrders(core: OmsCore, replay: JournalReplay): void {
  for (const [id, journaled] of replay.intents) {
    const recorded = replay.orders.get(id)
    const extra = {
      purpose: journaled.purpose,
      external: false,
      ...(journaled.closesOrderId === undefined ? {} : { closesOrderId: journaled.closesOrderId }),
    }
    core.load(
      recorded === undefined
        ? {
            ...journaled.intent,
            status: 'pending',
            filledQuantity: 0,
            averageFillPrice: null,
            createdAtMs: journaled.timestampMs,
            updatedAtMs: journaled.timestampMs,
            ...extra,
          }
        : { ...recorded, ...extra },
    )
  }
  for (const [id, recorded] of replay.orders) {
    if (!replay.intents.has(id)) core.load({ ...recorded, purpose: 'entry', external: true })
  }
}

/**
 * Rebuilds an order manager's state: replays the journal, asks the broker for its view, records a baseline on
 * first start, adopts orders the broker knows, adds fills the journal missed (once per fill id), expires
 * working orders the broker no longer reports, lists intents the broker never received, restores the risk
 * state, and compares positions. Must run before the order manager handles live broker events.
 *
 * @param core - The order manager's state.
 * @param deps - Journal, broker, risk engine, logger and the re-send rule.
 * @returns What was found.
 * @throws {JournalError} When the journal is unreadable or belongs to another account.
 */
export async function recover(core: OmsCore, deps: RecoverDeps): Promise<RecoverResult> {
  const { journal, broker, risk, logger } = deps
  const entries = await journal.read()
  const replay = replayJournal(entries)
  loadOrders(core, replay)
  const snapshot = await broker.reconcile()
  let baseline: JournalBaseline | undefined = replay.baseline
  const firstStart = baseline === undefined
  if (baseline === undefined) {
    const first = entries[0]
    if (first !== undefined) throw new JournalError('corrupt', first.seq, 'Journal has records but no baseline')
    baseline = {
      accountId: snapshot.account.accountId,
      cash: snapshot.account.cash,
      positions: snapshot.positions,
      fillIds: snapshot.fills.map((fill) => fill.fillId),
    }
    const outcome = await journal.append({ kind: 'baseline', baseline })
    if (!outcome.appended) throw new JournalError('corrupt', 0, 'Journal refused the baseline record')
  } else if (baseline.accountId !== snapshot.account.accountId) {
    throw new JournalError(
      'account_mismatch',
      0,
      `Journal belongs to account ${baseline.accountId}, the broker is connected to ${snapshot.account.accountId}`,
    )
  }
  core.resetLedger(baseline)
  for (const id of baseline.fillIds) core.fillIds.add(id)
  for (const fill of replay.fills) core.applyFill(fill, { journal: false })

  const adopted: string[] = []
  const external: string[] = []
  const brokerIds = new Set<string>()
  for (const order of snapshot.orders) {
    brokerIds.add(order.clientOrderId)
    const local = core.orders.get(order.clientOrderId)
    core.applyBrokerOrder(order)
    if (local === undefined) external.push(order.clientOrderId)
    else if (local.status === 'pending') adopted.push(order.clientOrderId)
  }
  const fillsAdded: string[] = []
  for (const fill of [...snapshot.fills].sort((a, b) => a.timestampMs - b.timestampMs)) {
    if (core.applyFill(fill)) fillsAdded.push(fill.fillId)
  }
  const notSent: ManagedOrder[] = []
  const resendCandidates: ManagedOrder[] = []
  const expired: string[] = []
  for (const order of [...core.orders.values()]) {
    if (brokerIds.has(order.clientOrderId) || isFinalStatus(order.status)) continue
    if (order.status === 'pending') {
      if (deps.mayResend(order)) resendCandidates.push(order)
      else notSent.push(order)
    } else {
      core.finalizeLocally(order.clientOrderId, 'expired', 'not reported by the broker at recovery')
      expired.push(order.clientOrderId)
    }
  }
  core.account = snapshot.account
  if (replay.riskState !== undefined) risk.restore(replay.riskState)
  const positionMismatches = comparePositions(core.ledger.positions(), snapshot.positions)
  const cashDifference = snapshot.account.cash.minus(core.ledger.cash)
  if (positionMismatches.length > 0) {
    logger.error('positions differ from the broker after recovery', { mismatches: positionMismatches })
  }
  logger.info('recovered', {
    journalRecords: entries.length,
    adopted,
    external,
    fillsAdded,
    expired,
    notSent: notSent.map((o) => o.clientOrderId),
    cashDifference: cashDifference.toString(),
  })
  return {
    report: {
      mode: core.mode,
      journalRecords: entries.length,
      firstStart,
      adopted,
      expired,
      external,
      fillsAdded,
      positionMismatches,
      cashDifference,
    },
    notSent,
    resendCandidates,
  }
}
