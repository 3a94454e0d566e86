import type { QualityAction, QualityIncident, QualityReport, RuleCounts, SourceQuality } from '../qualityReport.js'
import { QUALITY_RULES, type QualityRule } from '../qualityRule.js'

const RULE_INDEX = new Map<QualityRule, number>(QUALITY_RULES.map((rule, index) => [rule, index]))

class SourceCounts {
  accepted = 0
  dropped = 0
  flagged = 0
  readonly rules = new Float64Array(QUALITY_RULES.length)

  freeze(): SourceQuality {
    return { accepted: this.accepted, dropped: this.dropped, flagged: this.flagged, byRule: ruleCounts(this.rules) }
  }
}

function ruleCounts(rules: Float64Array): RuleCounts {
  const counts: Partial<Record<QualityRule, number>> = {}
  QUALITY_RULES.forEach((rule, index) => {
    counts[rule] = rules[index] ?? 0
  })
  return counts as RuleCounts
}

function count(target: SourceCounts, ruleIndex: number, action: QualityAction): void {
  target.rules[ruleIndex] = (target.rules[ruleIndex] ?? 0) + 1
  if (action === 'dropped') target.dropped++
  else target.flagged++
}

/** Mutable counters behind a validator's {@link QualityReport}; increments do not allocate. */
export class QualityLedger {
  private readonly total = new SourceCounts()
  private readonly sources = new Map<string, SourceCounts>()
  private readonly last = new Map<QualityRule, QualityIncident>()

  private lastSource: string | undefined
  private lastCounts: SourceCounts | undefined

  private countsOf(source: string): SourceCounts {
    if (source === this.lastSource && this.lastCounts !== undefined) return this.lastCounts
    let counts = this.sources.get(source)
    if (counts === undefined) {
      counts = new SourceCounts()
      this.sources.set(source, counts)
    }
    this.lastSource = source
    this.lastCounts = counts
    return counts
  }

  accept(source: string): void {
    this.total.accepted++
    this.countsOf(source).accepted++
  }

  record(source: string, rule: QualityRule, action: QualityAction, reason: string, event: unknown, atMs: number): void {
    const index = RULE_INDEX.get(rule) ?? 0
    const counts = this.countsOf(source)
    count(this.total, index, action)
    count(counts, index, action)
    this.last.set(rule, { rule, action, reason, event, atMs })
  }

  report(asOfMs: number): QualityReport {
    const bySource: Record<string, SourceQuality> = {}
    for (const [source, counts] of this.sources) bySource[source] = counts.freeze()
    return { asOfMs, ...this.total.freeze(), bySource, lastByRule: Object.fromEntries(this.last) }
  }
}
