import type { Clock } from '../../../clock/clock.js'
import type { HotSubject } from '../../internal/hotSubject.js'
import type { QualityReport } from '../qualityReport.js'
import type { QualityRule } from '../qualityRule.js'
import type { ParsedValidatorOptions } from '../validatorOptions.js'
import { QualityLedger } from './qualityLedger.js'
import { SequenceGuard, type SequenceVerdict, type Stamped } from './sequenceGuard.js'
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
  /** Dense index of every instrument seen by the ordering rules, shared by the sequence and spike state. */
  private readonly instruments = new Map<string, number>()

  constructor(
    options: ParsedValidatorOptions,
    private readonly rules: TickRules<T>,
    private readonly reports: HotSubject<QualityReport>,
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
      return this.dropThrown(input, error)
    }
  }

  /** The common path (a clean tick) builds no strings: every drop and its reason are out of line. */
  private inspect(input: unknown): boolean {
    const rules = this.rules
    const malformed = rules.malformed(input)
    if (malformed !== undefined) return this.dropMalformed(input, malformed)
    const event = input as T
    const source = typeof event.source === 'string' ? event.source : UNKNOWN_SOURCE
    const broken = rules.values(event)
    if (broken !== undefined) return this.drop(source, broken.rule, broken.reason, event)
    const nowMs = this.clock.now()
    const eventMs = event.timestampMs
    if (eventMs - nowMs > this.maxFutureMs) return this.dropFuture(source, event, eventMs, nowMs)
    if (nowMs - eventMs > this.maxAgeMs) return this.dropStale(source, event, eventMs, nowMs)
    const instrument = this.indexOf(event.instrumentId)
    const order = this.sequence.check(source, instrument, event, eventMs)
    if (order !== 'ok') return this.dropOutOfSequence(source, order, event)
    const flagged = rules.flag(event)
    if (flagged !== undefined && rules.dropFlagged) return this.drop(source, flagged.rule, flagged.reason, event)
    const spikes = this.spikes
    if (spikes !== undefined) {
      const spike = spikes.check(instrument, rules.spikePrice(event), eventMs)
      if (spike !== undefined) return this.drop(source, 'spike', spike, event)
    }
    this.sequence.accept(source, instrument, event, eventMs)
    this.ledger.accept(source)
    if (flagged !== undefined) this.record(source, flagged.rule, flagged.reason, false, event)
    return true
  }

  private indexOf(instrumentId: string): number {
    let index = this.instruments.get(instrumentId)
    if (index === undefined) {
      index = this.instruments.size
      this.instruments.set(instrumentId, index)
    }
    return index
  }

  private drop(source: string, rule: QualityRule, reason: string, event: unknown): false {
    this.record(source, rule, reason, true, event)
    return false
  }

  /** A hostile object (throwing getter, revoked proxy) counts as malformed instead of breaking the stream. */
  private dropThrown(input: unknown, error: unknown): false {
    this.record(sourceOf(input), 'malformed', `inspection threw: ${String(error)}`, true, input)
    return false
  }

  private dropMalformed(input: unknown, reason: string): false {
    this.record(sourceOf(input), 'malformed', reason, true, input)
    return false
  }

  private dropFuture(source: string, event: T, eventMs: number, nowMs: number): false {
    return this.drop(source, 'future', `event time ${eventMs} is ${eventMs - nowMs} ms ahead`, event)
  }

  private dropStale(source: string, event: T, eventMs: number, nowMs: number): false {
    const reason = `event time ${eventMs} is ${nowMs - eventMs} ms old (max ${this.maxAgeMs})`
    return this.drop(source, 'stale', reason, event)
  }

  private dropOutOfSequence(source: string, order: Exclude<SequenceVerdict, 'ok'>, event: T): false {
    return order === 'out_of_order'
      ? this.drop(source, 'out_of_order', 'timestamp earlier than the last accepted', event)
      : this.drop(source, 'duplicate_timestamp', 'timestamp equal to the last accepted', event)
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
