import { describe, expect, test } from 'vitest'
import { SequenceGuard, type Stamped } from './sequenceGuard.js'

interface Tick extends Stamped {
  readonly price: number
}

const tick = (instrumentId: string, timestampMs: number, price = 1, timestampNs?: bigint): Tick =>
  timestampNs === undefined ? { instrumentId, timestampMs, price } : { instrumentId, timestampMs, price, timestampNs }

/** Checks then, when in order, accepts, as the inspector does. */
function feed(guard: SequenceGuard<Tick>, source: string, instrument: number, event: Tick): string {
  const verdict = guard.check(source, instrument, event, event.timestampMs)
  if (verdict === 'ok') guard.accept(source, instrument, event, event.timestampMs)
  return verdict
}

describe('SequenceGuard', () => {
  test('orders each source and instrument on its own, past the first allocation', () => {
    const guard = new SequenceGuard<Tick>('drop_identical', (a, b) => a.price === b.price)
    for (let instrument = 0; instrument < 40; instrument++) {
      expect(feed(guard, 'a', instrument, tick(`I${instrument}`, 10))).toBe('ok')
    }
    expect(feed(guard, 'b', 39, tick('I39', 5))).toBe('ok')
    for (let instrument = 0; instrument < 40; instrument++) {
      expect(feed(guard, 'a', instrument, tick(`I${instrument}`, 9))).toBe('out_of_order')
    }
    expect(feed(guard, 'b', 39, tick('I39', 4))).toBe('out_of_order')
    expect(feed(guard, 'b', 39, tick('I39', 6))).toBe('ok')
    expect(feed(guard, 'a', 39, tick('I39', 11))).toBe('ok')
  })

  test('applies the duplicate policy to equal stamps', () => {
    const same = (a: Tick, b: Tick) => a.price === b.price
    const identical = new SequenceGuard<Tick>('drop_identical', same)
    feed(identical, 's', 0, tick('X', 5, 1))
    expect(feed(identical, 's', 0, tick('X', 5, 1))).toBe('duplicate')
    expect(feed(identical, 's', 0, tick('X', 5, 2))).toBe('ok')
    const drop = new SequenceGuard<Tick>('drop', same)
    feed(drop, 's', 0, tick('X', 5, 1))
    expect(feed(drop, 's', 0, tick('X', 5, 2))).toBe('duplicate')
    const keep = new SequenceGuard<Tick>('keep', same)
    feed(keep, 's', 0, tick('X', 5, 1))
    expect(feed(keep, 's', 0, tick('X', 5, 1))).toBe('ok')
  })

  test('compares nanoseconds when both events have them, milliseconds otherwise', () => {
    const guard = new SequenceGuard<Tick>('drop', () => true)
    feed(guard, 's', 0, tick('X', 5, 1, 5_000_002n))
    expect(feed(guard, 's', 0, tick('X', 5, 1, 5_000_001n))).toBe('out_of_order')
    expect(feed(guard, 's', 0, tick('X', 5, 1, 5_000_003n))).toBe('ok')
    expect(feed(guard, 's', 0, tick('X', 5, 1))).toBe('duplicate')
    expect(feed(guard, 's', 0, tick('X', 6, 1))).toBe('ok')
  })
})
