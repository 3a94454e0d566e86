import { paperStoreCodec } from './internal/paperStoreCodec.js'
import type { PaperBrokerState, PaperBrokerStore, PaperCommit } from './paperBrokerStore.js'

interface StoredAccount {
  account: string
  orders: Map<string, string>
  fills: string[]
  positions: Map<string, string>
}

/**
 * A {@link PaperBrokerStore} in process memory. Records are kept encoded exactly as the SQLite store writes them,
 * so a broker restarted on the same store within a process (tests, a supervisor that restarts the trading loop)
 * resumes the account just as it would from disk. Nothing survives the process.
 *
 * @returns The store.
 * @example
 * ```ts
 * const store = memoryPaperBrokerStore()
 * const first = createPaperBroker({ clock, quotes$, store })
 * // … later, a fresh broker on the same store sees the same account
 * const second = createPaperBroker({ clock, quotes$, store })
 * ```
 */
export function memoryPaperBrokerStore(): PaperBrokerStore {
  const accounts = new Map<string, StoredAccount>()
  return {
    load(accountId: string): PaperBrokerState | undefined {
      const stored = accounts.get(accountId)
      if (!stored) return undefined
      return {
        account: paperStoreCodec.decodeAccount(stored.account),
        orders: [...stored.orders.values()].map(paperStoreCodec.decodeOrder),
        fills: stored.fills.map(paperStoreCodec.decodeFill),
        positions: [...stored.positions.values()].map(paperStoreCodec.decodePosition),
      }
    },
    commit(commit: PaperCommit): void {
      // Encode everything first: if any record fails to encode, nothing is applied.
      const account = paperStoreCodec.encode(commit.account)
      const orders = (commit.orders ?? []).map(
        (record) => [record.order.clientOrderId, paperStoreCodec.encode(record)] as const,
      )
      const fills = (commit.fills ?? []).map((fill) => paperStoreCodec.encode(fill))
      const positions = (commit.positions ?? []).map(
        (position) => [position.position.instrumentId, paperStoreCodec.encode(position)] as const,
      )
      const stored = accounts.get(commit.account.accountId) ?? {
        account,
        orders: new Map<string, string>(),
        fills: [],
        positions: new Map<string, string>(),
      }
      stored.account = account
      for (const [id, json] of orders) stored.orders.set(id, json)
      stored.fills.push(...fills)
      for (const id of commit.closedPositions ?? []) stored.positions.delete(id)
      for (const [id, json] of positions) stored.positions.set(id, json)
      accounts.set(commit.account.accountId, stored)
    },
  }
}
