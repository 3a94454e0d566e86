import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import type {
  CorrelationSnapshot,
  CorrelationWindow,
  PairCorrelation,
  PairDivergence,
} from '../correlation/correlationSnapshot.js'
import { type OptionStructure, straddle, strangle } from '../orders/optionStructures.js'
import { legsOf, nearestByDelta, sameSeries } from './internal/chainLegs.js'
import { clamp01, saturate } from './internal/confidence.js'
import {
  deltaField,
  durationMsField,
  minutesField,
  strategyIdField,
  underlyingsField,
} from './internal/optionFields.js'
import { fmt, toSignal } from './internal/signals.js'
import { type TradableChain, tradableChain } from './internal/tradableChain.js'
import type { UsableLeg } from './internal/usableLeg.js'
import { SignalDirection, type Strategy, type StrategyContext, type TradingSignal } from './strategy.js'

/**
 * Options of {@link createCorrelationBreakdownStrategy}. Defaults are this SDK's starting points, not tuned edges.
 *
 * @example
 * ```ts
 * const options = correlationBreakdownOptionsSchema.parse({ structure: 'strangle', maxCorrelation: 0.2 })
 * ```
 */
export const correlationBreakdownOptionsSchema = z
  .object({
    /** Strategy id used for attribution. @default 'correlation-breakdown' */
    id: strategyIdField('correlation-breakdown'),
    /** Underlyings that may be traded (correlation ids are matched with a leading `^` removed). @default ['SPY', 'QQQ', 'IWM'] */
    underlyings: underlyingsField(['SPY', 'QQQ', 'IWM']),
    /** Correlation window used, in returns; must be one of the snapshot's windows. @default the shortest window */
    windowObservations: z.number().int().min(2).optional(),
    /** A pair is broken below this correlation. @default 0.3 */
    maxCorrelation: z.number().min(-1).max(1).default(0.3),
    /** The pairs not involving the outlier must still correlate at least this much. @default 0.6 */
    minPeerCorrelation: z.number().min(-1).max(1).default(0.6),
    /** A pair is also broken when its return-spread |z-score| reaches this; `null` ignores divergence. @default 3 */
    minDivergenceZ: z.number().positive().nullable().default(3),
    /** Correlation snapshots older than this at the decision are ignored. @default 180000 */
    maxCorrelationAgeMs: durationMsField(180_000),
    /** `straddle` (at the money) or `strangle` (out of the money by delta). @default 'straddle' */
    structure: z.enum(['straddle', 'strangle']).default('straddle'),
    /** |delta| of each strangle leg. @default 0.25 */
    strangleDelta: deltaField(0.25),
    /** Largest accepted miss between a strangle leg’s |delta| and `strangleDelta`. @default 0.1 */
    deltaTolerance: z.number().min(0).max(0.5).default(0.1),
    /** No entry with fewer minutes than this before the expiration instant. @default 60 */
    minMinutesToExpiry: minutesField(60),
    /** Snapshots and quotes older than this are stale. @default 60000 */
    maxQuoteAgeMs: durationMsField(60_000),
    /** Largest (ask − bid) / mid of a leg. @default 1 */
    maxSpreadFraction: z.number().positive().default(1),
  })
  .strict()
  .refine((o) => o.maxCorrelation < o.minPeerCorrelation, {
    message: 'maxCorrelation must be below minPeerCorrelation',
    path: ['maxCorrelation'],
  })

/** Options of the correlation breakdown strategy as users write them. */
export type CorrelationBreakdownOptionsInput = z.input<typeof correlationBreakdownOptionsSchema>
/** Options with every default applied. */
export type CorrelationBreakdownOptions = z.output<typeof correlationBreakdownOptionsSchema>

interface Outlier {
  readonly id: string
  readonly own: readonly { pair: PairCorrelation; z: number | null }[]
  readonly peers: readonly PairCorrelation[]
}

function pickWindow(snapshot: CorrelationSnapshot, o: CorrelationBreakdownOptions): CorrelationWindow | undefined {
  if (o.windowObservations === undefined) {
    return [...snapshot.windows].sort((a, b) => a.windowObservations - b.windowObservations)[0]
  }
  return snapshot.windows.find((w) => w.windowObservations === o.windowObservations)
}

function zOf(divergences: readonly PairDivergence[], pair: PairCorrelation): number | null {
  return divergences.find((d) => d.a === pair.a && d.b === pair.b)?.zScore ?? null
}

/** The one instrument whose every pair broke down while every pair among the others still holds. */
function findOutlier(snapshot: CorrelationSnapshot, o: CorrelationBreakdownOptions): Outlier | undefined {
  const window = pickWindow(snapshot, o)
  if (!window || snapshot.instrumentIds.length < 3) return undefined
  if (window.pairs.some((p) => p.correlation === null)) return undefined
  const diverged = (z: number | null) => o.minDivergenceZ !== null && z !== null && Math.abs(z) >= o.minDivergenceZ
  const broken = (p: PairCorrelation, z: number | null) =>
    p.correlation !== null && (p.correlation < o.maxCorrelation || diverged(z))
  const holds = (p: PairCorrelation, z: number | null) =>
    p.correlation !== null && p.correlation >= o.minPeerCorrelation && !diverged(z)
  for (const id of snapshot.instrumentIds) {
    const own = window.pairs
      .filter((p) => p.a === id || p.b === id)
      .map((pair) => ({ pair, z: zOf(snapshot.divergences, pair) }))
    const peers = window.pairs.filter((p) => p.a !== id && p.b !== id)
    if (own.length === 0 || peers.length === 0) continue
    if (!own.every(({ pair, z }) => broken(pair, z))) continue
    if (!peers.every((p) => holds(p, zOf(snapshot.divergences, p)))) continue
    return { id, own, peers }
  }
  return undefined
}

