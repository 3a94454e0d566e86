import type { OrderPurpose } from '../risk/orderPurpose.js'
import type { RiskState } from '../risk/riskState.js'
import type { Fill, Order, OrderIntent } from '../trading/types.js'
import type { JournalBaseline, JournalEntry } from './journalRecord.js'

/** An intent as journaled, with what the order manager knows about its life since. */
export interface ReplayedIntent {
  /** What was (to be) sent. */
  readonly intent: OrderIntent
  /** Entry or exit. */
  readonly purpose: OrderPurpose
  /** For exits: the entry order it closes. */
  readonly closesOrderId?: string
  /** Sequence number of the intent record. */
  readonly seq: number
  /** When the intent was journaled, epoch milliseconds. */
  readonly timestampMs: number
}

/** State rebuilt from a journal: the inputs the order manager recovers from. */
export interface JournalReplay {
  /** The account when the journal began, if recorded. */
  readonly baseline: JournalBaseline | undefined
  /** Every intent, by client order id. */
  readonly intents: ReadonlyMap<string, ReplayedIntent>
  /** Latest recorded state of every order, by client order id (intents without one have none). */
  readonly orders: ReadonlyMap<string, Order>
  /** Every fill, first record per `fillId`, in journal order. */
  readonly fills: readonly Fill[]
  /** Latest recorded risk state. */
  readonly riskState: RiskState | undefined
  /** Highest sequence number read, 0 for an empty journal. */
  readonly lastSeq: number
}

/**
 * Folds journal entries into the state they describe. Pure: the same entries always give the same replay.
 * Later order records replace earlier ones (the order manager only journals accepted changes); a fill id seen
 * twice counts once.
 *
 * @param entries - Entries in sequence order (from `journal.read()`).
 * @returns The rebuilt state.
 * @example
 * ```ts
 * const replay = replayJournal(await journal.read())
 * console.log(replay.orders.size, replay.fills.length)
 * ```
 */
export function replayJournal(entries: readonly JournalEntry[]): JournalReplay {
  let baseline: JournalBaseline | undefined
  let riskState: RiskState | undefined
  const intents = new Map<string, ReplayedIntent>()
  const orders = new Map<string, Order>()
  const fills: Fill[] = []
  const fillIds = new Set<string>()
  let lastSeq = 0
  for (const entry of entries) {
    lastSeq = Math.max(lastSeq, entry.seq)
    const record = entry.record
    switch (record.kind) {
      case 'baseline':
        baseline ??= record.baseline
        break
      case 'intent':
        if (!intents.has(record.intent.clientOrderId)) {
          intents.set(record.intent.clientOrderId, {
            intent: record.intent,
            purpose: record.purpose,
            ...(record.closesOrderId === undefined ? {} : { closesOrderId: record.closesOrderId }),
            seq: entry.seq,
            timestampMs: entry.timestampMs,
          })
        }
        break
      case 'order':
        orders.set(record.order.clientOrderId, record.order)
        break
      case 'fill':
        if (!fillIds.has(record.fill.fillId)) {
          fillIds.add(record.fill.fillId)
          fills.push(record.fill)
        }
        break
      case 'risk_state':
        riskState = record.state
        break
    }
  }
  return { baseline, intents, orders, fills, riskState, lastSeq }
}
