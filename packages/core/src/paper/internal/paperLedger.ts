import { Decimal } from 'decimal.js'
import type { Fill, Position } from '../../trading/types.js'
import type {
  PaperAccountRecord,
  PaperBrokerState,
  PaperBrokerStore,
  PaperCommit,
  PaperOrderRecord,
} from '../paperBrokerStore.js'
import type { LedgerPosition } from '../positionLedger.js'

/** The paper account in memory, changed only through atomic commits that reach the store first. */
export interface PaperLedger {
  /** Balances and counters. */
  account(): PaperAccountRecord
  /** An order by client id. */
  order(clientOrderId: string): PaperOrderRecord | undefined
  /** Every order, in placement order. */
  orders(): PaperOrderRecord[]
  /** Every fill, in execution order. */
  fills(): readonly Fill[]
  /** A position by instrument id. */
  position(instrumentId: string): LedgerPosition | undefined
  /** Open positions sorted by instrument id (one shared, frozen array per change of the positions). */
  positions(): readonly LedgerPosition[]
  /** The `position` of each of {@link PaperLedger.positions}, in the same order (shared and frozen likewise). */
  heldPositions(): readonly Position[]
  /**
   * Applies a change: first to the store (which throws and applies nothing on failure), then to memory.
   *
   * @param commit - The change.
   */
  commit(commit: PaperCommit): void
}

/**
 * Loads an account from the store, or creates it (and stores it) when the store has none.
 *
 * @param store - Optional durable store.
 * @param accountId - Account id.
 * @param startingCash - Cash of a new account.
 * @param nowMs - Creation time of a new account.
 * @param sessionDate - New York date of `nowMs`.
 * @returns The ledger.
 * @example
 * ```ts
 * const ledger = openPaperLedger(store, 'PAPER', new Decimal(100_000), clock.now(), nyDate(clock.now()))
 * ```
 */
export function openPaperLedger(
  store: PaperBrokerStore | undefined,
  accountId: string,
  startingCash: Decimal,
  nowMs: number,
  sessionDate: string,
): PaperLedger {
  const loaded: PaperBrokerState | undefined = store?.load(accountId)
  const state: PaperBrokerState = loaded ?? {
    account: {
      accountId,
      startingCash,
      cash: startingCash,
      realizedPnl: new Decimal(0),
      realizedPnlDate: sessionDate,
      sequence: 0,
      createdAtMs: nowMs,
    },
    orders: [],
    fills: [],
    positions: [],
  }
  if (!loaded) store?.commit({ account: state.account })
  let account = state.account
  const orders = new Map(state.orders.map((record) => [record.order.clientOrderId, record]))
  const fills: Fill[] = [...state.fills]
  const positions = new Map(state.positions.map((entry) => [entry.position.instrumentId, entry]))
  // The account is marked every second from the sorted positions, which change only with commits: both lists are
  // built once per change. Frozen, because every caller shares them.
  let sorted: { readonly entries: readonly LedgerPosition[]; readonly held: readonly Position[] } | undefined
  const lists = () => {
    if (sorted === undefined) {
      const entries = [...positions.values()].sort((a, b) =>
        a.position.instrumentId < b.position.instrumentId ? -1 : 1,
      )
      sorted = { entries: Object.freeze(entries), held: Object.freeze(entries.map((entry) => entry.position)) }
    }
    return sorted
  }
  return {
    account: () => account,
    order: (clientOrderId) => orders.get(clientOrderId),
    orders: () => [...orders.values()],
    fills: () => fills,
    position: (instrumentId) => positions.get(instrumentId),
    positions: () => lists().entries,
    heldPositions: () => lists().held,
    commit(commit) {
      store?.commit(commit)
      account = commit.account
      for (const record of commit.orders ?? []) orders.set(record.order.clientOrderId, record)
      fills.push(...(commit.fills ?? []))
      for (const id of commit.closedPositions ?? []) positions.delete(id)
      for (const entry of commit.positions ?? []) positions.set(entry.position.instrumentId, entry)
      if ((commit.closedPositions?.length ?? 0) + (commit.positions?.length ?? 0) > 0) sorted = undefined
    },
  }
}
