import type { Decimal } from 'decimal.js'
import { nyDate } from '../../calendar/newYorkTime.js'
import type { Clock } from '../../clock/clock.js'
import type { CorrelationSnapshot } from '../../correlation/correlationSnapshot.js'
import type { OptionQuote, Quote } from '../../marketData/types.js'
import type { OrderManager } from '../../oms/orderManager.js'
import { createOrderIntent } from '../../orders/createOrderIntent.js'
import { type LimitPricePolicy, limitPriceFor } from '../../orders/limitPricePolicy.js'
import { UnpriceableOrderError } from '../../orders/orderErrors.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'
import { orderMaxLoss } from '../../risk/orderMaxLoss.js'
import type { RiskEngine } from '../../risk/riskEngine.js'
import { RiskRejectedError } from '../../risk/riskRejection.js'
import { sizePosition } from '../../sizing/sizePosition.js'
import type { SizingConfig } from '../../sizing/sizingConfig.js'
import type { Strategy, StrategyContext, TradingSignal } from '../../strategies/strategy.js'
import type { Position, TradingMode } from '../../trading/types.js'
import type { MarketPipeline } from '../marketPipeline.js'
import type { SignalDecision } from '../signalDecision.js'

/** Everything the decision loop needs. */
export interface DecisionLoopOptions {
  readonly clock: Clock
  readonly pipeline: Pick<MarketPipeline, 'state'>
  readonly oms: Pick<OrderManager, 'orders' | 'openTrades' | 'positions' | 'submit'>
  readonly risk: Pick<RiskEngine, 'limits'>
  readonly sizing: SizingConfig
  readonly strategies: readonly Strategy[]
  readonly mode: TradingMode
  readonly quoteOf: (instrumentId: string) => Quote | OptionQuote | undefined
  readonly equity: () => Decimal | undefined
  readonly historyLength: number
  readonly entryPricePolicy: LimitPricePolicy
  readonly onDecision: (decision: SignalDecision) => void
  /** A strategy threw; its signals of this round are skipped, the others still run. */
  readonly onStrategyError: (strategyId: string, error: unknown) => void
}

/** The periodic strategy evaluation: context → signals → sizing → price → order manager. */
export interface DecisionLoop {
  /** Runs one decision round unless one is still running. */
  decide(): void
  /** Resolves when no round is running. */
  idle(): Promise<void>
}

function underlyingOf(position: Position): string {
  const instrument = position.instrument
  return instrument.kind === 'option' ? instrument.underlying : instrument.symbol
}

/** Mean |correlation| of `underlying` with the underlyings of open positions, on the shortest window. */
function correlationWithOpen(
  underlying: string,
  positions: readonly Position[],
  correlation: CorrelationSnapshot | undefined,
): number | undefined {
  const open = new Set(positions.map(underlyingOf))
  if (open.size === 0) return undefined
  const window = correlation?.windows[0]
  const values: number[] = []
  for (const other of open) {
    if (other === underlying) {
      values.push(1)
      continue
    }
    const pair = window?.pairs.find(
      (p) => (p.a === underlying && p.b === other) || (p.a === other && p.b === underlying),
    )
    if (pair?.correlation !== null && pair?.correlation !== undefined) values.push(Math.abs(pair.correlation))
  }
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length
}

/**
 * Creates the decision loop. Each round builds one {@link StrategyContext}, asks every strategy, and turns each
 * signal into a sized, priced entry sent through the order manager (so through the risk engine and the journal).
 * A strategy that throws is reported through `onStrategyError` and never stops the others.
 *
 * @param options - Collaborators and settings.
 * @returns The loop.
 */
