import { ObjectUnsubscribedError, Subject, type Subscription, share } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { HotSubject } from './hotSubject.js'

describe('HotSubject', () => {
  test('delivers each value to every subscriber in the order they subscribed', () => {
    const subject = new HotSubject<number>()
    const seen: string[] = []
    subject.observable.subscribe((value) => seen.push(`a${value}`))
    subject.observable.subscribe((value) => seen.push(`b${value}`))
    subject.next(1)
    subject.next(2)
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2'])
  })

  test('stops delivering to a subscriber once it unsubscribes, even in the middle of a delivery', () => {
    const subject = new HotSubject<number>()
    const seen: string[] = []
    let second: Subscription | undefined
    const first = subject.observable.subscribe((value) => {
      seen.push(`a${value}`)
      if (value === 2) second?.unsubscribe()
    })
    second = subject.observable.subscribe((value) => seen.push(`b${value}`))
    subject.next(1)
    subject.next(2)
    subject.next(3)
    first.unsubscribe()
    subject.next(4)
    expect(seen).toEqual(['a1', 'b1', 'a2', 'a3'])
  })

  test('a subscriber added during a delivery receives the next value, not the current one', () => {
    const subject = new HotSubject<number>()
    const seen: string[] = []
    let added = false
    subject.observable.subscribe((value) => {
      seen.push(`a${value}`)
      if (!added) {
        added = true
        subject.observable.subscribe((late) => seen.push(`b${late}`))
      }
    })
    subject.next(1)
    subject.next(2)
    expect(seen).toEqual(['a1', 'a2', 'b2'])
  })

  test('delivers nothing without subscribers', () => {
    const subject = new HotSubject<number>()
    expect(() => subject.next(1)).not.toThrow()
    const seen: number[] = []
    subject.observable.subscribe((value) => seen.push(value))
    subject.next(2)
    expect(seen).toEqual([2])
  })

  test('ends like a Subject: later values ignored, late subscribers get the ending at once', () => {
    const seen: string[] = []
    const subject = new HotSubject<number>()
    subject.subscribe({ next: (v) => seen.push(`a${v}`), complete: () => seen.push('a done') })
    subject.next(1)
    subject.complete()
    subject.next(2)
    subject.subscribe({ next: (v) => seen.push(`b${v}`), complete: () => seen.push('b done') })
    const failed = new HotSubject<number>()
    const boom = new Error('boom')
    failed.error(boom)
    failed.subscribe({ error: (error: unknown) => seen.push(`c ${(error as Error).message}`) })
    expect(seen).toEqual(['a1', 'a done', 'b done', 'c boom'])
    expect(subject.observed).toBe(false)
  })

  test('throws on next after unsubscribe, as a closed Subject does', () => {
    const subject = new HotSubject<number>()
    subject.subscribe(() => undefined)
    expect(subject.observed).toBe(true)
    subject.unsubscribe()
    expect(subject.closed).toBe(true)
    expect(subject.observed).toBe(false)
    expect(() => subject.next(1)).toThrow(ObjectUnsubscribedError)
  })

  test('as the connector of share() it multicasts exactly like the default Subject', () => {
    const run = (connector?: () => HotSubject<number>) => {
      const source = new Subject<number>()
      const shared = source.pipe(connector ? share({ connector }) : share())
      const seen: string[] = []
      const a = shared.subscribe((v) => seen.push(`a${v}`))
      source.next(1)
      shared.subscribe({ next: (v) => seen.push(`b${v}`), complete: () => seen.push('b done') })
      source.next(2)
      a.unsubscribe()
      source.next(3)
      source.complete()
      return seen
    }
    expect(run(() => new HotSubject<number>())).toEqual(run())
    expect(run()).toEqual(['a1', 'a2', 'b2', 'b3', 'b done'])
  })
})
