import { BaseError } from '../../errors/baseError.js'
import type { BrokerInterface } from '../../execution/brokerInterface.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Logger } from '../../logging/logger.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'
import type { RiskEngine } from '../../risk/riskEngine.js'
import type { OrderIntent } from '../../trading/types.js'
import { flattenPlan } from '../flattenPlan.js'
import type { KillSwitchReport } from '../killSwitchReport.js'
import type { ManagedOrder } from '../managedOrder.js'
import { workingOrders } from '../omsExposure.js'
import type { OmsCore } from './omsCore.js'

/** `strategyId` stamped on the kill switch's closing orders, so they are recognised after a restart too. */
export const KILL_SWITCH_STRATEGY_ID = 'kill-switch'

/** Dependencies of {@link createKillSwitch}. */
export interface KillSwitchDeps {
  readonly core: OmsCore
  readonly broker: BrokerInterface
  readonly risk: RiskEngine
  readonly logger: Logger
  readonly clock: { now(): number }
  /** Sends an exit through the risk engine (the order manager's only path to `placeOrder`). */
  readonly submitExit: (intent: OrderIntent) => Promise<ManagedOrder>
  /** Resolves when every send in flight has settled. */
  readonly settleInFlight: () => Promise<void>
}

/** The kill switch of one order manager. */
export interface KillSwitch {
  /** Whether it has been pressed and not released by a return to the active risk state. */
  readonly engaged: boolean
  /** Halts, cancels every open order once, flattens what is not already being closed. */
  press(reason: string): Promise<KillSwitchReport>
  /** Flattens again what is not being closed (after orders finish while engaged). */
  reflatten(): Promise<KillSwitchReport>
  /** Marks it engaged without pressing (restored after a restart). */
  engage(): void
  /** Releases it (the risk engine was resumed). */
  release(): void
}

const message = (error: unknown) => (error instanceof BaseError ? error.shortMessage : String(error))

/**
 * Creates the kill switch. Pressing it moves risk to halted first (so nothing new can open), waits for sends in
 * flight, requests cancellation of every open order not its own (each order at most once), then sends closing
 * orders for whatever the remaining working orders do not already close. Pressing again finds nothing left to
 * do and sends nothing. While engaged, every order that finishes triggers a re-flatten, so cancellations that
 * complete late and partial fills are closed too. Market orders are used when the broker accepts them, since
 * getting flat outranks price; otherwise the position is not flattened automatically and the error is reported.
 *
 * @param deps - Core, broker, risk engine, logger, clock and the exit path.
 * @returns The kill switch.
 */
export function createKillSwitch(deps: KillSwitchDeps): KillSwitch {
  const { core, broker, risk, logger, clock } = deps
  const cancelRequested = new Set<string>()
  let engaged = false
  let counter = 0
  let chain: Promise<unknown> = Promise.resolve()

  const nextId = (): string => {
    for (;;) {
      counter += 1
      const id = `kill-${clock.now()}-${counter}`
      if (!core.knownIds.has(id)) return id
    }
  }

  const flatten = async (): Promise<KillSwitchReport> => {
    const flattenOrders: string[] = []
    const errors: { clientOrderId: string; message: string }[] = []
    const plan = flattenPlan(core.ledger.positions(), workingOrders(core.orders.values()))
    for (const item of plan) {
      const clientOrderId = nextId()
      if (!broker.capabilities.orderTypes.includes('MKT')) {
        errors.push({
          clientOrderId,
          message: `broker ${broker.name} accepts no market orders: close ${instrumentId(item.leg.instrument)} by hand`,
        })
        continue
      }
      try {
        await deps.submitExit({
          clientOrderId,
          legs: [item.leg],
          quantity: item.quantity,
          type: 'MKT',
          timeInForce: 'DAY',
          strategyId: KILL_SWITCH_STRATEGY_ID,
          mode: core.mode,
        })
        flattenOrders.push(clientOrderId)
      } catch (error) {
        errors.push({ clientOrderId, message: message(error) })
      }
    }
    return { mode: core.mode, cancelRequested: [], flattenOrders, errors }
  }

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task)
    chain = run.catch(() => undefined)
    return run
  }

  return {
    get engaged() {
      return engaged
    },
    press(reason) {
      engaged = true
      risk.halt('kill_switch', reason)
      logger.error('kill switch pressed', { reason })
      return serial(async () => {
        // The halt is journaled (risk_state) before anything else, so a crash from here on restarts halted.
        await core.flush()
        await deps.settleInFlight()
        const requested: string[] = []
        const errors: { clientOrderId: string; message: string }[] = []
        const open = [...core.orders.values()].filter(
          (order) =>
            !isFinalStatus(order.status) &&
            order.strategyId !== KILL_SWITCH_STRATEGY_ID &&
            !cancelRequested.has(order.clientOrderId),
        )
        for (const order of open) {
          cancelRequested.add(order.clientOrderId)
          requested.push(order.clientOrderId)
          try {
            core.applyBrokerOrder(await broker.cancelOrder(order.clientOrderId))
          } catch (error) {
            errors.push({ clientOrderId: order.clientOrderId, message: message(error) })
          }
        }
        const flattened = await flatten()
        return {
          mode: core.mode,
          cancelRequested: requested,
          flattenOrders: flattened.flattenOrders,
          errors: [...errors, ...flattened.errors],
        }
      })
    },
    reflatten() {
      if (!engaged) return Promise.resolve({ mode: core.mode, cancelRequested: [], flattenOrders: [], errors: [] })
      return serial(flatten)
    },
    engage() {
      engaged = true
    },
    release() {
      engaged = false
    },
  }
}
