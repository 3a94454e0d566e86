import { BehaviorSubject, concatMap, finalize, of, Subject, tap, delay as wait } from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import { conflateByKey } from './conflateByKey.js'

interface Tick {
  readonly key: string
  readonly n: number
}
const keyOf = (tick: Tick) => tick.key
const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected))

describe('conflateByKey', () => {
  test('scheduler trigger: a burst releases the latest value of each key once', () => {
    const scheduler = newScheduler()
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: { key: 'A', n: 1 }, b: { key: 'B', n: 1 }, c: { key: 'A', n: 2 }, d: { key: 'A', n: 3 } }
      const source = cold('(abcd)---a--|', values)
      expectObservable(source.pipe(conflateByKey(keyOf, { scheduler, delayMs: 2 }))).toBe('--(db)-----a|', values)
    })
  })

  test('tick trigger: releases held values on every tick, nothing when idle', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const values = { a: { key: 'A', n: 1 }, b: { key: 'A', n: 2 }, c: { key: 'B', n: 1 } }
      const tick$ = hot('---t---t---t')
      const source = cold('ab-c-------|', values)
      expectObservable(source.pipe(conflateByKey(keyOf, { tick$ }))).toBe('---b---c---|', values)
    })
  })

  test('releases what is held when the source completes', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const values = { a: { key: 'A', n: 1 }, b: { key: 'B', n: 1 } }
      const tick$ = cold('-')
      expectObservable(cold('ab|', values).pipe(conflateByKey(keyOf, { tick$ }))).toBe('--(ab|)', values)
    })
  })

  test('a slow consumer never queues more than one value per key and always gets the latest', () => {
    const scheduler = newScheduler()
    scheduler.run(({ expectObservable }) => {
      const source = new Subject<Tick>()
      const ready$ = new BehaviorSubject<void>(undefined)
      let given = 0
      let done = 0
      let maxQueued = 0
      const seen: Tick[] = []
      // The consumer spends 10 ms on each value and asks for more once it has worked through what it was given;
      // the producer sends 3 keys every millisecond for 100 ms.
      source
        .pipe(
          conflateByKey(keyOf, { demand$: ready$ }),
          tap(() => {
            given++
            maxQueued = Math.max(maxQueued, given - done)
          }),
          concatMap((tick) =>
            of(tick).pipe(
              wait(10, scheduler),
              finalize(() => {
                done++
                seen.push(tick)
                if (done === given) ready$.next()
              }),
            ),
          ),
        )
        .subscribe()
      for (let ms = 0; ms < 100; ms++) {
        scheduler.schedule(() => {
          for (const key of ['A', 'B', 'C']) source.next({ key, n: ms })
        }, ms)
      }
      scheduler.schedule(() => source.complete(), 100)
      expectObservable(of(true).pipe(wait(200, scheduler))).toBe('200ms (a|)', { a: true })
      scheduler.schedule(() => {
        expect(maxQueued).toBeLessThanOrEqual(3)
        // Far fewer than the 300 values produced reach the consumer…
        expect(seen.length).toBeLessThan(40)
        // …and the last value of every key does.
        for (const key of ['A', 'B', 'C']) {
          expect(seen.filter((tick) => tick.key === key).at(-1)?.n).toBe(99)
        }
      }, 199)
    })
  })

  test('demand trigger: an idle consumer gets the next value at once', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const values = { a: { key: 'A', n: 1 }, b: { key: 'A', n: 2 }, c: { key: 'A', n: 3 } }
      const demand$ = hot('d-----d', { d: undefined })
      expectObservable(cold('a-bc---|', values).pipe(conflateByKey(keyOf, { demand$ }))).toBe('a-----c|', values)
    })
  })
})
