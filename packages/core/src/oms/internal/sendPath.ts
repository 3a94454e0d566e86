import type { Clock } from '../../clock/clock.js'
import { BaseError } from '../../errors/baseError.js'
import type { BrokerInterface } from '../../execution/brokerInterface.js'
import type { Journal } from '../../journal/journal.js'
import type { JournalAppendOutcome } from '../../journal/journalStore.js'
import type { Logger } from '../../logging/logger.js'
import { redeemApproval } from '../../risk/internal/approvalRegistry.js'
import type { MarketView } from '../../risk/marketView.js'
import type { OrderPurpose } from '../../risk/orderPurpose.js'
import type { RiskExposure } from '../../risk/riskContext.js'
import type { RiskEngine } from '../../risk/riskEngine.js'
import { RiskRejectedError } from '../../risk/riskRejection.js'
import type { OrderIntent } from '../../trading/types.js'
import type { ManagedOrder } from '../managedOrder.js'
import { OrderManagerError } from '../orderManagerError.js'
import type { OmsCore } from './omsCore.js'

/** Dependencies of {@link createSendPath}. */
export interface SendPathDeps {
  readonly core: OmsCore
  readonly broker: BrokerInterface
  readonly risk: RiskEngine
  readonly journal: Journal
  readonly clock: Pick<Clock, 'now'>
  readonly marketView: MarketView
  readonly logger: Logger
  /** Exposure for the next risk check. */
  readonly exposure: () => RiskExposure
  /** Current life-cycle status of the order manager. */
  readonly status: () => string
  /** Registers a send in flight (the kill switch and `stop()` wait for them). */
  readonly track: <T>(promise: Promise<T>) => Promise<T>
}

/** The only way from an intent to `broker.placeOrder`. */
export interface SendPath {
  /** Risk check, journal, send (see `OrderManager.submit`). */
  submit(intent: OrderIntent, purpose: OrderPurpose, closesOrderId?: string): Promise<ManagedOrder>
  /**
   * Sends an intent journaled before a crash that the broker never received, after a fresh risk approval.
   *
   * @returns Whether it went out.
   */
  resend(order: ManagedOrder): Promise<boolean>
}

/**
 * Builds the send path of an order manager. `broker.placeOrder` is called in exactly one place, `send`, and
 * `send` is reached only with an intent the genuine risk engine approved in this process (redeemed once) and,
 * for new intents, only after the intent is durable in the journal. Entries are re-checked against the risk state
 * just before sending, so a halt during the journal write stops them.
 *
 * @param deps - State core, broker, risk engine, journal and helpers.
 * @returns The send path.
 */
export function createSendPath(deps: SendPathDeps): SendPath {
  const { core, broker, risk, journal, clock, marketView, logger } = deps

  const send = async (intent: OrderIntent, purpose: OrderPurpose): Promise<ManagedOrder> => {
    const id = intent.clientOrderId
    if (purpose === 'entry' && risk.state.status !== 'active') {
      core.finalizeLocally(id, 'rejected', `risk state became ${risk.state.status} before sending`)
      throw new RiskRejectedError(id, {
        code: risk.state.status === 'halted' ? 'halted' : 'reducing_only',
        message: 'risk state changed before sending',
      })
    }
    try {
      logger.info('sending order', { clientOrderId: id, purpose, quantity: intent.quantity, type: intent.type })
      core.applyBrokerOrder(await broker.placeOrder(intent))
    } catch (error) {
      if (error instanceof BaseError && !error.retryable) {
        core.finalizeLocally(id, 'rejected', error.shortMessage)
      } else {
        // The broker may or may not have it: it stays pending until a reconciliation decides.
        core.uncertain.add(id)
        logger.error('send outcome unknown; order left pending until reconciled', { clientOrderId: id, error })
      }
      throw error
    }
    return core.orders.get(id) as ManagedOrder
  }

  const approve = (intent: OrderIntent, purpose: OrderPurpose): OrderIntent => {
    const decision = risk.check({ intent, purpose, exposure: deps.exposure(), market: marketView })
    if (!decision.approved) throw new RiskRejectedError(intent.clientOrderId, decision.rejection)
    if (!redeemApproval(decision.approval) || decision.approval.purpose !== purpose) {
      throw new OrderManagerError('not_genuine_risk_engine', 'Risk engine returned a foreign approval')
    }
    return decision.approval.intent
  }

  return {
    submit(intent, purpose, closesOrderId) {
      try {
        if (deps.status() !== 'running') {
          throw new OrderManagerError('not_running', `Order manager is ${deps.status()}`, {
            clientOrderId: intent.clientOrderId,
          })
        }
        if (purpose !== 'entry' && purpose !== 'exit') {
          throw new OrderManagerError('invalid_request', `Unknown purpose ${String(purpose)}`)
        }
        if (core.knownIds.has(intent.clientOrderId)) {
          throw new OrderManagerError(
            'duplicate_client_order_id',
            `Client order id ${intent.clientOrderId} was already used`,
            {
              clientOrderId: intent.clientOrderId,
            },
          )
        }
        const approved = approve(intent, purpose)
        const id = approved.clientOrderId
        const nowMs = clock.now()
        const closes = closesOrderId === undefined ? {} : { closesOrderId }
        // Registered before the journal write, so the next risk check already counts it as working.
        const pending: ManagedOrder = {
          ...approved,
          status: 'pending',
          filledQuantity: 0,
          averageFillPrice: null,
          createdAtMs: nowMs,
          updatedAtMs: nowMs,
          purpose,
          external: false,
          ...closes,
        }
        core.load(pending)
        core.orders$.next(pending)
        const run = async (): Promise<ManagedOrder> => {
          let appended: JournalAppendOutcome
          try {
            appended = await journal.append({ kind: 'intent', intent: approved, purpose, ...closes })
          } catch (error) {
            core.finalizeLocally(id, 'rejected', 'journal write failed', false)
            throw new OrderManagerError('journal_write_failed', `Intent ${id} could not be journaled; not sent`, {
              clientOrderId: id,
              cause: error,
            })
          }
          if (!appended.appended) {
            core.finalizeLocally(id, 'rejected', 'client order id already in the journal', false)
            throw new OrderManagerError(
              'duplicate_client_order_id',
              `Client order id ${id} is already in the journal`,
              {
                clientOrderId: id,
              },
            )
          }
          return send(approved, purpose)
        }
        return deps.track(run())
      } catch (error) {
        return Promise.reject(error)
      }
    },
    async resend(order) {
      let approved: OrderIntent
      try {
        approved = approve(order, order.purpose)
      } catch (error) {
        logger.warn('not re-sending after crash: risk refused', { clientOrderId: order.clientOrderId, error })
        return false
      }
      try {
        await deps.track(send(approved, order.purpose))
        return true
      } catch (error) {
        // send() already finalized a permanent failure or left an uncertain one pending for reconciliation.
        logger.error('re-send after crash failed', { clientOrderId: order.clientOrderId, error })
        return true
      }
    },
  }
}
