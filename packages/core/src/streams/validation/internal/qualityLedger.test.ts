import { describe, expect, test } from 'vitest'
import { QUALITY_RULES } from '../qualityRule.js'
import { QualityLedger } from './qualityLedger.js'

describe('QualityLedger', () => {
  test('reports counts by rule for every rule, in rule order, in total and by source', () => {
    const ledger = new QualityLedger()
    ledger.accept('a')
    ledger.accept('a')
    ledger.record('a', 'locked', 'flagged', 'bid = ask', { id: 1 }, 10)
    ledger.record('b', 'spike', 'dropped', 'far', { id: 2 }, 11)
    ledger.record('b', 'locked', 'flagged', 'bid = ask again', { id: 3 }, 12)
    const report = ledger.report(20)
    expect(Object.keys(report)).toEqual([
      'asOfMs',
      'accepted',
      'dropped',
      'flagged',
      'byRule',
      'bySource',
      'lastByRule',
    ])
    expect(Object.keys(report.byRule)).toEqual([...QUALITY_RULES])
    expect(Object.keys(report.bySource.a?.byRule ?? {})).toEqual([...QUALITY_RULES])
    expect(report).toMatchObject({ asOfMs: 20, accepted: 2, dropped: 1, flagged: 2 })
    expect(report.byRule).toMatchObject({ locked: 2, spike: 1, malformed: 0 })
    expect(report.bySource).toEqual({
      a: expect.objectContaining({ accepted: 2, dropped: 0, flagged: 1 }),
      b: expect.objectContaining({ accepted: 0, dropped: 1, flagged: 1 }),
    })
    expect(report.lastByRule.locked).toMatchObject({ reason: 'bid = ask again', atMs: 12, action: 'flagged' })
    for (const rule of QUALITY_RULES) {
      expect(report.byRule[rule]).toBe((report.bySource.a?.byRule[rule] ?? 0) + (report.bySource.b?.byRule[rule] ?? 0))
    }
  })
})
