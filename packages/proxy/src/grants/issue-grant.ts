import { randomBytes } from 'node:crypto';
import type { KeyRing } from '@kamen/core';
import { SignJWT } from 'jose';
import { proxyError } from '../errors.js';
import { claimsProblem, LIMITS, type GrantClaims } from './grant-claims.js';
import { GRANT_ALG, GRANT_ISSUER, GRANT_TYP, grantKey } from './grant-key.js';

export interface IssueGrantOptions {
  /** The tenant's key ring (`kamen grant --key-file`); the primary key signs. */
  readonly keys: KeyRing;
  readonly tenant?: string;
  /** Who may use the grant: the support engineer's authenticated subject. */
  readonly subject: string;
  readonly routes: readonly string[];
  /** Record ids; required unless `allRecords`. */
  readonly records?: readonly string[];
  readonly allRecords?: boolean;
  readonly recordKey?: string;
  readonly fields?: readonly string[];
  readonly entities?: readonly string[];
  readonly reason: string;
  readonly ticket: string;
  readonly ttlSec: number;
  /** Refuse longer TTLs (default 1 h; the proxy enforces its own `grants.maxTtl` too). */
  readonly maxTtlSec?: number;
  readonly uses?: number;
  readonly now?: Date;
}

export interface IssuedGrant {
  readonly token: string;
  readonly jti: string;
  readonly expiresAt: Date;
  readonly claims: GrantClaims;
}

const fail = (option: string, why: string) => proxyError('KAMEN_PROXY_ERR_GRANT_ISSUE', `${option}: ${why}`);

/**
 * Issues a signed, short-lived reveal grant (a compact JWS, HS256 with the tenant's grant key, `typ`
 * kamen-grant+jwt, a random 128-bit `jti`). Errors: KAMEN_PROXY_ERR_GRANT_ISSUE naming the option at fault.
 * The token is a bearer credential: its payload is signed, not encrypted, so record ids in it are readable by
 * whoever holds it.
 */
export async function issueGrant(o: IssueGrantOptions): Promise<IssuedGrant> {
  const maxTtl = o.maxTtlSec ?? 3600;
  if (!Number.isSafeInteger(o.ttlSec) || o.ttlSec < 1) throw fail('ttl', 'must be a positive duration');
  if (o.ttlSec > maxTtl) throw fail('ttl', `exceeds the maximum of ${maxTtl} s`);
  if (o.allRecords === true && o.records !== undefined)
    throw fail('records', 'give record ids or --all-records, not both');
  if (o.allRecords !== true && (o.records === undefined || o.records.length === 0))
    throw fail('records', 'name the records (or --all-records for every record on the routes)');
  if (o.records !== undefined && o.records.length > LIMITS.records) throw fail('records', `at most ${LIMITS.records}`);
  const iat = Math.floor((o.now ?? new Date()).getTime() / 1000);
  const claims: GrantClaims = {
    iss: GRANT_ISSUER,
    jti: randomBytes(16).toString('base64url'),
    sub: o.subject,
    ...(o.tenant !== undefined ? { tenant: o.tenant } : {}),
    iat,
    nbf: iat,
    exp: iat + o.ttlSec,
    routes: [...o.routes],
    ...(o.records !== undefined ? { records: [...new Set(o.records)] } : {}),
    recordKey: o.recordKey ?? 'id',
    fields: [...new Set(o.fields ?? [])],
    entities: [...new Set(o.entities ?? [])],
    reason: o.reason,
    ticket: o.ticket,
    uses: o.uses ?? 1,
  };
  const problem = claimsProblem(claims as unknown as Record<string, unknown>);
  if (problem !== undefined) throw fail(problem, ISSUE_HINTS[problem] ?? 'invalid');
  const token = await new SignJWT(claims as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: GRANT_ALG, typ: GRANT_TYP, kid: o.keys.primaryId })
    .sign(grantKey(o.keys, o.tenant, o.keys.primaryId));
  return { token, jti: claims.jti, expiresAt: new Date(claims.exp * 1000), claims };
}

const ISSUE_HINTS: Readonly<Record<string, string>> = {
  sub: 'one line of at most 256 characters',
  tenant: '1-64 letters, digits, dot, underscore or hyphen',
  routes: "1-32 routes like 'GET /api/employees/*' (method upper case or *)",
  records: 'ids of at most 256 printable characters',
  recordKey: 'a field name of at most 256 printable characters',
  fields: 'name at least one field (--fields) or entity type (--entities), at most 64 each',
  entities: 'unknown entity type (see docs/entities.md)',
  reason: 'a non-empty reason of at most 1000 characters',
  ticket: 'a ticket id: letters, digits and . _ : # / - (at most 64)',
  uses: 'between 1 and 1000',
};
