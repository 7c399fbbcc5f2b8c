import { createSecretKey, type KeyObject } from 'node:crypto';
import type { KeyRing } from '@kamen/core';

/** JWS `typ` of a kamen grant: a token of another kind (an IdP's JWT) can never pass as a grant. */
export const GRANT_TYP = 'kamen-grant+jwt';
export const GRANT_ISSUER = 'kamen-grant';
export const GRANT_ALG = 'HS256';

/**
 * The HMAC key that signs a tenant's grants: HKDF-SHA-256 from the ring's master key `kid` with purpose
 * `grant:hs256` bound to the tenant (same per-tenant scheme as core's keyed operators). Why HMAC and not Ed25519:
 * the verifier (the proxy) already holds the tenant key ring, because it pseudonymises and reveals with it, so a
 * key pair derived from that ring would give no separation between issuing and verifying; HS256 is simpler and
 * cannot be confused with the IdP's public-key algorithms (the grant verifier pins HS256 and its own `typ`).
 */
export function grantKey(keys: KeyRing, tenant: string | undefined, kid?: string): KeyObject {
  const purpose = tenant === undefined ? 'grant:hs256' : `grant:hs256\u0000tenant:${tenant}`;
  return createSecretKey(Buffer.from(keys.subkey(purpose, kid)));
}
