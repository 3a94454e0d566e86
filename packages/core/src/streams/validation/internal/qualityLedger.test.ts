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

  test('lists the last incidents in the order their rules first broke', () => {
    const ledger = new QualityLedger()
    ledger.record('a', 'spike', 'dropped', 'far', { id: 1 }, 1)
    ledger.record('a', 'locked', 'flagged', 'bid = ask', { id: 2 }, 2)
    ledger.record('a', 'spike', 'dropped', 'far again', { id: 3 }, 3)
    const report = ledger.report(4)
    expect(Object.keys(report.lastByRule)).toEqual(['spike', 'locked'])
    expect(report.lastByRule.spike).toEqual({
      rule: 'spike',
      action: 'dropped',
      reason: 'far again',
      event: { id: 3 },
      atMs: 3,
    })
  })

  test('a report keeps the counts of its time while later ticks change the ledger', () => {
    const ledger = new QualityLedger()
    ledger.accept('a')
    ledger.record('b', 'stale', 'dropped', 'old', {}, 1)
    const first = ledger.report(2)
    ledger.accept('a')
    ledger.record('a', 'locked', 'flagged', 'bid = ask', {}, 3)
    const second = ledger.report(4)
    expect(first.bySource.a).toEqual({
      accepted: 1,
      dropped: 0,
      flagged: 0,
      byRule: expect.objectContaining({ locked: 0 }),
    })
    expect(second.bySource.a).toEqual({
      accepted: 2,
      dropped: 0,
      flagged: 1,
      byRule: expect.objectContaining({ locked: 1 }),
    })
    expect(second.bySource.b).toEqual(first.bySource.b)
    expect(first.lastByRule.locked).toBeUndefined()
    expect(first.accepted).toBe(1)
  })
})
