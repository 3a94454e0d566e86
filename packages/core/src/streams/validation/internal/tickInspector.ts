import type { Subject } from 'rxjs'
import type { Clock } from '../../../clock/clock.js'
import type { QualityReport } from '../qualityReport.js'
import type { QualityRule } from '../qualityRule.js'
import type { ParsedValidatorOptions } from '../validatorOptions.js'
import { QualityLedger } from './qualityLedger.js'
import { SequenceGuard, type Stamped } from './sequenceGuard.js'
import { SpikeGuard } from './spikeGuard.js'

/** A broken rule and why. */
export interface Finding {
  readonly rule: QualityRule
  readonly reason: string
}

/** The event-kind specific half of a validator (quotes or trades). */
export interface TickRules<T extends Stamped & { readonly source?: string }> {
  /** Returns why `event` is not a well-formed `T`, or `undefined` when it is. */
  malformed(event: unknown): string | undefined
  /** First broken value rule (finiteness, prices, sizes, crossing), or `undefined`. */
  values(event: T): Finding | undefined
  /** A rule the tick breaks but may stay for (locked quotes), or `undefined`. */
  flag(event: T): Finding | undefined
  /** Whether a flag from {@link TickRules.flag} drops the tick. */
  readonly dropFlagged: boolean
  /** Price the spike rule watches. */
  spikePrice(event: T): number
  /** Whether two ticks with the same timestamp carry the same data. */
  samePayload(a: T, b: T): boolean
}

const UNKNOWN_SOURCE = 'unknown'

/**
 * Applies every rule to one tick at a time and keeps the counts. A class with number fields (disabled time rules
 * are `Infinity`) keeps the per-tick path monomorphic for the JIT.
 */
export class TickInspector<T extends Stamped & { readonly source?: string }> {
  readonly ledger = new QualityLedger()
  private readonly clock: Clock
  private readonly sequence: SequenceGuard<T>
  private readonly spikes: SpikeGuard | undefined
  private readonly maxAgeMs: number
  private readonly maxFutureMs: number

  constructor(
    options: ParsedValidatorOptions,
    private readonly rules: TickRules<T>,
    private readonly reports: Subject<QualityReport>,
  ) {
    this.clock = options.clock
    this.sequence = new SequenceGuard<T>(options.duplicateTimestamps, (a, b) => rules.samePayload(a, b))
    this.spikes = options.spike === false ? undefined : new SpikeGuard(options.spike)
    this.maxAgeMs = options.maxAgeMs === false ? Number.POSITIVE_INFINITY : options.maxAgeMs
    this.maxFutureMs = options.maxFutureMs === false ? Number.POSITIVE_INFINITY : options.maxFutureMs
  }

  /**
   * Judges one input; never throws.
   *
   * @returns Whether it goes to the clean stream.
   */
  passes(input: unknown): boolean {
    try {
      return this.inspect(input)
    } catch (error) {
      // A hostile object (throwing getter, revoked proxy) counts as malformed instead of breaking the stream.
      this.record(sourceOf(input), 'malformed', `inspection threw: ${String(error)}`, true, input)
      return false
    }
  }

  private inspect(input: unknown): boolean {
    const rules = this.rules
    const malformed = rules.malformed(input)
    if (malformed !== undefined) {
      this.record(sourceOf(input), 'malformed', malformed, true, input)
      return false
    }
    const event = input as T
    const source = typeof event.source === 'string' ? event.source : UNKNOWN_SOURCE
    const broken = rules.values(event)
    if (broken !== undefined) return this.drop(source, broken, event)
    const nowMs = this.clock.now()
    const eventMs = event.timestampMs
    if (eventMs - nowMs > this.maxFutureMs) {
      return this.drop(
        source,
        { rule: 'future', reason: `event time ${eventMs} is ${eventMs - nowMs} ms ahead` },
        event,
      )
    }
    if (nowMs - eventMs > this.maxAgeMs) {
      const reason = `event time ${eventMs} is ${nowMs - eventMs} ms old (max ${this.maxAgeMs})`
      return this.drop(source, { rule: 'stale', reason }, event)
    }
    const order = this.sequence.check(source, event)
    if (order === 'out_of_order') {
      return this.drop(source, { rule: 'out_of_order', reason: 'timestamp earlier than the last accepted' }, event)
    }
    if (order === 'duplicate') {
      return this.drop(source, { rule: 'duplicate_timestamp', reason: 'timestamp equal to the last accepted' }, event)
    }
    const flagged = rules.flag(event)
    if (flagged !== undefined && rules.dropFlagged) return this.drop(source, flagged, event)
    const spike = this.spikes?.check(event.instrumentId, rules.spikePrice(event), eventMs)
    if (spike !== undefined) return this.drop(source, { rule: 'spike', reason: spike }, event)
    this.sequence.accept(source, event)
    this.ledger.accept(source)
    if (flagged !== undefined) this.record(source, flagged.rule, flagged.reason, false, event)
    return true
  }

  private drop(source: string, finding: Finding, event: unknown): false {
    this.record(source, finding.rule, finding.reason, true, event)
    return false
  }

  private record(source: string, rule: QualityRule, reason: string, dropped: boolean, event: unknown): void {
    const atMs = this.clock.now()
    this.ledger.record(source, rule, dropped ? 'dropped' : 'flagged', reason, event, atMs)
    if (this.reports.observed) this.reports.next(this.ledger.report(atMs))
  }
}

function sourceOf(input: unknown): string {
  try {
    if (typeof input === 'object' && input !== null) {
      const source = (input as { source?: unknown }).source
      if (typeof source === 'string') return source
    }
  } catch {
    // A throwing getter leaves the source unknown.
  }
  return UNKNOWN_SOURCE
}
