import type { DuplicatePolicy } from '../validatorOptions.js'

/** Timestamp fields every validated event carries. */
export interface Stamped {
  readonly instrumentId: string
  readonly timestampMs: number
  readonly timestampNs?: bigint
}

interface LastSeen<T> {
  event: T | undefined
}

/** Outcome of {@link SequenceGuard.check}. */
export type SequenceVerdict = 'ok' | 'out_of_order' | 'duplicate'

/**
 * Tracks the last accepted event per source and instrument to catch out-of-order and duplicate timestamps.
 * Nanosecond stamps are compared when both events have them, milliseconds otherwise.
 */
export class SequenceGuard<T extends Stamped> {
  private readonly bySource = new Map<string, Map<string, LastSeen<T>>>()
  // Most streams have one source: remember the last one's map to skip a lookup.
  private lastSource: string | undefined
  private lastInstruments: Map<string, LastSeen<T>> | undefined
  // The slot `check` found, so `accept` of the same event needs no lookup.
  private checked: LastSeen<T> | undefined

  constructor(
    private readonly policy: DuplicatePolicy,
    private readonly samePayload: (a: T, b: T) => boolean,
  ) {}

  check(source: string, event: T): SequenceVerdict {
    const slot = this.slotOf(source, event.instrumentId)
    this.checked = slot
    const last = slot.event
    if (last === undefined) return 'ok'
    const order = compareStamps(event, last)
    if (order < 0) return 'out_of_order'
    if (order > 0 || this.policy === 'keep') return 'ok'
    if (this.policy === 'drop' || this.samePayload(event, last)) return 'duplicate'
    return 'ok'
  }

  /** Records `event` as the last accepted one of its source and instrument. */
  accept(source: string, event: T): void {
    const slot = this.checked ?? this.slotOf(source, event.instrumentId)
    this.checked = undefined
    slot.event = event
  }

  private slotOf(source: string, instrumentId: string): LastSeen<T> {
    let instruments = source === this.lastSource ? this.lastInstruments : this.bySource.get(source)
    if (instruments === undefined) {
      instruments = new Map()
      this.bySource.set(source, instruments)
    }
    this.lastSource = source
    this.lastInstruments = instruments
    let slot = instruments.get(instrumentId)
    if (slot === undefined) {
      slot = { event: undefined }
      instruments.set(instrumentId, slot)
    }
    return slot
  }
}

function compareStamps(a: Stamped, b: Stamped): number {
  if (typeof a.timestampNs === 'bigint' && typeof b.timestampNs === 'bigint') {
    return a.timestampNs < b.timestampNs ? -1 : a.timestampNs > b.timestampNs ? 1 : 0
  }
  return a.timestampMs - b.timestampMs
}