export function createDecisionLoop(options: DecisionLoopOptions): DecisionLoop {
  const { clock, oms } = options
  const history = new Map<string, number[]>()
  let running: Promise<void> | undefined
  let lastSequence = 0

  const decide = (decision: SignalDecision) => options.onDecision(decision)

  function busyStrategies(): Set<string> {
    const busy = new Set<string>()
    for (const trade of oms.openTrades()) if (trade.strategyId) busy.add(trade.strategyId)
    for (const order of oms.orders()) {
      if (order.purpose === 'entry' && order.strategyId && !isFinalStatus(order.status)) busy.add(order.strategyId)
    }
    return busy
  }

  async function act(signal: TradingSignal, context: StrategyContext, busy: Set<string>): Promise<void> {
    if (busy.has(signal.strategyId)) {
      decide({ signal, outcome: 'duplicate', reason: 'the strategy already has an entry working or a trade open' })
      return
    }
    const legs = signal.structure.legs
    let limitPrice: Decimal
    try {
      limitPrice = limitPriceFor({ legs, quoteOf: options.quoteOf, policy: options.entryPricePolicy })
    } catch (error) {
      if (!(error instanceof UnpriceableOrderError)) throw error
      decide({ signal, outcome: 'unpriceable', reason: error.shortMessage })
      return
    }
    const maxLoss = orderMaxLoss(legs, limitPrice)
    if (maxLoss.kind !== 'defined' || maxLoss.maxLossPerUnit.lte(0)) {
      const reason = maxLoss.kind === 'defined' ? 'maximum loss is zero' : maxLoss.reason
      decide({ signal, outcome: 'not_sized', limitPrice: limitPrice.toString(), reason })
      return
    }
    const equity = options.equity()
    if (!equity || !context.regime) {
      const reason = equity ? 'no VIX observation yet' : 'no account figures yet'
      decide({ signal, outcome: 'not_sized', limitPrice: limitPrice.toString(), reason })
      return
    }
    const correlation = correlationWithOpen(signal.underlying, context.positions, context.correlation)
    const size = sizePosition(
      {
        equity,
        maxLossPerUnit: maxLoss.maxLossPerUnit,
        confidence: signal.confidence,
        vix: context.regime.vix,
        ...(correlation === undefined ? {} : { correlation }),
        maxLegRatio: Math.max(...legs.map((leg) => leg.ratio)),
      },
      options.sizing,
      options.risk.limits,
    )
    if (size.contracts === 0) {
      decide({ signal, outcome: 'not_sized', quantity: 0, limitPrice: limitPrice.toString(), reason: size.limitedBy })
      return
    }
    lastSequence = Math.max(lastSequence + 1, oms.orders().length + 1)
    const clientOrderId = `${signal.strategyId}.${nyDate(clock.now())}.${lastSequence}`
    const base = { signal, quantity: size.contracts, clientOrderId, limitPrice: limitPrice.toString() }
    try {
      const intent = createOrderIntent({
        clientOrderId,
        structure: signal.structure,
        quantity: size.contracts,
        type: 'LMT',
        limitPrice,
        timeInForce: 'DAY',
        strategyId: signal.strategyId,
        mode: options.mode,
      })
      await oms.submit(intent, 'entry')
      busy.add(signal.strategyId)
      decide({ ...base, outcome: 'submitted' })
    } catch (error) {
      const reason =
        error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error)
      decide({ ...base, outcome: error instanceof RiskRejectedError ? 'risk_rejected' : 'failed', reason })
    }
  }

  async function round(): Promise<void> {
    const state = options.pipeline.state()
    for (const [underlying, price] of state.underlyingPrices) {
      const series = history.get(underlying) ?? []
      series.push(price)
      if (series.length > options.historyLength) series.shift()
      history.set(underlying, series)
    }
    const busy = busyStrategies()
    const context: StrategyContext = {
      nowMs: clock.now(),
      chains: state.chains,
      regime: state.regime,
      correlation: state.correlation,
      priceHistory: history,
      positions: oms.positions(),
      strategiesInPosition: new Set(busy),
    }
    for (const strategy of options.strategies) {
      let signals: readonly TradingSignal[]
      try {
        signals = strategy.evaluate(context)
      } catch (error) {
        options.onStrategyError(strategy.id, error)
        continue
      }
      for (const signal of signals) await act(signal, context, busy)
    }
  }

  return {
    decide() {
      if (running) return
      running = round().finally(() => {
        running = undefined
      })
    },
    idle: () => running ?? Promise.resolve(),
  }
}
