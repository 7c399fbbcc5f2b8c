import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from './identity-config.js';
import { isHmacAlg, loadJwtKey } from './jwt-key.js';

/** Outcome of checking one bearer token. `status` 503 only when the key set could not be fetched in time (AU-05). */
export type JwtResult =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

export type JwtVerifier = (token: string) => Promise<JwtResult>;

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const MAX_TOKEN_CHARS = 16 * 1024;

/**
 * Builds a verifier for `identity.jwt`. Throws Error (a config error for the caller) for `none`, mixed HMAC and
 * asymmetric algorithms, plain-http JWKS off loopback, or an unusable key file.
 */
export function createJwtVerifier(
  config: JwtConfig,
  resolvePath: (p: string) => string = (p) => p,
  clock?: () => Date,
): JwtVerifier {
  const algorithms = [...config.algorithms];
  if (algorithms.length === 0) throw new Error('jwt.algorithms must list at least one algorithm');
  if (algorithms.some((a) => a.toLowerCase() === 'none')) throw new Error('jwt.algorithms must not contain none');
  const hmac = algorithms.filter(isHmacAlg).length;
  if (hmac !== 0 && hmac !== algorithms.length)
    throw new Error('jwt.algorithms mixes HMAC and public-key algorithms (algorithm confusion, AU-02)');
  if ((config.jwksUrl === undefined) === (config.keyFile === undefined))
    throw new Error('jwt needs exactly one of jwksUrl and keyFile');
  let key: KeyObject | JWTVerifyGetKey;
  if (config.jwksUrl !== undefined) {
    if (hmac !== 0) throw new Error('jwt.jwksUrl serves public keys; HMAC algorithms need a keyFile');
    const url = new URL(config.jwksUrl);
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname))
      throw new Error('jwt.jwksUrl must be https (plain http only on a loopback host)');
    key = createRemoteJWKSet(url, {
      timeoutDuration: config.jwksTimeoutMs,
      cooldownDuration: config.jwksCooldownMs,
      cacheMaxAge: config.jwksCacheMaxAgeMs,
    });
  } else {
    key = loadJwtKey(resolvePath(config.keyFile as string), algorithms);
  }
  const options = {
    algorithms,
    issuer: typeof config.issuer === 'string' ? config.issuer : [...config.issuer],
    audience: typeof config.audience === 'string' ? config.audience : [...config.audience],
    clockTolerance: config.clockToleranceSec,
    maxTokenAge: config.maxTokenAgeSec,
    requiredClaims: ['exp', 'iat'],
  };
  return async (token) => {
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, status: 401, reason: 'token too large' };
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, { ...options, ...(clock ? { currentDate: clock() } : {}) })
          : await jwtVerify(token, key, { ...options, ...(clock ? { currentDate: clock() } : {}) });
      return { ok: true, claims: payload };
    } catch (err) {
      return failure(err);
    }
  };
}

/** Maps jose errors to a stable, value-free reason; only an unreachable or slow key set is a 503. */
function failure(err: unknown): JwtResult {
  if (err instanceof errors.JWKSTimeout) return { ok: false, status: 503, reason: 'jwks timeout' };
  if (err instanceof errors.JWTExpired) return { ok: false, status: 401, reason: 'token expired' };
  if (err instanceof errors.JWTClaimValidationFailed)
    return { ok: false, status: 401, reason: `claim ${err.claim} ${err.reason}` };
  if (err instanceof errors.JOSEAlgNotAllowed) return { ok: false, status: 401, reason: 'algorithm not allowed' };
  if (err instanceof errors.JWSSignatureVerificationFailed) return { ok: false, status: 401, reason: 'bad signature' };
  if (err instanceof errors.JWKSMultipleMatchingKeys) return { ok: false, status: 401, reason: 'ambiguous kid' };
  if (err instanceof errors.JWKSNoMatchingKey) return { ok: false, status: 401, reason: 'no matching key' };
  if (err instanceof errors.JOSEError) return { ok: false, status: 401, reason: `invalid token (${err.code})` };
  // Anything else is the key set fetch failing (connection refused, bad JSON): verification was not possible.
  return { ok: false, status: 503, reason: 'jwks unavailable' };
}
