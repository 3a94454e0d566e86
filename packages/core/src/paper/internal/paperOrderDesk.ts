import { Decimal } from 'decimal.js'
import { nyDate } from '../../calendar/newYorkTime.js'
import type { OrderModification } from '../../execution/brokerInterface.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { applyOrderFill } from '../../orders/applyOrderFill.js'
import { applyOrderModification } from '../../orders/applyOrderModification.js'
import { InvalidOrderError } from '../../orders/orderErrors.js'
import { orderIntentIssues } from '../../orders/orderIntentIssues.js'
import { isFinalStatus, transitionOrder } from '../../orders/orderStateMachine.js'
import { packageQuote } from '../../orders/packageQuote.js'
import { type Order, type OrderIntent, OrderType, TradingMode } from '../../trading/types.js'
import { bookExecutions } from '../bookExecutions.js'
import { ClientOrderIdConflictError, PaperBrokerInvariantError, UnknownOrderError } from '../paperBrokerErrors.js'
import type { ResolvedPaperBrokerOptions } from '../paperBrokerOptions.js'
import type { PaperCommit, PaperOrderRecord } from '../paperBrokerStore.js'
import { createAckWaiters } from './ackWaiters.js'
import { createDelayedRequests } from './delayedRequests.js'
import { type MatchResult, matchOrder, stopTouched } from './matchOrder.js'
import type { PaperLedger } from './paperLedger.js'
import { estimateOrder } from './paperOrderEstimate.js'
import { copyIntent, expiredLegReason, isWorking, multiplierOf, sameOrder } from './paperOrderRules.js'
import type { PaperQuoteBook } from './paperQuoteBook.js'
import { paperRiskCheck } from './paperRiskCheck.js'
import type { PaperTimers } from './paperTimers.js'
import { restingLimitClear } from './restingLimitClear.js'
import { dayOrderEndMs } from './seriesExpiration.js'

/** What the order desk works with. */
export interface PaperDeskDeps {
  /** Resolved broker options. */
  readonly options: ResolvedPaperBrokerOptions
  /** The account. */
  readonly ledger: PaperLedger
  /** The market. */
  readonly book: PaperQuoteBook
  /** Timers on the clock. */
  readonly timers: PaperTimers
  /** Commits a change atomically and queues its events. */
  readonly commit: (commit: PaperCommit) => void
  /** Called when an order is acknowledged, so its option series get an expiration timer. */
  readonly trackSeries: (order: Order) => void
}

/** Order handling of the paper broker: placement, acknowledgement, matching, fills, cancels, modifications. */
export interface PaperOrderDesk {
  /** Places an order; resolves with its acknowledged state (`submitted` or `rejected`). */
  place(intent: OrderIntent): Promise<Order>
  /** Cancels an order; resolves with its state after the request (a final order is returned as it is). */
  cancel(clientOrderId: string): Promise<Order>
  /** Modifies a working order; resolves with its new state. */
  modify(clientOrderId: string, changes: OrderModification): Promise<Order>
  /** Re-evaluates working orders with a leg on this instrument after its quote changed. */
  onQuote(instrumentId: string): void
  /** Ends a working order as `expired` (series expiry). */
  expire(clientOrderId: string, reason: string): void
  /** After loading an account: schedules pending acknowledgements and resumes working orders. */
  resume(): void
  /** Rejects every waiting promise (the broker closed). */
  close(error: unknown): void
}

/**
 * Creates the order desk of a paper broker.
 *
 * @param deps - Options, ledger, quotes, timers and the commit function.
 * @returns The desk.
 * @example
 * ```ts
 * const desk = createPaperOrderDesk({ options, ledger, book, timers, commit, trackSeries })
 * const order = await desk.place(intent)
 * ```
 */
