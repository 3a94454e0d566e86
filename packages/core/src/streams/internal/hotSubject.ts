import {
  ObjectUnsubscribedError,
  Observable,
  type Observer,
  type SubjectLike,
  type Subscriber,
  type Subscription,
} from 'rxjs'

/** How a {@link HotSubject} ended: nothing yet, completed, or failed with an error. */
type Ending =
  | { readonly kind: 'open' }
  | { readonly kind: 'complete' }
  | { readonly kind: 'error'; readonly error: unknown }

const OPEN: Ending = { kind: 'open' }
const COMPLETE: Ending = { kind: 'complete' }

/**
 * A multicasting subject for per-tick streams (a feed's quotes, a pipeline's validated quotes): what an RxJS
 * `Subject` does, without the closure and iterator RxJS's Node build allocates on every `next` (its CommonJS build is
 * compiled to ES5). Values go to the subscribers attached when `next` starts, in the order they attached; attaching
 * or detaching during a delivery takes effect from the next value. After `complete`/`error`, later values are
 * ignored and late subscribers receive the ending at once. After `unsubscribe()`, `next` throws, as on a `Subject`.
 * Also usable as `share({ connector: () => new HotSubject() })`.
 */
export class HotSubject<T> implements SubjectLike<T> {
  // Replaced, never mutated, so a delivery in progress keeps walking the list it started with.
  private targets: readonly Subscriber<T>[] = []
  private ending: Ending = OPEN
  private disposed = false

  /** The stream to hand out: subscribing attaches to this subject. */
  readonly observable: Observable<T> = new Observable<T>((subscriber) => this.attach(subscriber))

  /** Whether anyone is attached. */
  get observed(): boolean {
    return this.targets.length > 0
  }

  /** Whether `unsubscribe()` was called. */
  get closed(): boolean {
    return this.disposed
  }

  /**
   * Attaches a subscriber.
   *
   * @param subscriber - Receives every value delivered until detached, then the ending.
   * @returns Detaches it.
   */
  attach(subscriber: Subscriber<T>): () => void {
    if (this.disposed) throw new ObjectUnsubscribedError()
    const ending = this.ending
    if (ending.kind === 'complete') subscriber.complete()
    else if (ending.kind === 'error') subscriber.error(ending.error)
    if (ending.kind !== 'open') return () => undefined
    this.targets = [...this.targets, subscriber]
    return () => {
      this.targets = this.targets.filter((target) => target !== subscriber)
    }
  }

  /**
   * Delivers a value to every attached subscriber.
   *
   * @param value - The value.
   * @throws {ObjectUnsubscribedError} After `unsubscribe()`.
   */
  next(value: T): void {
    if (this.disposed) throw new ObjectUnsubscribedError()
    if (this.ending !== OPEN) return
    const targets = this.targets
    for (let i = 0; i < targets.length; i++) targets[i]?.next(value)
  }

  /**
   * Fails every attached subscriber (and later ones) with `error`.
   *
   * @param error - The error.
   */
  error(error: unknown): void {
    this.end({ kind: 'error', error })
  }

  /** Completes every attached subscriber (and later ones). */
  complete(): void {
    this.end(COMPLETE)
  }

  /**
   * Subscribes an observer (what `share` calls on its connector).
   *
   * @param observer - The observer, or its `next` function.
   * @returns The subscription.
   */
  subscribe(observer: Partial<Observer<T>> | ((value: T) => void)): Subscription {
    return this.observable.subscribe(observer)
  }

  /** Detaches everyone without notice; `next` throws from now on. */
  unsubscribe(): void {
    this.disposed = true
    this.targets = []
  }

  private end(ending: Ending): void {
    if (this.disposed) throw new ObjectUnsubscribedError()
    if (this.ending !== OPEN) return
    this.ending = ending
    const targets = this.targets
    this.targets = []
    for (const target of targets) {
      if (ending.kind === 'error') target.error(ending.error)
      else target.complete()
    }
  }
}
