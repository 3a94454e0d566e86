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

const index = (rule: QualityRule): number => RULE_INDEX.get(rule) ?? 0
const MALFORMED = index('malformed')
const NOT_FINITE = index('not_finite')
const NON_POSITIVE_PRICE = index('non_positive_price')
const NON_POSITIVE_SIZE = index('non_positive_size')
const CROSSED = index('crossed')
const LOCKED = index('locked')
const FUTURE = index('future')
const STALE = index('stale')
const OUT_OF_ORDER = index('out_of_order')
const DUPLICATE_TIMESTAMP = index('duplicate_timestamp')
const SPIKE = index('spike')

/**
 * Counts by rule, keyed in the order of {@link QUALITY_RULES}. A report is built for every incident (index values,
 * whose bid equals their ask, flag `locked` on every tick), so the object is one literal rather than eleven
 * property additions; `satisfies` keeps it complete, a test keeps its key order.
 */
function ruleCounts(rules: Float64Array): RuleCounts {
  return {
    malformed: rules[MALFORMED] ?? 0,
    not_finite: rules[NOT_FINITE] ?? 0,
    non_positive_price: rules[NON_POSITIVE_PRICE] ?? 0,
    non_positive_size: rules[NON_POSITIVE_SIZE] ?? 0,
    crossed: rules[CROSSED] ?? 0,
    locked: rules[LOCKED] ?? 0,
    future: rules[FUTURE] ?? 0,
    stale: rules[STALE] ?? 0,
    out_of_order: rules[OUT_OF_ORDER] ?? 0,
    duplicate_timestamp: rules[DUPLICATE_TIMESTAMP] ?? 0,
    spike: rules[SPIKE] ?? 0,
  } satisfies Record<QualityRule, number>
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
    const total = this.total
    return {
      asOfMs,
      accepted: total.accepted,
      dropped: total.dropped,
      flagged: total.flagged,
      byRule: ruleCounts(total.rules),
      bySource,
      lastByRule: Object.fromEntries(this.last),
    }
  }
}
