import type { Clock } from '../clock/clock.js'
import type { TradingMode } from '../trading/types.js'
import { decodeJournalRecord, encodeJournalRecord } from './journalCodec.js'
import { JournalError } from './journalError.js'
import type { JournalEntry, JournalRecord } from './journalRecord.js'
import type { JournalAppendOutcome, JournalStore } from './journalStore.js'

/**
 * The write-ahead journal: every intent before it is sent, every order change and every fill, in one ordered,
 * durable sequence. Restart rebuilds orders, positions and P&L from it (see `replayJournal`).
 */
export interface Journal {
  /** Paper or live; stamped on every record. */
  readonly mode: TradingMode
  /** The store behind it. */
  readonly store: JournalStore
  /**
   * Appends a record. Appends are serialised: each starts after the previous one is durable, so sequence
   * numbers follow call order. Resolves once the record is durable.
   *
   * @param record - The record.
   * @returns The sequence number, or the duplicate that was refused (an intent id or fill id already stored).
   */
  append(record: JournalRecord): Promise<JournalAppendOutcome>
  /**
   * Reads and validates every record after `afterSeq`, in order.
   *
   * @param afterSeq - Exclusive lower bound. @default 0
   * @returns The entries.
   * @throws {JournalError} On a record that does not parse or was written in another mode.
   */
  read(afterSeq?: number): Promise<readonly JournalEntry[]>
  /** Waits for pending appends, then closes the store. */
  close(): Promise<void>
}

/** Options of {@link createJournal}. */
export interface JournalOptions {
  /** Durable storage. */
  readonly store: JournalStore
  /** Source of record timestamps. */
  readonly clock: Pick<Clock, 'now'>
  /** Paper or live. */
  readonly mode: TradingMode
}

function keysOf(record: JournalRecord): { clientOrderId: string | null; fillId: string | null } {
  switch (record.kind) {
    case 'intent':
      return { clientOrderId: record.intent.clientOrderId, fillId: null }
    case 'order':
      return { clientOrderId: record.order.clientOrderId, fillId: null }
    case 'fill':
      return { clientOrderId: record.fill.clientOrderId, fillId: record.fill.fillId }
    default:
      return { clientOrderId: null, fillId: null }
  }
}

/**
 * Creates a journal over a store.
 *
 * @param options - Store, clock and mode.
 * @returns The journal.
 * @example
 * ```ts
 * const journal = createJournal({ store: createSqliteJournalStore({ path: 'journal.sqlite' }), clock, mode: 'paper' })
 * ```
 */
export function createJournal(options: JournalOptions): Journal {
  const { store, clock, mode } = options
  let tail: Promise<unknown> = Promise.resolve()
  return {
    mode,
    store,
    append(record) {
      const keys = keysOf(record)
      const run = () =>
        store.append({
          timestampMs: clock.now(),
          mode,
          kind: record.kind,
          ...keys,
          payload: encodeJournalRecord(record),
        })
      const result = tail.then(run, run)
      tail = result.catch(() => undefined)
      return result
    },
    async read(afterSeq = 0) {
      const rows = await store.read(afterSeq)
      return rows.map((row) => {
        if (row.mode !== mode) {
          throw new JournalError(
            'mode_mismatch',
            row.seq,
            `Journal record ${row.seq} is ${row.mode}, this system trades ${mode}`,
          )
        }
        try {
          return {
            seq: row.seq,
            timestampMs: row.timestampMs,
            mode: row.mode,
            record: decodeJournalRecord(row.payload),
          }
        } catch (error) {
          throw new JournalError('corrupt', row.seq, `Journal record ${row.seq} (${row.kind}) does not parse`, error)
        }
      })
    },
    async close() {
      await tail
      await store.close()
    },
  }
}
