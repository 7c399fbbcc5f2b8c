/**
 * A bounded cache that keeps recently used entries: two generations of at most capacity / 2 entries each. Lookups
 * hit the young generation first; a hit in the old one moves the entry to the young one; when the young one is full
 * it becomes the old one and the previous old one is dropped. Masking caches hold raw values as keys, so they must
 * never grow with the input: there are never more than `capacity` entries. An entry used at least once per
 * capacity / 2 insertions is never evicted. Unlike a strict LRU (Map delete + re-insert on every hit, measurably
 * slow on hot columns), a hit in the young generation is a single Map lookup.
 * @public
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError('LruCache capacity must be an integer ≥ 2');
    this.half = Math.floor(capacity / 2);
  }

  /** Entries held (young and old generation). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  /** The value for `key` (marked as recently used), or undefined. */
  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.insert(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.has(key)) {
      this.young.set(key, value);
      return;
    }
    this.old.delete(key);
    this.insert(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  private insert(key: K, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
