import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription } from 'rxjs'

/**
 * When {@link conflateByKey} releases the values it holds.
 * - `scheduler`: on the scheduler's next tick after a value arrives (`delayMs` later), so bursts conflate.
 * - `tick$`: on every emission of `tick$` (animation frames, a render interval).
 * - `demand$`: when the consumer asks. Each emission of `demand$` releases what is held (one value per key); when
 *   nothing is held, the next value passes at once. Emit on `demand$` when the consumer is ready for more.
 */
export type ConflationTrigger =
  | { readonly scheduler: SchedulerLike; readonly delayMs?: number }
  | { readonly tick$: Observable<unknown> }
  | { readonly demand$: Observable<unknown> }

/**
 * Per-key conflation: holds at most one value per key — the latest — until the trigger releases them, in the order
 * the keys first became pending. A slow consumer therefore gets the latest value of each instrument instead of an
 * ever-growing queue. When the source completes the held values still go out before the completion: at once with
 * the `scheduler` and `tick$` triggers, on the next demand with `demand$`.
 *
 * @param keyFn - Key of a value (for example the instrument id).
 * @param trigger - When to release; see {@link ConflationTrigger}.
 * @returns The operator.
 * @example
 * ```ts
 * const ready$ = new BehaviorSubject<void>(undefined)
 * chainUpdates$
 *   .pipe(
 *     conflateByKey((update) => update.instrumentId, { demand$: ready$ }),
 *     concatMap((update) => render(update).pipe(finalize(() => ready$.next()))),
 *   )
 *   .subscribe()
 * ```
 */
export function conflateByKey<T, K>(keyFn: (value: T) => K, trigger: ConflationTrigger): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let held = new Map<K, T>()
      let spare = new Map<K, T>()
      let ready = false
      let completing = false
      let releasing = false
      let scheduled: Subscription | undefined

      // Values that arrive while a batch is going out (a consumer feeding back synchronously) wait for the next one.
      const release = (): boolean => {
        if (releasing || held.size === 0) return false
        releasing = true
        const batch = held
        held = spare
        spare = batch
        try {
          for (const value of batch.values()) subscriber.next(value)
        } finally {
          batch.clear()
          releasing = false
        }
        return true
      }

      let onValue: () => void = () => undefined
      const triggerSubscription =
        'scheduler' in trigger
          ? undefined
          : 'tick$' in trigger
            ? trigger.tick$.subscribe(() => release())
            : trigger.demand$.subscribe(() => {
                ready = !release()
                if (completing) subscriber.complete()
              })
      if ('scheduler' in trigger) {
        onValue = () => {
          scheduled ??= trigger.scheduler.schedule(() => {
            scheduled = undefined
            release()
          }, trigger.delayMs ?? 0)
        }
      } else if ('demand$' in trigger) {
        onValue = () => {
          if (ready) {
            ready = false
            release()
          }
        }
      }

      const sourceSubscription = source.subscribe({
        next: (value) => {
          held.set(keyFn(value), value)
          onValue()
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          // A demand-driven consumer still gets the held values only when it asks, keeping the one-per-key bound.
          if ('demand$' in trigger && !ready && held.size > 0) {
            completing = true
            return
          }
          release()
          subscriber.complete()
        },
      })
      return () => {
        sourceSubscription.unsubscribe()
        triggerSubscription?.unsubscribe()
        scheduled?.unsubscribe()
      }
    })
}
