import Database from 'better-sqlite3'
import type { JournalAppendOutcome, JournalStore, StoredJournalRow } from './journalStore.js'

/** Options of {@link createSqliteJournalStore}. */
export interface SqliteJournalStoreOptions {
  /** Path of the database file; created when missing. */
  readonly path: string
  /**
   * SQLite `synchronous` level in WAL mode. `FULL` fsyncs the WAL on every commit, so an intent is on disk
   * before the order is sent even if the machine loses power. `NORMAL` survives a process crash but may lose the
   * last commits on power loss, which could leave an order at the broker with no intent in the journal. Orders
   * are a few per minute, so the cost of `FULL` (one fsync per record) does not matter. @default 'FULL'
   */
  readonly synchronous?: 'FULL' | 'NORMAL'
}

interface Row {
  seq: number
  ts: number
  mode: 'paper' | 'live'
  kind: string
  client_order_id: string | null
  fill_id: string | null
  payload: string
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ts INTEGER NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('paper', 'live')),
  kind TEXT NOT NULL,
  client_order_id TEXT,
  fill_id TEXT,
  payload TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS journal_one_intent ON journal (client_order_id) WHERE kind = 'intent';
CREATE UNIQUE INDEX IF NOT EXISTS journal_one_fill ON journal (fill_id) WHERE kind = 'fill';
`

/**
 * The embedded {@link JournalStore}: one SQLite file through better-sqlite3, in WAL mode, one transaction per
 * record, `AUTOINCREMENT` sequence numbers (never reused, even after deletes) and unique indexes that refuse a
 * second intent per client order id and a second fill per fill id.
 *
 * @param options - File path and durability level.
 * @returns The store (open).
 * @example
 * ```ts
 * const store = createSqliteJournalStore({ path: './data/journal.sqlite' })
 * const journal = createJournal({ store, clock, mode: 'paper' })
 * ```
 */
export function createSqliteJournalStore(options: SqliteJournalStoreOptions): JournalStore {
  const db = new Database(options.path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  const insert = db.prepare<[number, string, string, string | null, string | null, string]>(
    'INSERT INTO journal (ts, mode, kind, client_order_id, fill_id, payload) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[number], Row>('SELECT * FROM journal WHERE seq > ? ORDER BY seq')
  const appendOne = db.transaction((row: Omit<StoredJournalRow, 'seq'>) =>
    insert.run(row.timestampMs, row.mode, row.kind, row.clientOrderId, row.fillId, row.payload),
  )
  return {
    name: 'sqlite',
    async append(row): Promise<JournalAppendOutcome> {
      try {
        const result = appendOne.immediate(row)
        return { appended: true, seq: Number(result.lastInsertRowid) }
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
          return { appended: false, duplicate: row.kind === 'fill' ? 'fill' : 'intent' }
        }
        throw error
      }
    },
    async read(afterSeq = 0) {
      return select.all(afterSeq).map((row) => ({
        seq: row.seq,
        timestampMs: row.ts,
        mode: row.mode,
        kind: row.kind,
        clientOrderId: row.client_order_id,
        fillId: row.fill_id,
        payload: row.payload,
      }))
    },
    async close() {
      if (db.open) db.close()
    },
  }
}
