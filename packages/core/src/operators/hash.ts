import { coreError } from '../errors.js';
import { HmacSha256 } from '../keys/hmac-sha256.js';
import type { Operator } from './operator.js';
import { intParam, readParams, SMALL_DOMAIN_TYPES } from './params.js';
import { perTenantKey, purposeFor, requireKeys } from './keyed.js';

/** Policy parameters of `hash`. */
export interface HashParams {
  /** Output alphabet: 'hex' (default, 64 chars) or 'base64url' (43 chars). */
  readonly encoding?: 'hex' | 'base64url';
  /** Keep only the first N characters (N ≥ 16). */
  readonly truncate?: number;
  /** Must be true or absent: an unkeyed hash of a small-domain value is reversible by enumeration (KM-01). */
  readonly keyed?: boolean;
}

interface HashConfig {
  readonly encoding: 'hex' | 'base64url';
  readonly truncate: number | undefined;
}

/**
 * The primary key's 'hash' subkey, its HMAC pad states computed once per ring and tenant (at most 256 tenants per
 * ring): per value, two SHA-256 compressions instead of a native HMAC set up per call.
 */
const hmacKey = perTenantKey<HmacSha256>(256, (keys, kid, tenant) => {
  const sub = keys.subkey(purposeFor('hash', tenant), kid);
  const made = new HmacSha256(sub);
  sub.fill(0);
  return made;
});

/**
 * The NFKC form of `value`. NFKC changes no character of U+0000–U+007F (none has a compatibility decomposition or
 * composes with another), so an ASCII value (employee ids, codes) is its own form: a loop of a few nanoseconds
 * instead of an ICU call (~70 ns of a ~1.2 µs hashed value).
 */
function nfkc(value: string): string {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return value.normalize('NFKC');
  return value;
}

/**
 * `hash`: HMAC-SHA-256 under the ring's 'hash' subkey over the NFKC form of the value, so ＡＢＣ and ABC join.
 * Deterministic per key and tenant; irreversible. There is no unkeyed mode.
 */
export const hashOperator: Operator<HashConfig> = {
  name: 'hash',
  reversible: false,
  contextFree: true,
  validate(params, entity) {
    const p = readParams('hash', params, ['encoding', 'truncate', 'keyed', 'algorithm']);
    if (p.keyed === false)
      throw coreError(
        'KAMEN_ERR_KEY_REQUIRED',
        SMALL_DOMAIN_TYPES.has(entity)
          ? `hash: an unkeyed hash of ${entity} is reversible by enumeration (KM-01)`
          : 'hash: unkeyed hashing is not supported (KM-01)',
      );
    if (p.algorithm !== undefined && p.algorithm !== 'hmac-sha256')
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', "hash: 'algorithm' can only be 'hmac-sha256'");
    const encoding = p.encoding ?? 'hex';
    if (encoding !== 'hex' && encoding !== 'base64url')
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', "hash: 'encoding' must be 'hex' or 'base64url'");
    const truncate = intParam('hash', p, 'truncate', 16);
    return { encoding, truncate };
  },
  apply(value, cfg, ctx) {
    const keys = requireKeys('hash', ctx);
    const key = hmacKey(keys, keys.primaryId, ctx.tenant);
    const digest = key.digest(nfkc(value), cfg.encoding);
    return cfg.truncate === undefined ? digest : digest.slice(0, cfg.truncate);
  },
};
