import type { DuplicatePolicy } from '../validatorOptions.js'

/** Timestamp fields every validated event carries. */
export interface Stamped {
  readonly instrumentId: string
  readonly timestampMs: number
  readonly timestampNs?: bigint
}

/** Outcome of {@link SequenceGuard.check}. */
export type SequenceVerdict = 'ok' | 'out_of_order' | 'duplicate'

/**
 * The last accepted event of every instrument of one source, by dense instrument index. Its millisecond stamp is kept
 * beside it (NaN before the first; accepted stamps are finite, the value rules drop the rest), so the common
 * comparison reads a packed array rather than the long since cold event object.
 */
class SourceTrack<T> {
  timesMs = new Float64Array(16).fill(Number.NaN)
  readonly events: (T | undefined)[] = []

  /** Makes room for `instrument`. */
  reserve(instrument: number): void {
    while (this.events.length <= instrument) this.events.push(undefined)
    if (this.timesMs.length <= instrument) {
      const grown = new Float64Array(Math.max(2 * this.timesMs.length, instrument + 1)).fill(Number.NaN)
      grown.set(this.timesMs)
      this.timesMs = grown
    }
  }
}

/**
 * Tracks the last accepted event per source and instrument to catch out-of-order and duplicate timestamps.
 * Nanosecond stamps are compared when both events have them, milliseconds otherwise. Instruments are dense indices
 * (`0, 1, 2, …`, assigned by the caller).
 */
export class SequenceGuard<T extends Stamped> {
  private readonly bySource = new Map<string, SourceTrack<T>>()
  // Most streams have one source: remember the last one's track to skip a lookup.
  private lastSource: string | undefined
  private lastTrack: SourceTrack<T> | undefined
  // The track `check` used, so `accept` of the same event needs no lookup.
  private checked: SourceTrack<T> | undefined

  constructor(
    private readonly policy: DuplicatePolicy,
    private readonly samePayload: (a: T, b: T) => boolean,
  ) {}

  /**
   * Compares `event` (stamped `eventMs`, its `timestampMs`) with the last accepted event of its source and
   * instrument.
   *
   * @returns `ok`, or the broken rule.
   */
  check(source: string, instrument: number, event: T, eventMs: number): SequenceVerdict {
    const track = this.trackOf(source, instrument)
    this.checked = track
    const lastMs = track.timesMs[instrument] ?? Number.NaN
    if (Number.isNaN(lastMs)) return 'ok'
    const order = compareStamps(event, eventMs, track, instrument, lastMs)
    if (order < 0) return 'out_of_order'
    if (order > 0 || this.policy === 'keep') return 'ok'
    const last = track.events[instrument]
    if (this.policy === 'drop' || (last !== undefined && this.samePayload(event, last))) return 'duplicate'
    return 'ok'
  }

  /**
   * Records `event` (stamped `eventMs`) as the last accepted one of its source and instrument; call it after
   * {@link SequenceGuard.check} of the same event.
   */
  accept(source: string, instrument: number, event: T, eventMs: number): void {
    const track = this.checked ?? this.trackOf(source, instrument)
    this.checked = undefined
    track.events[instrument] = event
    track.timesMs[instrument] = eventMs
  }

  private trackOf(source: string, instrument: number): SourceTrack<T> {
    let track = source === this.lastSource ? this.lastTrack : this.bySource.get(source)
    if (track === undefined) {
      track = new SourceTrack<T>()
      this.bySource.set(source, track)
    }
    this.lastSource = source
    this.lastTrack = track
    track.reserve(instrument)
    return track
  }
}

function compareStamps<T extends Stamped>(
  event: T,
  eventMs: number,
  track: SourceTrack<T>,
  instrument: number,
  lastMs: number,
): number {
  // Only an event with a nanosecond stamp needs the previous event itself.
  const eventNs = event.timestampNs
  if (typeof eventNs === 'bigint') {
    const lastNs = track.events[instrument]?.timestampNs
    if (typeof lastNs === 'bigint') return eventNs < lastNs ? -1 : eventNs > lastNs ? 1 : 0
  }
  return eventMs - lastMs
}
