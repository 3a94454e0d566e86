import type { JournalAppendOutcome, JournalStore, StoredJournalRow } from './journalStore.js'

/**
 * A {@link JournalStore} in memory: same rules as the durable stores, nothing survives the process. For tests,
 * backtests and replays where recovery is not needed.
 *
 * @returns The store.
 * @example
 * ```ts
 * const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
 * ```
 */
export function createMemoryJournalStore(): JournalStore {
  const rows: StoredJournalRow[] = []
  const intents = new Set<string>()
  const fills = new Set<string>()
  let closed = false
  return {
    name: 'memory',
    async append(row): Promise<JournalAppendOutcome> {
      if (closed) throw new Error('journal store is closed')
      if (row.kind === 'intent' && row.clientOrderId !== null) {
        if (intents.has(row.clientOrderId)) return { appended: false, duplicate: 'intent' }
        intents.add(row.clientOrderId)
      }
      if (row.kind === 'fill' && row.fillId !== null) {
        if (fills.has(row.fillId)) return { appended: false, duplicate: 'fill' }
        fills.add(row.fillId)
      }
      const seq = rows.length + 1
      rows.push({ ...row, seq })
      return { appended: true, seq }
    },
    async read(afterSeq = 0) {
      return rows.filter((row) => row.seq > afterSeq)
    },
    async close() {
      closed = true
    },
  }
}
