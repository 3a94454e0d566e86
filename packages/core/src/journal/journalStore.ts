import type { TradingMode } from '../trading/types.js'

/** A record as the store keeps it: opaque payload plus the keys the store enforces uniqueness on. */
export interface StoredJournalRow {
  /** Sequence number assigned by the store: strictly increasing in append order, never reused. */
  readonly seq: number
  /** When it was written, epoch milliseconds. */
  readonly timestampMs: number
  /** Paper or live. */
  readonly mode: TradingMode
  /** Record kind (`intent`, `order`, `fill` …). */
  readonly kind: string
  /** Client order id, for `intent` records unique per store. */
  readonly clientOrderId: string | null
  /** Fill id, for `fill` records unique per store. */
  readonly fillId: string | null
  /** Serialised record. */
  readonly payload: string
}

/** A row to append; the store assigns `seq`. */
export type JournalRowInput = Omit<StoredJournalRow, 'seq'>

/** Outcome of {@link JournalStore.append}. */
export type JournalAppendOutcome =
  | { readonly appended: true; readonly seq: number }
  | {
      readonly appended: false
      /** An `intent` with this client order id, or a `fill` with this fill id, is already stored. */
      readonly duplicate: 'intent' | 'fill'
    }

/**
 * Durable storage behind the journal. The embedded default is SQLite (`createSqliteJournalStore`); a
 * PostgreSQL or other store implements the same four members. Requirements every store must meet:
 *
 * - `append` resolves only once the row is durable (committed, with the store's documented durability);
 * - sequence numbers strictly increase in append order and never repeat;
 * - at most one `intent` row per `clientOrderId` and one `fill` row per `fillId`: a second is refused as a
 *   duplicate, atomically (this is what makes "never send an id twice" and "never count a fill twice" hold
 *   even if two processes share a store by mistake).
 */
export interface JournalStore {
  /** Short name for logs (`sqlite`, `memory`). */
  readonly name: string
  /**
   * Appends one row in its own transaction.
   *
   * @param row - The row.
   * @returns The assigned sequence number, or which uniqueness rule refused it.
   */
  append(row: JournalRowInput): Promise<JournalAppendOutcome>
  /**
   * Reads rows with `seq` greater than `afterSeq`, in sequence order.
   *
   * @param afterSeq - Exclusive lower bound. @default 0
   * @returns The rows.
   */
  read(afterSeq?: number): Promise<readonly StoredJournalRow[]>
  /** Releases the store. */
  close(): Promise<void>
}
