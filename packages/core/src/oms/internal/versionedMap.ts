/**
 * A Map that counts its changes, so that results derived from its contents can be kept until it changes. Every
 * mutation (`set`, `delete` of a present key, `clear` of a non-empty map) moves `version` on.
 */
export class VersionedMap<K, V> extends Map<K, V> {
  private changes = 0

  /** Changes so far. */
  get version(): number {
    return this.changes
  }

  override set(key: K, value: V): this {
    this.changes++
    return super.set(key, value)
  }

  override delete(key: K): boolean {
    const deleted = super.delete(key)
    if (deleted) this.changes++
    return deleted
  }

  override clear(): void {
    if (this.size > 0) this.changes++
    super.clear()
  }
}
