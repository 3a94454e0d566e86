/**
 * Strategy decisions on a market state, recorded at decision instants and compared between two states: what the
 * data reduction benchmark uses to show whether the reduced stream leads to the same signals as the full-rate one.
 */
import type { MarketState, Strategy, StrategyContext, TradingSignal } from '@smart-0dte/core'

/** One signal reduced to what identifies the trade: strategy, underlying, structure kind and legs. */
export interface DecisionKey {
  readonly strategyId: string
  /** `strategy underlying kind legs`, legs as `side ratio right strike`. */
  readonly key: string
  /** The strategy's own explanation (numbers included), for the notes. */
  readonly reason: string
}

/** The signals of every strategy at one decision instant. */
export interface DecisionRound {
  readonly nowMs: number
  readonly decisions: readonly DecisionKey[]
}

/** Evaluates strategies on a state the way the trading system's decision loop builds its context. */
export interface DecisionRecorder {
  /**
   * Appends the underlying mids to the price history, builds the context (no positions: every strategy is free to
   * signal) and asks every strategy.
   *
   * @param nowMs - Clock time of the decision.
   * @param market - The state now.
   * @returns The round.
   */
  decide(nowMs: number, market: MarketState): DecisionRound
}

/** Identifying key of a signal. */
export function decisionKey(signal: TradingSignal): DecisionKey {
  const legs = signal.structure.legs.map((leg) => {
    const instrument = leg.instrument
    const what = instrument.kind === 'option' ? `${instrument.right} ${instrument.strike}` : instrument.kind
    return `${leg.side} ${leg.ratio}x ${what}`
  })
  return {
    strategyId: signal.strategyId,
    key: `${signal.strategyId} ${signal.underlying} ${signal.structure.kind} [${legs.join(', ')}]`,
    reason: signal.reason,
  }
}

/**
 * Creates a recorder over its own strategy instances and price history.
 *
 * @param strategies - Strategy instances used by this recorder only.
 * @param historyLength - Samples kept per underlying, as the trading system's `priceHistoryLength`.
 * @returns The recorder.
 */
export function createDecisionRecorder(strategies: readonly Strategy[], historyLength = 240): DecisionRecorder {
  const history = new Map<string, number[]>()
  return {
    decide(nowMs, market) {
      for (const [underlying, price] of market.underlyingPrices) {
        const series = history.get(underlying) ?? []
        series.push(price)
        if (series.length > historyLength) series.shift()
        history.set(underlying, series)
      }
      const context: StrategyContext = {
        nowMs,
        chains: market.chains,
        regime: market.regime,
        correlation: market.correlation,
        priceHistory: history,
        positions: [],
        strategiesInPosition: new Set(),
      }
      const decisions: DecisionKey[] = []
      for (const strategy of strategies) {
        try {
          for (const signal of strategy.evaluate(context)) decisions.push(decisionKey(signal))
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          decisions.push({ strategyId: strategy.id, key: `${strategy.id} threw: ${message}`, reason: message })
        }
      }
      return { nowMs, decisions }
    },
  }
}

/** One instant and strategy where the two states decided differently. */
export interface Disagreement {
  readonly nowMs: number
  readonly strategyId: string
  /** Signals of the reference state (full rate) not produced by the other. */
  readonly onlyReference: readonly DecisionKey[]
  /** Signals of the other state (reduced) not produced by the reference. */
  readonly onlyOther: readonly DecisionKey[]
}

/** How far two decision records agree. */
export interface DecisionComparison {
  /** Signals produced identically by both, at the same instant. */
  readonly identical: number
  /** Signals of the reference only. */
  readonly onlyReference: number
  /** Signals of the other only. */
  readonly onlyOther: number
  /** identical / (identical + onlyReference + onlyOther), percent; 100 when neither state signalled. */
  readonly agreementPct: number
  /** Instant × strategy cells, and how many have the same set of signals (empty sets included). */
  readonly cells: number
  readonly identicalCells: number
  /** Cells that differ, in time order. */
  readonly disagreements: readonly Disagreement[]
}

function countByKey(decisions: readonly DecisionKey[]): Map<string, DecisionKey[]> {
  const byKey = new Map<string, DecisionKey[]>()
  for (const decision of decisions) byKey.set(decision.key, [...(byKey.get(decision.key) ?? []), decision])
  return byKey
}

/**
 * Compares two records taken at the same instants with the same strategies, strategy by strategy (signals are
 * matched as multisets of keys).
 *
 * @param reference - Rounds of the reference state (full rate).
 * @param other - Rounds of the compared state (reduced), same instants in the same order.
 * @param strategyIds - Strategies evaluated.
 * @returns The comparison.
 */
export function compareDecisions(
  reference: readonly DecisionRound[],
  other: readonly DecisionRound[],
  strategyIds: readonly string[],
): DecisionComparison {
  let identical = 0
  let onlyReference = 0
  let onlyOther = 0
  let cells = 0
  let identicalCells = 0
  const disagreements: Disagreement[] = []
  reference.forEach((round, i) => {
    const twin = other[i]
    if (twin === undefined || twin.nowMs !== round.nowMs) throw new Error('decision rounds are not aligned')
    for (const strategyId of strategyIds) {
      cells++
      const a = countByKey(round.decisions.filter((d) => d.strategyId === strategyId))
      const b = countByKey(twin.decisions.filter((d) => d.strategyId === strategyId))
      const missing: DecisionKey[] = []
      const extra: DecisionKey[] = []
      for (const [key, list] of a) {
        const matched = Math.min(list.length, b.get(key)?.length ?? 0)
        identical += matched
        missing.push(...list.slice(matched))
      }
      for (const [key, list] of b) extra.push(...list.slice(Math.min(list.length, a.get(key)?.length ?? 0)))
      onlyReference += missing.length
      onlyOther += extra.length
      if (missing.length === 0 && extra.length === 0) identicalCells++
      else disagreements.push({ nowMs: round.nowMs, strategyId, onlyReference: missing, onlyOther: extra })
    }
  })
  const total = identical + onlyReference + onlyOther
  return {
    identical,
    onlyReference,
    onlyOther,
    agreementPct: total === 0 ? 100 : (100 * identical) / total,
    cells,
    identicalCells,
    disagreements,
  }
}