export function createPaperOrderDesk(deps: PaperDeskDeps): PaperOrderDesk {
  const { options, ledger, book, timers } = deps
  const clock = options.clock
  const waiters = createAckWaiters()
  const working = new Map<string, ReadonlySet<string>>()
  // How many working orders have a leg on each instrument: most quotes are of instruments no order works on.
  const legCounts = new Map<string, number>()
  const countLegs = (legs: ReadonlySet<string> | undefined, delta: 1 | -1): void => {
    for (const leg of legs ?? []) {
      const count = (legCounts.get(leg) ?? 0) + delta
      if (count > 0) legCounts.set(leg, count)
      else legCounts.delete(leg)
    }
  }
  const takers = new Set<string>()
  const requests = createDelayedRequests(clock, timers, options.latencyMs)
  const rules = {
    nakedCallStressFraction: options.nakedCallStressFraction,
    shortStockRequirement: options.shortStockRequirement,
  }

  function current(id: string): Order {
    const record = ledger.order(id)
    if (!record) throw new UnknownOrderError(id)
    return record.order
  }

  function afterCommit(order: Order): void {
    waiters.settle(order)
    if (!isFinalStatus(order.status)) return
    countLegs(working.get(order.clientOrderId), -1)
    working.delete(order.clientOrderId)
    takers.delete(order.clientOrderId)
    timers.cancel(`day:${order.clientOrderId}`)
  }

  function commitOrder(record: PaperOrderRecord): void {
    deps.commit({ account: ledger.account(), orders: [record] })
    afterCommit(record.order)
  }

  function finish(id: string, status: 'cancelled' | 'expired' | 'rejected', reason: string): void {
    const record = ledger.order(id)
    if (!record || isFinalStatus(record.order.status)) return
    commitOrder({ ...record, order: transitionOrder(record.order, status, { nowMs: clock.now(), reason }) })
  }

  function riskReason(order: Order): string | undefined {
    const quote = packageQuote(order.legs, book.quoteOf)
    const estimate = estimateOrder(order, quote, options.slippage, options.tickTable)
    if (typeof estimate === 'string') return estimate
    return paperRiskCheck({
      cash: ledger.account().cash,
      positions: ledger.positions(),
      ...estimate,
      priceOf: book.markOf,
      rules,
      allowNakedShorts: options.allowNakedShorts,
    })
  }

  function startWorking(order: Order): void {
    const id = order.clientOrderId
    const legs = new Set(order.legs.map((leg) => instrumentId(leg.instrument)))
    countLegs(working.get(id), -1)
    working.set(id, legs)
    countLegs(legs, 1)
    deps.trackSeries(order)
    const first = order.legs[0]?.instrument
    if (order.timeInForce !== 'DAY' || !first) return
    timers.at(`day:${id}`, dayOrderEndMs(first, order.createdAtMs), () =>
      finish(id, 'expired', 'DAY order ended at the close'),
    )
  }

  function acknowledge(id: string): void {
    const record = ledger.order(id)
    if (record?.order.status !== 'pending') return
    const nowMs = clock.now()
    const refusal = expiredLegReason(record.order, nowMs) ?? riskReason(record.order)
    if (refusal) {
      finish(id, 'rejected', refusal)
      return
    }
    const order = transitionOrder(record.order, 'submitted', { nowMs })
    commitOrder({ ...record, order })
    startWorking(order)
    takers.add(id)
    evaluate(id)
    if (order.timeInForce === 'IOC') finish(id, 'cancelled', 'IOC remainder cancelled')
  }

  function evaluate(id: string): void {
    let record = ledger.order(id)
    if (!record || !isWorking(record.order.status)) return
    const order = record.order
    // A resting limit far from the market (the usual case on each quote of its legs) fills nothing: matchOrder
    // would return undefined, so the Decimal package quote is not built.
    if (order.type === OrderType.Limit && !takers.has(id) && restingLimitClear(order, book.quoteOf)) return
    const quote = packageQuote(order.legs, book.quoteOf)
    const isStop = order.type === OrderType.Stop || order.type === OrderType.StopLimit
    if (isStop && !record.triggered) {
      if (!stopTouched(order, quote)) return
      record = { ...record, triggered: true, order: { ...order, updatedAtMs: clock.now() } }
      commitOrder(record)
      takers.add(id)
    }
    const match = matchOrder({
      order: record.order,
      quote,
      taker: takers.has(id),
      triggered: record.triggered,
      slippage: options.slippage,
      tickTable: options.tickTable,
    })
    if (order.type === OrderType.Limit || order.type === OrderType.StopLimit) takers.delete(id)
    if (match) execute(record, match)
  }

  function execute(record: PaperOrderRecord, match: MatchResult): void {
    const order = record.order
    const nowMs = clock.now()
    const executions = order.legs.map((leg, index) => {
      const price = match.legPrices[index]
      if (!price) throw new PaperBrokerInvariantError(`no price for leg ${index} of ${order.clientOrderId}`)
      const multiplier = multiplierOf(leg.instrument)
      return { instrument: leg.instrument, side: leg.side, quantity: match.units * leg.ratio, price, multiplier }
    })
    const cashDelta = executions.reduce((sum, e) => {
      const notional = e.price.times(e.quantity).times(e.multiplier)
      return e.side === 'buy' ? sum.minus(notional) : sum.plus(notional)
    }, new Decimal(0))
    const refusal = paperRiskCheck({
      cash: ledger.account().cash,
      positions: ledger.positions(),
      executions,
      cashDelta,
      priceOf: book.markOf,
      rules,
      allowNakedShorts: options.allowNakedShorts,
    })
    if (refusal) {
      finish(order.clientOrderId, 'cancelled', `cancelled before fill: ${refusal}`)
      return
    }
    const contracts = executions.reduce((sum, e) => sum + (e.instrument.kind === 'option' ? e.quantity : 0), 0)
    const shares = executions.reduce((sum, e) => sum + (e.instrument.kind === 'option' ? 0 : e.quantity), 0)
    const history = {
      contracts: record.executedContracts,
      shares: record.executedShares,
      brokerCommission: record.brokerCommission,
    }
    const charge = options.commission.charge(executions, history)
    const commissions = executions.map((_, index) => charge.perLeg[index])
    if (commissions.some((value) => !value?.isFinite() || value.lt(0))) {
      throw new PaperBrokerInvariantError(`commission model ${options.commission.name} returned an invalid charge`)
    }
    const booked = bookExecutions({
      account: ledger.account(),
      positionOf: ledger.position,
      executions: executions.map((e, index) => ({ ...e, commission: commissions[index] ?? new Decimal(0) })),
      clientOrderId: order.clientOrderId,
      nowMs,
      sessionDate: nyDate(nowMs),
      mode: TradingMode.Paper,
    })
    const next: PaperOrderRecord = {
      ...record,
      order: applyOrderFill(order, { quantity: match.units, price: match.price, timestampMs: nowMs }),
      executedContracts: record.executedContracts + contracts,
      executedShares: record.executedShares + shares,
      brokerCommission: record.brokerCommission.plus(charge.brokerCommission),
    }
    deps.commit({ ...booked, orders: [next] })
    for (const e of executions) book.consume(instrumentId(e.instrument), e.side === 'buy' ? 'ask' : 'bid', e.quantity)
    afterCommit(next.order)
  }

  return {
    place(intent) {
      const issues = orderIntentIssues(intent, options.tickTable)
      if (issues.length === 0 && intent.mode !== TradingMode.Paper)
        issues.push('the paper broker takes only paper orders')
      if (issues.length > 0) return Promise.reject(new InvalidOrderError(issues, String(intent.clientOrderId)))
      const existing = ledger.order(intent.clientOrderId)
      if (existing) {
        if (!sameOrder(existing.order, intent))
          return Promise.reject(new ClientOrderIdConflictError(intent.clientOrderId))
        return existing.order.status === 'pending'
          ? waiters.wait(intent.clientOrderId)
          : Promise.resolve(existing.order)
      }
      const nowMs = clock.now()
      const account = ledger.account()
      const sequence = account.sequence + 1
      const order: Order = {
        ...copyIntent(intent),
        status: 'pending',
        filledQuantity: 0,
        averageFillPrice: null,
        brokerOrderId: `${account.accountId}-O${sequence}`,
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
      }
      const record: PaperOrderRecord = {
        order,
        triggered: false,
        ackDueMs: nowMs + options.latencyMs,
        executedContracts: 0,
        executedShares: 0,
        brokerCommission: new Decimal(0),
      }
      const acknowledged = waiters.wait(order.clientOrderId)
      deps.commit({ account: { ...account, sequence }, orders: [record] })
      if (options.latencyMs === 0) acknowledge(order.clientOrderId)
      else timers.at(`ack:${order.clientOrderId}`, record.ackDueMs, () => acknowledge(order.clientOrderId))
      return acknowledged
    },
    cancel(id) {
      if (!ledger.order(id)) return Promise.reject(new UnknownOrderError(id))
      return requests.run(() => {
        finish(id, 'cancelled', 'cancelled by request')
        return current(id)
      })
    },
    modify(id, changes) {
      if (!ledger.order(id)) return Promise.reject(new UnknownOrderError(id))
      return requests.run(() => {
        const record = ledger.order(id)
        if (!record) throw new UnknownOrderError(id)
        const next = applyOrderModification(record.order, changes, clock.now(), options.tickTable)
        const refusal = isWorking(next.status) ? riskReason(next) : undefined
        if (refusal) throw new InvalidOrderError([refusal], id)
        commitOrder({ ...record, order: next })
        if (changes.limitPrice !== undefined) takers.add(id)
        evaluate(id)
        return current(id)
      })
    },
    onQuote(changedId) {
      // Collected first: evaluating an order may end it, which deletes it from `working`.
      if (working.size === 0 || !legCounts.has(changedId)) return
      const due: string[] = []
      for (const [id, legs] of working) if (legs.has(changedId)) due.push(id)
      for (const id of due) evaluate(id)
    },
    expire(id, reason) {
      finish(id, 'expired', reason)
    },
    resume() {
      const nowMs = clock.now()
      for (const { order, ackDueMs } of ledger.orders()) {
        const id = order.clientOrderId
        if (order.status === 'pending') {
          if (ackDueMs <= nowMs) acknowledge(id)
          else timers.at(`ack:${id}`, ackDueMs, () => acknowledge(id))
        } else if (isWorking(order.status)) {
          startWorking(order)
        }
      }
    },
    close(error) {
      waiters.rejectAll(error)
      requests.rejectAll(error)
    },
  }
}
