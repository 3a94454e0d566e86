import type { QualityRule } from './qualityRule.js'

/** Count of ticks per rule. */
export type RuleCounts = Readonly<Record<QualityRule, number>>

/** What happened to a tick that broke a rule. */
export type QualityAction = 'dropped' | 'flagged'

/** A tick that broke a rule, kept for debugging. */
export interface QualityIncident {
  /** The rule it broke. */
  readonly rule: QualityRule
  /** `dropped` (removed from the clean stream) or `flagged` (kept, only counted). */
  readonly action: QualityAction
  /** Human-readable reason, for example `bid 5.1 > ask 5.0`. */
  readonly reason: string
  /** The offending input exactly as received. */
  readonly event: unknown
  /** Clock time when it was seen, epoch ms. */
  readonly atMs: number
}

/** Counts of one source (the `source` field of the events; `unknown` when absent). */
export interface SourceQuality {
  /** Ticks passed to the clean stream (flagged ones included). */
  readonly accepted: number
  /** Ticks dropped. */
  readonly dropped: number
  /** Ticks kept but counted under a rule (locked quotes when not dropped). */
  readonly flagged: number
  /** Dropped and flagged ticks per rule. */
  readonly byRule: RuleCounts
}

/** Running data quality of one validator since it was created. */
export interface QualityReport extends SourceQuality {
  /** Clock time of the report, epoch ms. */
  readonly asOfMs: number
  /** The same counts per source. */
  readonly bySource: Readonly<Record<string, SourceQuality>>
  /** The last dropped or flagged tick of each rule. */
  readonly lastByRule: Readonly<Partial<Record<QualityRule, QualityIncident>>>
}
