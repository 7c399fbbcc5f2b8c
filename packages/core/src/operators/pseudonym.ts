import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import type { Operator } from './operator.js';
import { readParams } from './params.js';
import { perRing, perTenantKey, purposeFor, requireKeys, tenantId } from './keyed.js';
import { createAesSiv, type AesSiv, type AesSivKey } from './siv.js';

/**
 * Token grammar: `PSN:<TYPE>:<kid>:<payload>` where TYPE is the entity type ([A-Z][A-Z0-9_]*), kid the key id
 * ([A-Za-z0-9]{1,16}) and payload the base64url (no padding) of AES-SIV(value) = 16-byte tag ‖ ciphertext, with
 * '~' written for base64url's '-': a token then never holds '--', which an XML comment cannot carry (the encoder
 * would have to break it), and '~' is as safe as '-' in URLs, CSV, JSON and XML. ':' never occurs in the payload,
 * so tokens are found in free text by {@link PSEUDONYM_TOKEN}.
 * @public
 */
export const PSEUDONYM_TOKEN = /PSN:([A-Z][A-Z0-9_]*):([A-Za-z0-9]{1,16}):([\w~]{22,})/gu;
const TOKEN_EXACT = /^PSN:([A-Z][A-Z0-9_]*):([A-Za-z0-9]{1,16}):([\w~]{22,})$/u;
const toPayload = (bytes: Buffer): string => bytes.toString('base64url').replaceAll('-', '~');

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

/**
 * AES-256-SIV needs 64 key bytes: two HKDF subkeys (MAC half, CTR half), set up as native cipher objects once per
 * ring, kid and tenant; each entity type then binds its associated data once. Bounds: 256 kid/tenant keys and
 * 4096 type bindings per ring (LruCache: at most that many entries, least recently used dropped first).
 */
const sivKey = perTenantKey<AesSivKey>(256, (keys, kid, tenant) => {
  const k = new Uint8Array(64);
  k.set(keys.subkey(purposeFor('pseudonym:mac', tenant), kid), 0);
  k.set(keys.subkey(purposeFor('pseudonym:ctr', tenant), kid), 32);
  const made = createAesSiv(k);
  k.fill(0);
  return made;
});
const sivBound = perRing<AesSiv>(4096);

/** Associated data binds a token to its type and tenant: a MY_NUMBER token does not reveal as a PHONE. */
function siv(keys: KeyRing, kid: string, type: string, tenant: string | undefined): AesSiv {
  const cache = sivBound(keys);
  // The type ([A-Z][A-Z0-9_]*) never holds U+0000, so the last separator is unambiguous.
  const id = `${tenantId(kid, tenant)}\u0000${type}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const made = sivKey(keys, kid, tenant).bind(enc.encode(`${type}\u0000${tenant ?? ''}`));
  cache.set(id, made);
  return made;
}

/**
 * `pseudonym`: deterministic, keyed, reversible for key holders (AES-SIV, RFC 5297). Same value, type, tenant
 * and key -> same token, so joins across files still work; tampered tokens fail authentication on reveal.
 */
export const pseudonymOperator: Operator<Record<string, never>> = {
  name: 'pseudonym',
  reversible: true,
  contextFree: true,
  validate(params) {
    readParams('pseudonym', params, []);
    return {};
  },
  apply(value, _params, ctx) {
    const keys = requireKeys('pseudonym', ctx);
    const kid = keys.primaryId;
    const ct = siv(keys, kid, ctx.entity, ctx.tenant).encrypt(Buffer.from(value, 'utf8'));
    return `PSN:${ctx.entity}:${kid}:${toPayload(ct)}`;
  },
};

/** Parsed parts of a token, or undefined when `text` is not exactly one token. */
export function parsePseudonym(text: string): { type: string; kid: string; payload: string } | undefined {
  const m = TOKEN_EXACT.exec(text);
  return m === null ? undefined : { type: m[1] as string, kid: m[2] as string, payload: m[3] as string };
}

/**
 * Reveals one pseudonym token. Errors: KAMEN_ERR_KEY_UNKNOWN (kid not on the ring, e.g. after rotation removed
 * it), KAMEN_ERR_REVEAL_TAMPERED (authentication fails: altered token, wrong tenant or wrong key).
 */
export function revealPseudonym(token: string, keys: KeyRing, tenant?: string): string {
  const t = parsePseudonym(token);
  if (t === undefined) throw coreError('KAMEN_ERR_INVALID_ARGUMENT', 'not a pseudonym token');
  const cipher = siv(keys, t.kid, t.type, tenant);
  const bytes = Buffer.from(t.payload.replaceAll('~', '-'), 'base64url');
  try {
    // Non-canonical base64url (changed padding bits) decodes to the same bytes: still an altered token.
    if (toPayload(bytes) !== t.payload) throw new Error('non-canonical');
    const pt = cipher.decrypt(bytes);
    return dec.decode(pt);
  } catch {
    throw coreError('KAMEN_ERR_REVEAL_TAMPERED', `token of type ${t.type} with key '${t.kid}' fails authentication`);
  }
}
