import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import type { AlignedSample } from './alignedSamples.js'
import { type CorrelationEngine, createCorrelationEngine } from './correlationEngine.js'
import type { CorrelationEvent } from './correlationEvent.js'

const IDS = ['SPY', 'QQQ', 'IWM']

/** Deterministic uniform [0, 1) generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Feeds rows of prices (one row per sample, in `ids` order) and collects the last snapshot and every event. */
function run(engine: CorrelationEngine, rows: readonly (readonly (number | null)[])[], ids = IDS) {
  const events: CorrelationEvent[] = []
  let last = engine.update({ timestampMs: 0, instrumentIds: ids, prices: rows[0] ?? [] })
  rows.slice(1).forEach((prices, k) => {
    const sample: AlignedSample = { timestampMs: (k + 1) * 60_000, instrumentIds: ids, prices }
    last = engine.update(sample)
    events.push(...last.events)
  })
  return { snapshot: last.snapshot, events }
}

/** Prices from log returns, starting at `start`. */
function pricesFrom(returns: readonly number[], start: number): number[] {
  const out = [start]
  for (const r of returns) out.push((out[out.length - 1] ?? start) * Math.exp(r))
  return out
}

function pearson(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length
  const flat = (k: 0 | 1) => pairs.every((p) => p[k] === pairs[0]?.[k])
  if (flat(0) || flat(1)) return null
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n
  const my = pairs.reduce((s, p) => s + p[1], 0) / n
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (const [x, y] of pairs) {
    sxx += (x - mx) ** 2
    syy += (y - my) ** 2
    sxy += (x - mx) * (y - my)
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null
}

describe('createCorrelationEngine', () => {
  test('perfectly correlated returns give 1, mirrored returns give −1', () => {
    const random = seeded(1)
    const spyReturns = Array.from({ length: 30 }, () => (random() - 0.5) * 0.002)
    const spy = pricesFrom(spyReturns, 500)
    const qqq = pricesFrom(
      spyReturns.map((r) => 2 * r),
      400,
    )
    const iwm = pricesFrom(
      spyReturns.map((r) => -r),
      200,
    )
    const engine = createCorrelationEngine({ windows: [20] })
    const { snapshot } = run(
      engine,
      spy.map((p, k) => [p, qqq[k] ?? null, iwm[k] ?? null]),
    )
    const matrix = snapshot.windows[0]?.matrix
    expect(matrix?.[0]?.[1]).toBeCloseTo(1, 9)
    expect(matrix?.[1]?.[0]).toBeCloseTo(1, 9)
    expect(matrix?.[0]?.[2]).toBeCloseTo(-1, 9)
    expect(matrix?.[1]?.[2]).toBeCloseTo(-1, 9)
    expect(matrix?.[2]?.[2]).toBe(1)
  })

  test('independent seeded noise correlates near 0 over a long window', () => {
    const random = seeded(99)
    const series = IDS.map((_, k) =>
      pricesFrom(
        Array.from({ length: 180 }, () => (random() - 0.5) * 0.002),
        100 + k,
      ),
    )
    const engine = createCorrelationEngine({ windows: [180] })
    const { snapshot } = run(
      engine,
      Array.from({ length: 181 }, (_, t) => series.map((s) => s[t] ?? null)),
    )
    for (const pair of snapshot.windows[0]?.pairs ?? []) {
      expect(pair.correlation).not.toBeNull()
      expect(Math.abs(pair.correlation ?? 1)).toBeLessThan(0.2)
    }
  })

  test('a flat instrument reports zero variance and no NaN anywhere', () => {
    const engine = createCorrelationEngine({ instrumentIds: ['SPY', 'QQQ'], windows: [5] })
    const rows = Array.from({ length: 12 }, (_, t) => [500 + Math.sin(t), 400])
    const { snapshot } = run(engine, rows, ['SPY', 'QQQ'])
    expect(snapshot.windows[0]?.pairs[0]).toMatchObject({ correlation: null, reason: 'zero_variance' })
    expect(snapshot.divergences[0]).toMatchObject({ zScore: null })
    expect(JSON.stringify(snapshot)).not.toMatch(/NaN|Infinity/)
    expect(snapshot.windows[0]?.matrix[0]?.[1]).toBeNull()
  })

  test('a window reports nothing until filled, then its observation count', () => {
    const engine = createCorrelationEngine({ instrumentIds: ['SPY', 'QQQ'], windows: [10] })
    const rows = Array.from({ length: 6 }, (_, t) => [500 + t * t, 400 + t])
    const { snapshot } = run(engine, rows, ['SPY', 'QQQ'])
    expect(snapshot.windows[0]?.pairs[0]).toMatchObject({ correlation: null, reason: 'insufficient_data' })
    expect(snapshot.windows[0]?.pairs[0]?.observations).toBe(5)
  })

  test('a missing price skips that interval for the pairs involving it', () => {
    const engine = createCorrelationEngine({ instrumentIds: ['SPY', 'QQQ'], windows: [2] })
    const { snapshot } = run(
      engine,
      [
        [500, 400],
        [501, 401],
        [null, 402],
        [502, 403],
      ],
      ['SPY', 'QQQ'],
    )
    expect(snapshot.returns[0]).toBeNull()
    expect(snapshot.windows[0]?.pairs[0]?.observations).toBe(1)
  })

  test('breakdown starts below the threshold and ends only above threshold + margin', () => {
    const random = seeded(5)
    const shared = Array.from({ length: 90 }, () => (random() - 0.5) * 0.002)
    const own = Array.from({ length: 90 }, () => (random() - 0.5) * 0.002)
    // 30 correlated returns, 30 where QQQ moves against SPY, 30 correlated again.
    const qqqReturns = shared.map((r, t) => (t >= 30 && t < 60 ? -r + (own[t] ?? 0) * 0.2 : r))
    const spy = pricesFrom(shared, 500)
    const qqq = pricesFrom(qqqReturns, 400)
    const engine = createCorrelationEngine({ instrumentIds: ['SPY', 'QQQ'], windows: [20] })
    const { events } = run(
      engine,
      spy.map((p, t) => [p, qqq[t] ?? null]),
      ['SPY', 'QQQ'],
    )
    const breakdowns = events.filter((e) => e.kind !== 'divergence')
    expect(breakdowns.map((e) => e.kind)).toEqual(['breakdown_started', 'breakdown_ended'])
    const [started, ended] = breakdowns
    expect(started?.kind === 'breakdown_started' && started.correlation < 0.3).toBe(true)
    expect(ended?.kind === 'breakdown_ended' && ended.correlation >= 0.4).toBe(true)
  })

  test('divergence fires once per episode when the return spread jumps', () => {
    const random = seeded(11)
    const spyReturns = Array.from({ length: 80 }, () => (random() - 0.5) * 0.002)
    const qqqReturns = spyReturns.map((r, t) => {
      const noise = (random() - 0.5) * 0.0004
      // Two consecutive outsized QQQ moves at t = 50, 51: one episode, not two.
      return r + noise + (t === 50 || t === 51 ? 0.01 : 0)
    })
    const engine = createCorrelationEngine({
      instrumentIds: ['SPY', 'QQQ'],
      windows: [20],
      breakdown: { windows: [] },
      divergence: { windowObservations: 30, zThreshold: 3 },
    })
    const { events } = run(
      engine,
      pricesFrom(spyReturns, 500).map((p, t) => [p, pricesFrom(qqqReturns, 400)[t] ?? null]),
      ['SPY', 'QQQ'],
    )
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event?.kind).toBe('divergence')
    expect(event?.timestampMs).toBe(51 * 60_000)
    expect(event?.kind === 'divergence' && event.zScore < -3).toBe(true)
  })

  test('invalid configs are refused with every field named', () => {
    expect(() => createCorrelationEngine({ windows: [20], breakdown: { windows: [60] } })).toThrow(ConfigError)
    expect(() => createCorrelationEngine({ instrumentIds: ['SPY', 'SPY'] })).toThrow(/instrumentIds/)
    expect(() => createCorrelationEngine({ divergence: { zThreshold: 1, rearmMargin: 1 } })).toThrow(/rearmMargin/)
  })

  test('every matrix entry matches a brute-force pairwise computation (property)', () => {
    const price = fc.option(fc.integer({ min: 95, max: 105 }), { nil: null, freq: 8 })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(price, price, price), { minLength: 2, maxLength: 80 }),
        fc.uniqueArray(fc.integer({ min: 2, max: 25 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(1, 0.5),
        (rows, windows, minFillRatio) => {
          const engine = createCorrelationEngine({ windows, minFillRatio, breakdown: { windows: [] } })
          const { snapshot } = run(engine, rows)
          const returns = rows.slice(1).map((row, t) =>
            row.map((p, k) => {
              const before = rows[t]?.[k] ?? null
              return p === null || before === null ? null : Math.log(p / before)
            }),
          )
          for (const window of snapshot.windows) {
            const w = window.windowObservations
            for (let i = 0; i < IDS.length; i++) {
              for (let j = i + 1; j < IDS.length; j++) {
                const pairs = returns
                  .filter((r) => r[i] !== null && r[j] !== null)
                  .map((r) => [r[i] ?? 0, r[j] ?? 0] as const)
                  .slice(-w)
                const enough = pairs.length >= Math.max(2, Math.ceil(minFillRatio * w))
                const expected = enough ? pearson(pairs) : null
                const actual = window.matrix[i]?.[j] ?? null
                if (expected === null) expect(actual).toBeNull()
                else expect(actual ?? Number.NaN).toBeCloseTo(expected, 6)
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
