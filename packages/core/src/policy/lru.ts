/**
 * A bounded least-recently-used map. Masking caches hold raw values as keys, so they must never grow with the
 * input: at `capacity` entries, each insertion evicts the entry used longest ago. A Map keeps insertion order, so
 * "touch" is delete + set and the oldest entry is the first key: O(1) per operation, no extra structures.
 * @public
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('LruCache capacity must be a positive integer');
  }

  get size(): number {
    return this.map.size;
  }

  /** The value for `key`, marked as most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value as K);
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }
}
