import { join } from 'node:path'
import {
  type Clock,
  createCorrelationBreakdownStrategy,
  createMomentumBreakoutStrategy,
  createPinRiskStrategy,
  createSimFeed,
  createSqliteJournalStore,
  createTradingSystem,
  createVixSpikeReversionStrategy,
  createVolatilityContractionStrategy,
  type Logger,
  sqlitePaperBrokerStore,
  type TradingSystem,
} from '@smart-0dte/core'

/** The reference system and the durable stores it owns. */
export interface ReferenceSystem {
  /** The composed trading system. */
  readonly system: TradingSystem
  /** Closes the durable stores; call after `system.stop()`. */
  close(): Promise<void>
}

/**
 * Composes the reference system: the seeded market simulator (SIMULATED data), the five built-in strategies,
 * the default risk limits, and a paper broker whose account and the write-ahead journal live in SQLite files in
 * `dataDir`, so a restart (even after `kill -9`) recovers orders, positions and P&L.
 *
 * @param options - Clock, seed, data directory and logger.
 * @returns The system and a closer for its stores.
 */
export function createReferenceSystem(options: {
  readonly clock: Clock
  readonly seed: number
  readonly dataDir: string
  readonly logger?: Logger
}): ReferenceSystem {
  const { clock } = options
  const journalStore = createSqliteJournalStore({ path: join(options.dataDir, 'journal.sqlite') })
  const paperStore = sqlitePaperBrokerStore({ path: join(options.dataDir, 'paper.sqlite') })
  const system = createTradingSystem({
    clock,
    feed: createSimFeed({ clock, seed: options.seed }),
    strategies: [
      createMomentumBreakoutStrategy(),
      createVolatilityContractionStrategy(),
      createCorrelationBreakdownStrategy(),
      createVixSpikeReversionStrategy(),
      createPinRiskStrategy(),
    ],
    paper: { accountId: 'PAPER', startingCash: 100_000, store: paperStore },
    journalStore,
    risk: { maxContractsPerOrder: 10 },
    ...(options.logger ? { logger: options.logger } : {}),
  })
  return {
    system,
    async close() {
      await journalStore.close()
      paperStore.close()
    },
  }
}
