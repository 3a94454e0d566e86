import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { drawdownSeries, maxDrawdown } from './drawdown.js'

const HOUR = 3_600_000
const curve = (values: number[]) => values.map((v, i) => ({ timestampMs: i * HOUR, equity: new Decimal(v) }))

describe('maxDrawdown', () => {
  // 100, 120, 90, 110, 125, 100 (hourly):
  //   120 → 90 = 25 % (30), peak at 1 h, trough at 2 h, recovered at 4 h (125 ≥ 120)
  //   125 → 100 = 20 %, not recovered by the end
  //   under water 1 h→4 h (3 h) and 4 h→5 h (1 h, to the end): longest 3 h
  const sample = curve([100, 120, 90, 110, 125, 100])

  it('finds the deepest fall with peak-to-trough and peak-to-recovery times', () => {
    const dd = maxDrawdown(sample)
    expect(dd?.fraction).toBeCloseTo(0.25, 12)
    expect(dd?.amount).toBe(30)
    expect(dd?.peakTimeMs).toBe(HOUR)
    expect(dd?.troughTimeMs).toBe(2 * HOUR)
    expect(dd?.recoveryTimeMs).toBe(4 * HOUR)
    expect(dd?.peakToTroughMs).toBe(HOUR)
    expect(dd?.peakToRecoveryMs).toBe(3 * HOUR)
    expect(dd?.longestUnderwaterMs).toBe(3 * HOUR)
  })

  it('leaves recovery null when the curve ends below the peak', () => {
    const dd = maxDrawdown(curve([100, 80, 90]))
    expect(dd?.fraction).toBeCloseTo(0.2, 12)
    expect(dd?.recoveryTimeMs).toBeNull()
    expect(dd?.peakToRecoveryMs).toBeNull()
    expect(dd?.longestUnderwaterMs).toBe(2 * HOUR)
  })

  it('reports zero for a curve that never falls and null for an empty or non-positive curve', () => {
    const flat = maxDrawdown(curve([100, 100, 101]))
    expect(flat?.fraction).toBe(0)
    expect(flat?.peakTimeMs).toBeNull()
    expect(flat?.longestUnderwaterMs).toBe(0)
    expect(maxDrawdown([])).toBeNull()
    expect(maxDrawdown(curve([100, 0, 50]))).toBeNull()
  })

  it('gives the drawdown at every point', () => {
    expect(drawdownSeries(sample)?.map((p) => p.drawdownAmount)).toEqual([0, 0, 30, 10, 0, 25])
  })
})
