import { Observable, type Subscription } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { Fanout } from './fanout.js'

/** An observable over the fanout, as the chain exposes it. */
function observe<T>(fanout: Fanout<T>): Observable<T> {
  return new Observable<T>((subscriber) => fanout.attach(subscriber))
}

describe('Fanout', () => {
  test('delivers each value to every subscriber in the order they subscribed', () => {
    const fanout = new Fanout<number>()
    const seen: string[] = []
    observe(fanout).subscribe((value) => seen.push(`a${value}`))
    observe(fanout).subscribe((value) => seen.push(`b${value}`))
    fanout.next(1)
    fanout.next(2)
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2'])
  })

  test('stops delivering to a subscriber once it unsubscribes, even in the middle of a delivery', () => {
    const fanout = new Fanout<number>()
    const seen: string[] = []
    let second: Subscription | undefined
    const first = observe(fanout).subscribe((value) => {
      seen.push(`a${value}`)
      if (value === 2) second?.unsubscribe()
    })
    second = observe(fanout).subscribe((value) => seen.push(`b${value}`))
    fanout.next(1)
    fanout.next(2)
    fanout.next(3)
    first.unsubscribe()
    fanout.next(4)
    expect(seen).toEqual(['a1', 'b1', 'a2', 'a3'])
  })

  test('a subscriber added during a delivery receives the next value, not the current one', () => {
    const fanout = new Fanout<number>()
    const seen: string[] = []
    let added = false
    observe(fanout).subscribe((value) => {
      seen.push(`a${value}`)
      if (!added) {
        added = true
        observe(fanout).subscribe((late) => seen.push(`b${late}`))
      }
    })
    fanout.next(1)
    fanout.next(2)
    expect(seen).toEqual(['a1', 'a2', 'b2'])
  })

  test('delivers nothing without subscribers', () => {
    const fanout = new Fanout<number>()
    expect(() => fanout.next(1)).not.toThrow()
    const seen: number[] = []
    observe(fanout).subscribe((value) => seen.push(value))
    fanout.next(2)
    expect(seen).toEqual([2])
  })
})
