import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import type { OperatorContext } from './operator.js';
import { LruCache } from '../policy/lru.js';

/** The ring of a keyed operator, or KAMEN_ERR_KEY_REQUIRED: a keyed operator never silently runs unkeyed. */
export function requireKeys(op: string, ctx: Pick<OperatorContext, 'keys'>): KeyRing {
  if (ctx.keys === undefined)
    throw coreError('KAMEN_ERR_KEY_REQUIRED', `${op} needs a key ring (--key-file or keygen)`);
  return ctx.keys;
}

/** Subkey purpose per tenant: two tenants on one master key never share hashes, tokens or FPE permutations. */
export const purposeFor = (purpose: string, tenant: string | undefined): string =>
  tenant === undefined ? purpose : `${purpose}\u0000tenant:${tenant}`;

/**
 * Per-ring caches of derived key material (cipher objects, S2V state), keyed by kid, tenant, entity and the like.
 * Bounded (a proxy serving many tenants, or a JSON file with many field paths, must not grow them without end)
 * and weakly tied to the ring, so a dropped ring takes its material with it. Never holds values or tokens.
 */
export function perRing<V>(capacity: number): (ring: KeyRing) => LruCache<string, V> {
  const rings = new WeakMap<KeyRing, LruCache<string, V>>();
  return (ring) => {
    let c = rings.get(ring);
    if (c === undefined) rings.set(ring, (c = new LruCache<string, V>(capacity)));
    return c;
  };
}

/** Cache id of a kid and tenant: no tenant and tenant '' derive different subkeys, so they must not share one. */
export const tenantId = (kid: string, tenant: string | undefined): string =>
  tenant === undefined ? kid : `${kid}\u0000${tenant}`;

/**
 * Key material derived once per ring, kid and tenant (HKDF and key setup per stream, not per value), at most
 * `capacity` per ring. Keyed by the kid too, so a ring whose primary changes never gets stale material.
 */
export function perTenantKey<V>(
  capacity: number,
  derive: (keys: KeyRing, kid: string, tenant: string | undefined) => V,
): (keys: KeyRing, kid: string, tenant: string | undefined) => V {
  const caches = perRing<V>(capacity);
  return (keys, kid, tenant) => {
    const cache = caches(keys);
    const id = tenantId(kid, tenant);
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const made = derive(keys, kid, tenant);
    cache.set(id, made);
    return made;
  };
}
