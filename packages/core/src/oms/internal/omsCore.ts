import { Decimal } from 'decimal.js'
import { BehaviorSubject, Subject } from 'rxjs'
import type { Clock } from '../../clock/clock.js'
import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Journal } from '../../journal/journal.js'
import type { JournalRecord } from '../../journal/journalRecord.js'
import type { Logger } from '../../logging/logger.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'
import type { Account, Fill, Order, OrderStatus, Position, TradingMode } from '../../trading/types.js'
import type { ManagedOrder } from '../managedOrder.js'
import { mergeOrderUpdate } from '../mergeOrderUpdate.js'
import { createPositionLedger, type LedgerBaseline, type PositionLedger } from '../positionLedger.js'
import { instrumentFromId } from './instrumentFromId.js'
import { VersionedMap } from './versionedMap.js'

/** Mutable state of one order manager and the operations that keep journal, streams and state in step. */
export interface OmsCore {
  readonly mode: TradingMode
  /** Orders by client id; its version moves on every change. */
  readonly orders: VersionedMap<string, ManagedOrder>
  /** Every client order id ever journaled or seen: never sent again. */
  readonly knownIds: Set<string>
  /** Every fill id applied to the ledger. */
  readonly fillIds: Set<string>
  /** Orders whose `placeOrder` failed without a clear answer: the broker may or may not have them. */
  readonly uncertain: Set<string>
  readonly orders$: Subject<ManagedOrder>
  readonly positions$: BehaviorSubject<readonly Position[]>
  ledger: PositionLedger
  account: Account | undefined
  /** Called after an order reaches a final status. */
  onFinal: (order: ManagedOrder) => void
  /** Called after a fill changed the ledger. */
  onFill: (fill: Fill) => void
  /** Journals a record; failures are logged, never thrown (the broker's copy is the backstop). */
  record(record: JournalRecord): Promise<void>
  /** Resolves when every record handed to {@link OmsCore.record} so far is written. */
  flush(): Promise<void>
  /** Adds or replaces an order without journaling (recovery from the journal). */
  load(order: ManagedOrder): void
  /** Merges a broker report (adopting unknown orders as external), journals and emits any change. */
  applyBrokerOrder(order: Order): ManagedOrder | undefined
  /** Moves an order to a final status decided locally, journals (unless told not to) and emits. */
  finalizeLocally(
    clientOrderId: string,
    status: OrderStatus,
    reason: string,
    journal?: boolean,
  ): ManagedOrder | undefined
  /** Applies a fill once per fill id: ledger, journal (unless replaying), positions. Returns whether it was new. */
  applyFill(fill: Fill, options?: { journal?: boolean }): boolean
  /** Replaces the ledger (recovery, after the baseline is known). */
  resetLedger(baseline: LedgerBaseline): void
}

/** Dependencies of {@link createOmsCore}. */
export interface OmsCoreDeps {
  readonly mode: TradingMode
  readonly journal: Journal
  readonly clock: Pick<Clock, 'now'>
  readonly logger: Logger
}

/**
 * Creates the state core of an order manager.
 *
 * @param deps - Mode, journal, clock and logger.
 * @returns The core.
 */
export function createOmsCore(deps: OmsCoreDeps): OmsCore {
  const { journal, logger, clock, mode } = deps
  const orders = new VersionedMap<string, ManagedOrder>()
  const pending = new Set<Promise<void>>()
  const emitPositions = () => core.positions$.next(core.ledger.positions())

  const instrumentFor = (fill: Fill): Instrument => {
    const order = orders.get(fill.clientOrderId)
    const leg = order?.legs.find((l) => instrumentId(l.instrument) === fill.instrumentId)
    return leg?.instrument ?? instrumentFromId(fill.instrumentId)
  }

  const store = (order: ManagedOrder) => {
    orders.set(order.clientOrderId, order)
    core.knownIds.add(order.clientOrderId)
    core.orders$.next(order)
    if (isFinalStatus(order.status)) core.onFinal(order)
  }

  const core: OmsCore = {
    mode,
    orders,
    knownIds: new Set(),
    fillIds: new Set(),
    uncertain: new Set(),
    orders$: new Subject(),
    positions$: new BehaviorSubject<readonly Position[]>([]),
    ledger: createPositionLedger(),
    account: undefined,
    onFinal: () => undefined,
    onFill: () => undefined,
    record(record) {
      const write = (async () => {
        try {
          const outcome = await journal.append(record)
          if (!outcome.appended) {
            logger.warn('journal refused a duplicate record', { kind: record.kind, duplicate: outcome.duplicate })
          }
        } catch (error) {
          logger.error('journal write failed', { kind: record.kind, error })
        }
      })()
      pending.add(write)
      void write.then(() => pending.delete(write))
      return write
    },
    async flush() {
      await Promise.all([...pending])
    },
    load(order) {
      orders.set(order.clientOrderId, order)
      core.knownIds.add(order.clientOrderId)
    },
    applyBrokerOrder(order) {
      if (order.mode !== mode)
        logger.error('broker reported an order of another mode', {
          clientOrderId: order.clientOrderId,
          orderMode: order.mode,
        })
      const local = orders.get(order.clientOrderId)
      if (local === undefined) {
        const adopted: ManagedOrder = { ...order, purpose: 'entry', external: true }
        logger.warn('adopting an order this journal never sent', {
          clientOrderId: order.clientOrderId,
          status: order.status,
        })
        void core.record({ kind: 'order', order: adopted })
        store(adopted)
        return adopted
      }
      const next = mergeOrderUpdate(local, order)
      if (next === undefined) return undefined
      void core.record({ kind: 'order', order: next })
      store(next)
      return next
    },
    finalizeLocally(clientOrderId, status, reason, journalIt = true) {
      const local = orders.get(clientOrderId)
      if (local === undefined || isFinalStatus(local.status)) return undefined
      const next: ManagedOrder = { ...local, status, reason, updatedAtMs: Math.max(local.updatedAtMs, clock.now()) }
      if (journalIt) void core.record({ kind: 'order', order: next })
      logger.warn('order finalized locally', { clientOrderId, status, reason })
      store(next)
      return next
    },
    applyFill(fill, options = {}) {
      if (core.fillIds.has(fill.fillId)) return false
      if (fill.mode !== mode)
        logger.error('broker reported a fill of another mode', { fillId: fill.fillId, fillMode: fill.mode })
      core.fillIds.add(fill.fillId)
      core.ledger.apply(fill, instrumentFor(fill))
      if (options.journal !== false) void core.record({ kind: 'fill', fill })
      logger.info('fill', {
        fillId: fill.fillId,
        clientOrderId: fill.clientOrderId,
        instrumentId: fill.instrumentId,
        side: fill.side,
        quantity: fill.quantity,
        price: fill.price.toString(),
      })
      emitPositions()
      core.onFill(fill)
      return true
    },
    resetLedger(baseline) {
      core.ledger = createPositionLedger({ cash: new Decimal(baseline.cash), positions: baseline.positions })
      emitPositions()
    },
  }
  return core
}
