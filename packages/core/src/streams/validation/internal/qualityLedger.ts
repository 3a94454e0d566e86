import type { QualityAction, QualityIncident, QualityReport, RuleCounts, SourceQuality } from '../qualityReport.js'
import { QUALITY_RULES, type QualityRule } from '../qualityRule.js'

const RULE_INDEX = new Map<QualityRule, number>(QUALITY_RULES.map((rule, index) => [rule, index]))

class SourceCounts {
  accepted = 0
  dropped = 0
  flagged = 0
  readonly rules = new Float64Array(QUALITY_RULES.length)
  // The last frozen copy: a report reuses it while the counts it shows are unchanged (every change moves one).
  private frozen: SourceQuality | undefined

  constructor(readonly source: string) {}

  count(ruleIndex: number, action: QualityAction): void {
    this.rules[ruleIndex] = (this.rules[ruleIndex] ?? 0) + 1
    if (action === 'dropped') this.dropped++
    else this.flagged++
  }

  freeze(): SourceQuality {
    const frozen = this.frozen
    if (
      frozen !== undefined &&
      frozen.accepted === this.accepted &&
      frozen.dropped === this.dropped &&
      frozen.flagged === this.flagged
    ) {
      return frozen
    }
    this.frozen = {
      accepted: this.accepted,
      dropped: this.dropped,
      flagged: this.flagged,
      byRule: ruleCounts(this.rules),
    }
    return this.frozen
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

/** Mutable counters behind a validator's {@link QualityReport}; increments do not allocate. */
export class QualityLedger {
  private readonly total = new SourceCounts('')
  private readonly sources = new Map<string, SourceCounts>()
  /** The values of `sources` in insertion order, walked per report without a Map iterator. */
  private readonly sourceList: SourceCounts[] = []
  /** The last incident of every rule, by rule index, and the rules in the order they first broke. */
  private readonly last: (QualityIncident | undefined)[] = QUALITY_RULES.map(() => undefined)
  private readonly lastOrder: number[] = []

  private lastSource: string | undefined
  private lastCounts: SourceCounts | undefined

  private countsOf(source: string): SourceCounts {
    if (source === this.lastSource && this.lastCounts !== undefined) return this.lastCounts
    let counts = this.sources.get(source)
    if (counts === undefined) {
      counts = new SourceCounts(source)
      this.sources.set(source, counts)
      this.sourceList.push(counts)
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
    this.total.count(index, action)
    counts.count(index, action)
    if (this.last[index] === undefined) this.lastOrder.push(index)
    this.last[index] = { rule, action, reason, event, atMs }
  }

  report(asOfMs: number): QualityReport {
    const bySource: Record<string, SourceQuality> = {}
    for (const counts of this.sourceList) bySource[counts.source] = counts.freeze()
    // Rules in first-broken order, as a Map keyed by rule would list them; Object.fromEntries cost 5× more.
    const lastByRule: Partial<Record<QualityRule, QualityIncident>> = {}
    for (const index of this.lastOrder) {
      const incident = this.last[index]
      if (incident !== undefined) lastByRule[incident.rule] = incident
    }
    const total = this.total
    return {
      asOfMs,
      accepted: total.accepted,
      dropped: total.dropped,
      flagged: total.flagged,
      byRule: ruleCounts(total.rules),
      bySource,
      lastByRule,
    }
  }
}
