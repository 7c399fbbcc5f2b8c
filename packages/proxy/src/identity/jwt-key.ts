import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** HMAC algorithms: their key is a shared secret, so they must never be accepted next to public-key ones (AU-02). */
export const isHmacAlg = (alg: string): boolean => alg.startsWith('HS');

/**
 * Loads the verification key of `identity.jwt.keyFile`. A PEM becomes a public KeyObject (a private key in the file
 * is reduced to its public half), so it can never be fed to HMAC as a secret. A `kty: oct` JWK is accepted only when
 * every configured algorithm is HMAC; a JWKS file becomes a local key set (selected by `kid`).
 * Throws Error with a message naming the problem (never the key).
 */
export function loadJwtKey(path: string, algorithms: readonly string[]): KeyObject | JWTVerifyGetKey {
  const hmac = algorithms.every(isHmacAlg);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read jwt.keyFile (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    if (hmac) throw new Error('jwt.keyFile is a PEM key but jwt.algorithms are HMAC; HS needs a kty "oct" JWK');
    try {
      return createPublicKey(trimmed);
    } catch {
      throw new Error('jwt.keyFile is not a usable PEM public key or certificate');
    }
  }
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    throw new Error('jwt.keyFile is neither PEM nor JSON (JWK or JWKS)');
  }
  if (typeof doc !== 'object' || doc === null) throw new Error('jwt.keyFile JSON is not an object');
  const d = doc as { kty?: unknown; keys?: unknown; k?: unknown };
  if (Array.isArray(d.keys)) {
    if (d.keys.some((k) => (k as { kty?: unknown } | null)?.kty === 'oct') && !hmac)
      throw new Error('jwt.keyFile JWKS holds a secret (oct) key but jwt.algorithms are asymmetric');
    return createLocalJWKSet(doc as JSONWebKeySet);
  }
  if (d.kty === 'oct') {
    if (!hmac) throw new Error('jwt.keyFile is a secret (oct) JWK but jwt.algorithms are asymmetric');
    if (typeof d.k !== 'string') throw new Error('jwt.keyFile oct JWK has no "k"');
    const secret = Buffer.from(d.k, 'base64url');
    if (secret.length < 32) throw new Error('jwt.keyFile HMAC secret is shorter than 256 bits');
    return createSecretKey(secret);
  }
  if (hmac) throw new Error('jwt.algorithms are HMAC but jwt.keyFile is a public JWK');
  try {
    // A private JWK (with "d") is reduced to its public half.
    return createPublicKey({ key: doc as import('node:crypto').JsonWebKey, format: 'jwk' });
  } catch {
    throw new Error('jwt.keyFile JWK is not a usable public key');
  }
}
