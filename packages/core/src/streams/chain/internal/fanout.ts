import type { Subscriber } from 'rxjs'

/**
 * Delivers values to the subscribers currently attached, in the order they attached: what a `Subject` does for
 * `next`, without its per-value closure and iterator (the chain emits one update per option quote). Attaching or
 * detaching during a delivery takes effect from the next value, as with a `Subject`.
 */
export class Fanout<T> {
  // Replaced, never mutated, so a delivery in progress keeps walking the list it started with.
  private targets: readonly Subscriber<T>[] = []

  /**
   * Attaches a subscriber.
   *
   * @param subscriber - Receives every value delivered until detached.
   * @returns Detaches it.
   */
  attach(subscriber: Subscriber<T>): () => void {
    this.targets = [...this.targets, subscriber]
    return () => {
      this.targets = this.targets.filter((target) => target !== subscriber)
    }
  }

  /**
   * Delivers a value to every attached subscriber.
   *
   * @param value - The value.
   */
  next(value: T): void {
    const targets = this.targets
    for (let i = 0; i < targets.length; i++) targets[i]?.next(value)
  }
}