function atmStraddle(t: TradableChain): OptionStructure | undefined {
  const puts = legsOf(t.chain, 'put', t.filter)
  let best: { call: UsableLeg; put: UsableLeg } | undefined
  for (const call of legsOf(t.chain, 'call', t.filter)) {
    const put = puts.find((p) => p.contract.strike === call.contract.strike && sameSeries(p.contract, call.contract))
    if (!put) continue
    const distance = Math.abs(call.contract.strike - t.spot)
    if (!best || distance < Math.abs(best.call.contract.strike - t.spot)) best = { call, put }
  }
  return best && straddle({ call: best.call.contract, put: best.put.contract, side: 'buy' })
}

function otmStrangle(t: TradableChain, o: CorrelationBreakdownOptions): OptionStructure | undefined {
  const puts = legsOf(t.chain, 'put', t.filter).filter((leg) => leg.contract.strike < t.spot)
  const calls = legsOf(t.chain, 'call', t.filter).filter((leg) => leg.contract.strike > t.spot)
  const put = nearestByDelta(puts, o.strangleDelta, o.deltaTolerance)
  const call =
    put &&
    nearestByDelta(
      calls.filter((c) => sameSeries(c.contract, put.contract)),
      o.strangleDelta,
      o.deltaTolerance,
    )
  return put && call && strangle({ put: put.contract, call: call.contract, side: 'buy' })
}

function confidenceOf(outlier: Outlier, o: CorrelationBreakdownOptions): number {
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1)
  const depth = mean(
    outlier.own.map(({ pair }) => clamp01((o.maxCorrelation - (pair.correlation ?? 0)) / (o.maxCorrelation + 1))),
  )
  const peers = mean(
    outlier.peers.map((p) => clamp01(((p.correlation ?? 0) - o.minPeerCorrelation) / (1 - o.minPeerCorrelation))),
  )
  const maxZ = Math.max(0, ...outlier.own.map(({ z }) => Math.abs(z ?? 0)))
  const zScore = o.minDivergenceZ === null ? 0 : saturate(maxZ - o.minDivergenceZ, o.minDivergenceZ)
  // 0.5 at the thresholds; deeper breakdown, tighter peers and a larger divergence add conviction.
  return 0.5 + 0.2 * depth + 0.15 * peers + 0.15 * zScore
}

/**
 * Correlation breakdown: SPY, QQQ and IWM usually move together. When one of them decorrelates from all the
 * others (every pair involving it below `maxCorrelation`, or its return spread at |z| ≥ `minDivergenceZ`) while
 * the others still correlate (≥ `minPeerCorrelation`), something specific is moving it; expecting a large move of
 * unknown direction, buy a straddle (or a strangle) on that outlier. Needs at least three instruments in the
 * correlation snapshot (with two there is no telling which one broke away). No entry while the strategy holds a
 * position, too close to expiry, on stale analytics, or without live two-sided quotes.
 *
 * @param options - Validated by {@link correlationBreakdownOptionsSchema}; every field has a default.
 * @returns The strategy.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const breakdown = createCorrelationBreakdownStrategy({ structure: 'strangle', strangleDelta: 0.3 })
 * const signals = breakdown.evaluate(context)
 * ```
 */
export function createCorrelationBreakdownStrategy(options: CorrelationBreakdownOptionsInput = {}): Strategy {
  const o = parseConfig(correlationBreakdownOptionsSchema, options, 'correlation breakdown strategy options')
  return {
    id: o.id,
    description: 'Long straddle or strangle on the index ETF that decorrelated from the others',
    evaluate(context: StrategyContext): readonly TradingSignal[] {
      const snapshot = context.correlation
      if (context.strategiesInPosition.has(o.id) || !snapshot) return []
      if (!(context.nowMs - snapshot.timestampMs <= o.maxCorrelationAgeMs)) return []
      const outlier = findOutlier(snapshot, o)
      const underlying = outlier?.id.replace(/^\^/, '')
      if (!outlier || !underlying || !o.underlyings.includes(underlying)) return []
      const tradable = tradableChain(context, underlying, o)
      const structure = tradable && (o.structure === 'straddle' ? atmStraddle(tradable) : otmStrangle(tradable, o))
      if (!structure) return []
      const pairs = outlier.own
        .map(({ pair, z }) => {
          const other = pair.a === outlier.id ? pair.b : pair.a
          return `${other} ${fmt(pair.correlation ?? 0)}${z === null ? '' : ` (z ${fmt(z)})`}`
        })
        .join(', ')
      const peers = outlier.peers.map((p) => `${p.a}/${p.b} ${fmt(p.correlation ?? 0)}`).join(', ')
      const strikes = [
        ...new Set(structure.legs.map((l) => (l.instrument.kind === 'option' ? l.instrument.strike : ''))),
      ].join('/')
      return [
        toSignal(o.id, context.nowMs, {
          underlying,
          direction: SignalDirection.Volatile,
          structure,
          confidence: confidenceOf(outlier, o),
          reason:
            `${outlier.id} decorrelated from the others (correlation with ${pairs}) while ${peers} held; ` +
            `long ${o.structure} ${strikes} expecting a large move`,
        }),
      ]
    },
  }
}
