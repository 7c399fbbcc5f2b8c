import { hkdfSync, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { coreError } from '../errors.js';
import type { KeyRing } from './keyring.js';

/** One master key on a ring: 32 random bytes and an id that tokens carry. */
export interface KeyEntry {
  readonly id: string;
  readonly key: Uint8Array;
  readonly created?: string;
}

/** Key ids appear inside tokens (PSN_<TYPE>_<kid>_…), so they are short and cannot contain the token separator. */
export const KEY_ID = /^[A-Za-z0-9]{1,16}$/u;

const SALT = Buffer.from('kamen/v1', 'utf8');

/**
 * A ring held in memory. Master keys sit in a closure-private Map of Buffers, so neither JSON.stringify,
 * util.inspect nor a stray console.log can print them; both show only the ids.
 */
class MemoryKeyRing implements KeyRing {
  readonly primaryId: string;
  readonly ids: readonly string[];
  readonly #keys: Map<string, Buffer>;
  readonly #cache = new Map<string, Uint8Array>();

  constructor(keys: Map<string, Buffer>, primaryId: string) {
    this.#keys = keys;
    this.primaryId = primaryId;
    this.ids = Object.freeze([...keys.keys()]);
  }

  subkey(purpose: string, kid?: string): Uint8Array {
    const id = kid ?? this.primaryId;
    const cacheKey = `${id}\u0000${purpose}`;
    const hit = this.#cache.get(cacheKey);
    if (hit !== undefined) return hit.slice();
    const master = this.#keys.get(id);
    if (master === undefined) throw coreError('KAMEN_ERR_KEY_UNKNOWN', `no key with id '${safeId(id)}'`);
    // HKDF info = purpose; the kid is implicit in the master key. One master never serves two algorithms.
    const sub = new Uint8Array(hkdfSync('sha256', master, SALT, Buffer.from(purpose, 'utf8'), 32));
    this.#cache.set(cacheKey, sub);
    return sub.slice();
  }

  toJSON(): { primaryId: string; ids: readonly string[] } {
    return { primaryId: this.primaryId, ids: this.ids };
  }

  [inspect.custom](): string {
    return `KeyRing { primaryId: '${this.primaryId}', ids: [${this.ids.map((i) => `'${i}'`).join(', ')}] }`;
  }

  toString(): string {
    return this[inspect.custom]();
  }
}

/** Ids in messages are trimmed and restricted so an error cannot carry arbitrary (possibly secret) text. */
function safeId(id: string): string {
  return KEY_ID.test(id) ? id : '<invalid id>';
}

/**
 * Builds a ring from key entries. Throws KAMEN_ERR_KEY_FILE for a bad id, a duplicate id, a key that is not
 * 32 bytes, or a primary id that is not among the entries. The key bytes are copied.
 * @public
 */
export function createKeyRing(entries: readonly KeyEntry[], primaryId?: string): KeyRing {
  if (entries.length === 0) throw coreError('KAMEN_ERR_KEY_FILE', 'the key ring has no keys');
  const keys = new Map<string, Buffer>();
  for (const e of entries) {
    if (typeof e.id !== 'string' || !KEY_ID.test(e.id))
      throw coreError('KAMEN_ERR_KEY_FILE', 'a key id must be 1-16 ASCII letters or digits');
    if (keys.has(e.id)) throw coreError('KAMEN_ERR_KEY_FILE', `duplicate key id '${e.id}'`);
    if (!(e.key instanceof Uint8Array) || e.key.length !== 32)
      throw coreError('KAMEN_ERR_KEY_FILE', `key '${e.id}' must be exactly 32 bytes`);
    keys.set(e.id, Buffer.from(e.key));
  }
  const primary = primaryId ?? (entries[0] as KeyEntry).id;
  if (!keys.has(primary)) throw coreError('KAMEN_ERR_KEY_FILE', `primary key '${safeId(primary)}' is not on the ring`);
  return new MemoryKeyRing(keys, primary);
}

/**
 * A ring with one fresh random key that lives only in memory: for runs without a key file. Its tokens can
 * never be revealed after the process exits, which is the point.
 * @public
 */
export function ephemeralKeyRing(id = 'eph'): KeyRing {
  return createKeyRing([{ id, key: randomBytes(32) }], id);
}
