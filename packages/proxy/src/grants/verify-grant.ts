import type { KeyRing } from '@kamen/core';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { proxyError, type ProxyErrorCode } from '../errors.js';
import { claimsProblem, compileGrantRoute, type GrantClaims } from './grant-claims.js';
import { GRANT_ALG, GRANT_ISSUER, GRANT_TYP, grantKey } from './grant-key.js';
import type { GrantScope } from './grant-scope.js';
import type { ReplayStore } from './replay-store.js';

export interface VerifyGrantOptions {
  readonly keys: KeyRing;
  /** Tenant of the authenticated request (undefined in single-tenant deployments). */
  readonly tenant?: string;
  /** Subject of the authenticated request; a grant for someone else is refused. */
  readonly subject?: string;
  readonly method: string;
  /** The proxy's normalised request path (a query string is ignored). */
  readonly path: string;
  readonly replayStore: ReplayStore;
  readonly now?: Date;
  readonly maxTtlSec?: number;
  readonly clockToleranceSec?: number;
}

const MAX_TOKEN = 8192;
const COMPACT = /^[\w-]+\.[\w-]+\.[\w-]+$/u;

const refuse = (code: ProxyErrorCode, message: string) => proxyError(code, message);

/**
 * Verifies a reveal grant for one request and records its use (AL-06). Checks, in order: shape and size, header
 * (`alg` HS256 only, kamen `typ`, `kid` on the ring), signature with the request tenant's grant key, exp/nbf/iat
 * with clock tolerance, claim shape, lifetime ≤ maxTtl, subject, route, then use count (last, so a refused grant is
 * not consumed). Throws a KamenError with a KAMEN_PROXY_ERR_GRANT_* code; messages never hold token contents.
 */
export async function verifyGrant(token: string, o: VerifyGrantOptions): Promise<GrantScope> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN || !COMPACT.test(token))
    throw refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED', 'not a compact JWS of at most 8 KiB');
  // Non-canonical base64url (altered padding bits) decodes to the same bytes: still an altered token.
  if (token.split('.').some((seg) => Buffer.from(seg, 'base64url').toString('base64url') !== seg))
    throw refuse('KAMEN_PROXY_ERR_GRANT_TAMPERED', 'grant is not canonically encoded');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED', 'unreadable protected header');
  }
  if (header.alg !== GRANT_ALG || header.typ !== GRANT_TYP || typeof header.kid !== 'string')
    throw refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED', 'not a kamen grant header (alg HS256, typ kamen-grant+jwt, kid)');
  if (!o.keys.ids.includes(header.kid))
    throw refuse('KAMEN_PROXY_ERR_GRANT_KEY_UNKNOWN', 'grant key id is not on the ring');

  const now = o.now ?? new Date();
  const tolerance = o.clockToleranceSec ?? 5;
  let claims: GrantClaims;
  try {
    const { payload } = await jwtVerify(token, grantKey(o.keys, o.tenant, header.kid), {
      algorithms: [GRANT_ALG],
      typ: GRANT_TYP,
      issuer: GRANT_ISSUER,
      currentDate: now,
      clockTolerance: tolerance,
      requiredClaims: ['exp', 'iat', 'nbf', 'jti', 'sub'],
    });
    claims = payload as unknown as GrantClaims;
  } catch (err) {
    throw mapJoseError(err, token, o.tenant);
  }
  const nowSec = Math.floor(now.getTime() / 1000);
  if (claims.iat > nowSec + tolerance)
    throw refuse('KAMEN_PROXY_ERR_GRANT_NOT_YET_VALID', 'grant issued in the future');
  const problem = claimsProblem(claims as unknown as Record<string, unknown>);
  if (problem !== undefined) throw refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED', `claim ${problem} is invalid`);
  // The signature covers the tenant (the key is per tenant); this catches a tenant claim the issuer got wrong.
  if (claims.tenant !== o.tenant) throw refuse('KAMEN_PROXY_ERR_GRANT_WRONG_TENANT', 'grant is for another tenant');
  if (claims.exp - claims.iat > (o.maxTtlSec ?? 3600))
    throw refuse('KAMEN_PROXY_ERR_GRANT_TTL', 'grant lifetime exceeds the maximum');
  if (o.subject === undefined || claims.sub !== o.subject)
    throw refuse('KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT', 'grant is for another subject');
  const path = o.path.split('?')[0] as string;
  const route = claims.routes
    .map(compileGrantRoute)
    .find((r) => (r.method === '*' || r.method === o.method) && r.matches(path));
  if (route === undefined) throw refuse('KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE', 'request is outside the grant routes');
  const used = await o.replayStore.consume(claims.jti, (claims.exp + tolerance) * 1000, claims.uses, now.getTime());
  if (!used.ok)
    throw used.reason === 'full'
      ? refuse('KAMEN_PROXY_ERR_GRANT_REPLAY_STORE_FULL', 'replay store is full of live grants')
      : refuse('KAMEN_PROXY_ERR_GRANT_REPLAYED', 'grant already used as often as it allows');
  return {
    jti: claims.jti,
    kid: header.kid,
    ...(claims.tenant !== undefined ? { tenant: claims.tenant } : {}),
    subject: claims.sub,
    route: route.text,
    records: claims.records ?? 'all',
    recordKey: claims.recordKey,
    fields: claims.fields,
    entities: claims.entities,
    reason: claims.reason,
    ticket: claims.ticket,
    issuedAt: new Date(claims.iat * 1000),
    expiresAt: new Date(claims.exp * 1000),
    use: used.use,
    uses: claims.uses,
  };
}

function mapJoseError(err: unknown, token: string, tenant: string | undefined) {
  if (err instanceof errors.JWTExpired) return refuse('KAMEN_PROXY_ERR_GRANT_EXPIRED', 'grant has expired');
  if (err instanceof errors.JWTClaimValidationFailed && (err.claim === 'nbf' || err.claim === 'iat'))
    return refuse('KAMEN_PROXY_ERR_GRANT_NOT_YET_VALID', 'grant is not valid yet');
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    // Tell a grant for another tenant from an altered one (both refused): read the unverified tenant claim.
    let claimed: unknown;
    try {
      claimed = decodeJwt(token).tenant;
    } catch {
      claimed = tenant;
    }
    return claimed !== tenant
      ? refuse('KAMEN_PROXY_ERR_GRANT_WRONG_TENANT', 'grant is for another tenant')
      : refuse('KAMEN_PROXY_ERR_GRANT_TAMPERED', 'grant signature does not verify');
  }
  return refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED', 'grant claims are invalid');
}
