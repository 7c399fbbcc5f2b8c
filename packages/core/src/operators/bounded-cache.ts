/**
 * A Map that keeps at most `max` entries, dropping the least recently used: per-key cipher state of the keyed
 * operators is cached by key id, tenant, entity (and, for fpe, field), and a proxy serving many tenants or a
 * JSON file with many field paths must not grow it without end. Holds derived key material only, never values.
 */
export class BoundedCache<K, V> {
  readonly #max: number;
  readonly #map = new Map<K, V>();

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('BoundedCache needs max ≥ 1');
    this.#max = max;
  }

  get size(): number {
    return this.#map.size;
  }

  /** The entry for `key`, which becomes the most recently used; undefined on a miss. */
  get(key: K): V | undefined {
    const hit = this.#map.get(key);
    if (hit !== undefined) {
      // Maps iterate in insertion order: re-inserting moves the entry to the young end.
      this.#map.delete(key);
      this.#map.set(key, hit);
    }
    return hit;
  }

  /** Stores `value` (dropping the least recently used entry beyond the bound) and returns it. */
  set(key: K, value: V): V {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as K);
    return value;
  }
}

/** One bounded cache per key ring: a dropped ring takes its derived material with it. */
export function perRing<R extends object, V>(max: number): (ring: R) => BoundedCache<string, V> {
  const rings = new WeakMap<R, BoundedCache<string, V>>();
  return (ring) => {
    let c = rings.get(ring);
    if (c === undefined) rings.set(ring, (c = new BoundedCache<string, V>(max)));
    return c;
  };
}
