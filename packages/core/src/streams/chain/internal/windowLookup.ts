/**
 * Finds a quote's contract in the chain's window. Every chain sees every sampled quote (other underlyings' options,
 * the VIX …) and most are not its own: when all ids of the window share a length and a first character (an OSI
 * root, as they do), a quote differing in either is turned away without hashing its id. Answers exactly what
 * `window.get(id)` answers.
 */
export class WindowLookup<V> {
  private readonly length: number = -1
  private readonly head: number = -1
  /** Ids of different shapes (or an empty id): every look-up goes to the map. */
  private readonly lookupAll: boolean = false

  /**
   * @param window - The window by instrument id; not mutated afterwards (the engine replaces it instead).
   */
  constructor(private readonly window: ReadonlyMap<string, V>) {
    for (const id of window.keys()) {
      if (id.length === 0 || (this.length !== -1 && (id.length !== this.length || id.charCodeAt(0) !== this.head))) {
        this.lookupAll = true
        return
      }
      this.length = id.length
      this.head = id.charCodeAt(0)
    }
  }

  /**
   * The window's entry for an id.
   *
   * @param id - A quote's instrument id (anything, for malformed quotes).
   * @returns The entry, or `undefined` when the id is not in the window.
   */
  get(id: unknown): V | undefined {
    if (this.lookupAll) return this.window.get(id as string)
    return typeof id === 'string' && id.length === this.length && id.charCodeAt(0) === this.head
      ? this.window.get(id)
      : undefined
  }
}
