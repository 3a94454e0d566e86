import type { Strategy } from '../../strategies/strategy.js'
import type { BacktestData } from '../backtestData.js'
import type { ResolvedBacktestOptions } from '../backtestOptions.js'

/** Inputs of {@link describeRun}. */
export interface DescribeRunInput {
  readonly config: ResolvedBacktestOptions
  readonly data: BacktestData
  readonly dates: readonly string[]
  readonly strategies: readonly Strategy[]
  readonly simulated: boolean
  readonly sampling: 'daily' | 'intraday'
  readonly eventCount: number
}

/** The default id, title, caveat notes and parameter table of a run, all derived from its inputs. */
export interface RunDescription {
  readonly runId: string
  readonly title: string
  readonly notes: string[]
  readonly parameters: Record<string, string | number | boolean>
}

/**
 * Describes a run for its report: a deterministic id and title (dates and data, never a clock reading), the
 * caveats that apply to it, and its parameters.
 *
 * @param input - The resolved options and what the run found.
 * @returns The description.
 */
export function describeRun(input: DescribeRunInput): RunDescription {
  const { config, data, dates, simulated } = input
  const first = dates[0] ?? config.date
  const last = dates.at(-1) ?? first
  const span = dates.length === 1 ? first : `${first} to ${last}`
  const seed = data.kind === 'sim' ? (data.seed ?? 1) : undefined
  const origin = seed !== undefined ? `seed${seed}` : data.kind
  const dataLabel = seed !== undefined ? `simulator, seed ${seed}` : `recorded ${data.kind.replace('_', ' ')}`
  const notes: string[] = []
  if (data.kind === 'sim') {
    notes.push(
      `SIMULATED: prices come from the built-in market simulator (seed ${seed}; each day an independent simulated session seeded from the run seed and the date). They are not market prices.`,
    )
  } else if (simulated) {
    notes.push(
      'SIMULATED: the recording holds simulator output (events tagged "sim"). Its prices are not market prices.',
    )
  }
  notes.push(
    'Fills are paper fills by the SDK paper broker against the same quotes the strategies saw: marketable orders at the touch (plus any configured slippage), resting limits at their limit once the far touch reaches it, never more than the displayed size; combos fill as one package. Queue position, market impact and exchange latency are not modelled.',
    config.paper?.commission === undefined
      ? 'Commissions follow the paper broker default, an IBKR-like per-contract model with exchange and regulatory fees.'
      : 'Commissions follow the configured commission model.',
    input.sampling === 'daily'
      ? 'Sharpe, Sortino and annualised return use daily returns between New York closes (252 a year).'
      : `Sharpe, Sortino and annualised return use intraday returns between equity samples every ${config.equityIntervalMs / 1000} s, annualised by 252 × samples per day: noisy on a short run and not comparable with daily ratios.`,
    'A trade is one entry order, from its first fill until everything it opened is closed by exits or expiration.',
    'Backtest results, simulated or recorded, are not evidence of future returns.',
  )
  return {
    runId: `backtest-${first}-${dates.length}d-${origin}`,
    title: `Backtest ${span} (${dataLabel})`,
    notes,
    parameters: {
      firstDate: first,
      lastDate: last,
      tradingDays: dates.length,
      data: data.kind,
      ...(seed !== undefined ? { seed } : {}),
      session: `${config.sessionStart}-${config.sessionEnd} New York`,
      startingCash: config.startingCash.toFixed(),
      decisionIntervalMs: config.decisionIntervalMs,
      equityIntervalMs: config.equityIntervalMs,
      returnSampling: input.sampling,
      events: input.eventCount,
      strategies: input.strategies.map((strategy) => strategy.id).join(', '),
    },
  }
}
