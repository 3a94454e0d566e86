import Database from 'better-sqlite3'
import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import { paperStoreCodec } from './internal/paperStoreCodec.js'
import type { PaperBrokerState, PaperBrokerStore, PaperCommit } from './paperBrokerStore.js'

/** Options of {@link sqlitePaperBrokerStore}. */
export const sqlitePaperBrokerStoreSchema = z.object({
  /** Database file; `:memory:` for a throw-away store. */
  path: z.string().min(1),
  /**
   * SQLite `synchronous` setting. `FULL` syncs the write-ahead log on every commit, so a committed fill survives
   * a power loss; `NORMAL` survives process crashes (kill -9) but may lose the last commits on power loss.
   * @default 'FULL'
   */
  synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** How long to wait for another process's write lock, ms. @default 5000 */
  busyTimeoutMs: z.number().int().nonnegative().default(5000),
})

/** Input of {@link sqlitePaperBrokerStore}. */
export type SqlitePaperBrokerStoreOptions = z.input<typeof sqlitePaperBrokerStoreSchema>

/** A {@link PaperBrokerStore} on an SQLite file. */
export interface SqlitePaperBrokerStore extends PaperBrokerStore {
  /** The database file. */
  readonly path: string
  /** Closes the database; the store cannot be used afterwards. */
  close(): void
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS paper_accounts (
  account_id TEXT PRIMARY KEY,
  record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paper_orders (
  account_id TEXT NOT NULL,
  client_order_id TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (account_id, client_order_id)
);
CREATE TABLE IF NOT EXISTS paper_fills (
  id INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  fill_id TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (account_id, fill_id)
);
CREATE TABLE IF NOT EXISTS paper_positions (
  account_id TEXT NOT NULL,
  instrument_id TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (account_id, instrument_id)
);
`

/**
 * Stores paper accounts in SQLite (better-sqlite3, synchronous, WAL journal). Every {@link PaperCommit} runs in one
 * `BEGIN IMMEDIATE … COMMIT` transaction: a fill, its order update, its positions and the new cash are written
 * together or not at all, so a process killed at any instant restarts from a consistent account. Several accounts
 * can share one file.
 *
 * @param options - File path and durability settings.
 * @returns The store; call `close()` when done (the paper broker never closes a store it was given).
 * @throws {ConfigError} When the options are invalid.
 * @example
 * ```ts
 * const store = sqlitePaperBrokerStore({ path: './paper.db' })
 * const broker = createPaperBroker({ clock, quotes$, store })
 * ```
 */
export function sqlitePaperBrokerStore(options: SqlitePaperBrokerStoreOptions): SqlitePaperBrokerStore {
  const config = parseConfig(sqlitePaperBrokerStoreSchema, options, 'SQLite paper broker store')
  const db = new Database(config.path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${config.synchronous}`)
  db.pragma(`busy_timeout = ${config.busyTimeoutMs}`)
  db.exec(SCHEMA)

  const statements = {
    account: db.prepare<[string], { record: string }>('SELECT record FROM paper_accounts WHERE account_id = ?'),
    orders: db.prepare<[string], { record: string }>('SELECT record FROM paper_orders WHERE account_id = ?'),
    fills: db.prepare<[string], { record: string }>('SELECT record FROM paper_fills WHERE account_id = ? ORDER BY id'),
    positions: db.prepare<[string], { record: string }>('SELECT record FROM paper_positions WHERE account_id = ?'),
    putAccount: db.prepare<[string, string]>(
      'INSERT INTO paper_accounts (account_id, record) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET record = excluded.record',
    ),
    putOrder: db.prepare<[string, string, string]>(
      'INSERT INTO paper_orders (account_id, client_order_id, record) VALUES (?, ?, ?) ON CONFLICT (account_id, client_order_id) DO UPDATE SET record = excluded.record',
    ),
    addFill: db.prepare<[string, string, string]>(
      'INSERT INTO paper_fills (account_id, fill_id, record) VALUES (?, ?, ?)',
    ),
    putPosition: db.prepare<[string, string, string]>(
      'INSERT INTO paper_positions (account_id, instrument_id, record) VALUES (?, ?, ?) ON CONFLICT (account_id, instrument_id) DO UPDATE SET record = excluded.record',
    ),
    deletePosition: db.prepare<[string, string]>(
      'DELETE FROM paper_positions WHERE account_id = ? AND instrument_id = ?',
    ),
  }

  const apply = db.transaction((commit: PaperCommit) => {
    const id = commit.account.accountId
    statements.putAccount.run(id, paperStoreCodec.encode(commit.account))
    for (const record of commit.orders ?? []) {
      statements.putOrder.run(id, record.order.clientOrderId, paperStoreCodec.encode(record))
    }
    for (const fill of commit.fills ?? []) statements.addFill.run(id, fill.fillId, paperStoreCodec.encode(fill))
    for (const closed of commit.closedPositions ?? []) statements.deletePosition.run(id, closed)
    for (const position of commit.positions ?? []) {
      statements.putPosition.run(id, position.position.instrumentId, paperStoreCodec.encode(position))
    }
  })

  return {
    path: config.path,
    load(accountId: string): PaperBrokerState | undefined {
      const account = statements.account.get(accountId)
      if (!account) return undefined
      return {
        account: paperStoreCodec.decodeAccount(account.record),
        orders: statements.orders.all(accountId).map((row) => paperStoreCodec.decodeOrder(row.record)),
        fills: statements.fills.all(accountId).map((row) => paperStoreCodec.decodeFill(row.record)),
        positions: statements.positions.all(accountId).map((row) => paperStoreCodec.decodePosition(row.record)),
      }
    },
    commit(commit: PaperCommit): void {
      apply.immediate(commit)
    },
    close(): void {
      db.close()
    },
  }
}
