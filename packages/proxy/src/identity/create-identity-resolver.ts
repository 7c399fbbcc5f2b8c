import type { IncomingHttpHeaders } from 'node:http';
import { resolve } from 'node:path';
import type { IdentityConfig } from '../config/types.js';
import { proxyError } from '../errors.js';
import { createAddressMatcher, type AddressMatcher } from '../net/cidr.js';
import { parseClaimPath, readClaim, type ClaimPath } from './claim-path.js';
import { clientAddress } from './client-address.js';
import type { IdentityExtras, JwtConfig, TenantSource } from './identity-config.js';
import type { Identity, IdentityRequest } from './identity.js';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier.js';
import { roleFromClaim, roleFromHeader, type RoleVote } from './role-candidates.js';

export interface IdentityResolverOptions {
  /** Role names the policy defines (default: the built-in policies). */
  readonly roles?: readonly string[];
  /** Roles that see upstream bodies unchanged: never a fallback (default `admin`). */
  readonly unmaskedRoles?: readonly string[];
  /** Directory a relative `jwt.keyFile` resolves against. */
  readonly baseDir?: string;
  /** Time source for token checks (tests pin it; default the system clock). */
  readonly clock?: () => Date;
}

export type IdentityResolver = ((req: IdentityRequest) => Promise<Identity>) & {
  /** Lower-case names of every identity header: strip them from requests of untrusted peers, and before forwarding. */
  readonly identityHeaders: readonly string[];
  /** The role applied when no usable role is found (onMissingRole: restrictive). */
  readonly restrictiveRole: string;
};

const BUILTIN_ROLES = ['support', 'migration', 'analytics', 'admin'];
const TENANT = /^[\w.-]{1,64}$/u;
const SUBJECT_MAX = 256;

function configError(path: string, message: string): Error {
  return proxyError('KAMEN_PROXY_ERR_CONFIG_INVALID', `identity.${path}: ${message}`, { path: `identity.${path}` });
}

/**
 * Builds the per-request identity resolver (AU-01..AU-10, PX-04). Rules, in order:
 * - identity headers are read only when the socket peer is inside `trustedProxies`, and never when the request's
 *   `Connection` header names them (a client can make a front proxy drop its own headers that way);
 * - a bearer token that is present must verify, or the request gets 401 (503 when the key set is unreachable);
 * - header role and JWT role must agree; a missing, unknown, duplicated, comma-joined or conflicting role gives the
 *   restrictive role or 401 per `onMissingRole`. A role that sees unmasked bodies is never a fallback.
 * Throws KAMEN_PROXY_ERR_CONFIG_INVALID for settings that would trust too much.
 */
export function createIdentityResolver(
  config: IdentityConfig & IdentityExtras,
  options: IdentityResolverOptions = {},
): IdentityResolver {
  const roles = new Set(options.roles ?? BUILTIN_ROLES);
  const unmasked = new Set(options.unmaskedRoles ?? ['admin']);
  const restrictiveRole = config.defaultRole ?? (roles.has('support') ? 'support' : undefined);
  if (restrictiveRole === undefined) throw configError('defaultRole', 'no support role: name the restrictive role');
  if (!roles.has(restrictiveRole)) throw configError('defaultRole', `'${restrictiveRole}' is not a policy role`);
  if (unmasked.has(restrictiveRole)) throw configError('defaultRole', 'the fallback role must be a masked role');

  let trusted: AddressMatcher;
  try {
    trusted = createAddressMatcher(config.trustedProxies ?? []);
  } catch {
    throw configError('trustedProxies', 'not a list of IPv4/IPv6 addresses or CIDR ranges');
  }
  const roleHeader = config.roleHeader?.toLowerCase();
  const subjectHeader = config.subjectHeader?.toLowerCase();
  const tenantHeader = config.tenantHeader?.toLowerCase();
  const headerNames = [roleHeader, subjectHeader, tenantHeader].filter((h): h is string => h !== undefined);
  // oauth2-proxy #3506: identity headers without a trusted range would believe every client.
  if (headerNames.length > 0 && (config.trustedProxies ?? []).length === 0)
    throw configError('trustedProxies', 'identity headers are set but no trusted proxy range is configured');

  const jwt = config.jwt === undefined ? undefined : buildJwt(config.jwt, options.baseDir, options.clock);
  const tenantSource = inferTenantSource(config, jwt?.tenantPath);
  const onMissing = config.onMissingRole ?? 'restrictive';

  const fallback = (why: 'missing' | 'unknown' | 'ambiguous' | 'conflict', base: Partial<Identity & { ok: true }>) =>
    onMissing === 'reject'
      ? ({ ok: false, status: 401, reason: `role ${why}` } as const)
      : ({ ...base, ok: true, role: restrictiveRole, source: 'fallback', fallback: why } as Identity);

  const resolver = async (req: IdentityRequest): Promise<Identity> => {
    const { headers } = req;
    const peerTrusted = trusted.matches(req.remoteAddress);
    const hopByHop = connectionTokens(headers);
    const readHeader = (name: string | undefined): string[] =>
      name === undefined || !peerTrusted || hopByHop.has(name) ? [] : headerValues(headers, name);

    const base: { trustedPeer: boolean; clientAddress?: string } = { trustedPeer: peerTrusted };
    const client = clientAddress(headers, req.remoteAddress, trusted);
    if (client !== undefined) base.clientAddress = client;

    const headerVote: RoleVote = roleFromHeader(readHeader(roleHeader), roles);
    let subject = single(readHeader(subjectHeader));
    let tenant: string | undefined;
    if (tenantSource?.from === 'header') {
      const values = readHeader(tenantHeader);
      if (values.length > 0) {
        tenant = single(values);
        if (tenant === undefined || !TENANT.test(tenant))
          return { ok: false, status: 401, reason: 'tenant header invalid' };
      }
    }

    let jwtVote: RoleVote = { kind: 'absent' };
    let issuer: string | undefined;
    if (jwt !== undefined) {
      const bearer = bearerToken(req, hopByHop);
      if (bearer === 'invalid') return { ok: false, status: 401, reason: 'malformed authorization header' };
      if (bearer !== undefined) {
        const result = await jwt.verify(bearer);
        if (!result.ok) return result;
        const claims = result.claims;
        jwtVote = roleFromClaim(readClaim(claims, jwt.rolePath.text, jwt.rolePath.parsed), roles);
        const sub = readClaim(claims, jwt.subjectPath.text, jwt.subjectPath.parsed);
        if (typeof sub === 'string' && sub !== '' && sub.length <= SUBJECT_MAX) subject = sub;
        issuer = typeof claims.iss === 'string' ? claims.iss : undefined;
        if (tenantSource?.from === 'claim' && jwt.tenantPath !== undefined) {
          const t = readClaim(claims, jwt.tenantPath.text, jwt.tenantPath.parsed);
          if (t !== undefined) {
            if (typeof t !== 'string' || !TENANT.test(t))
              return { ok: false, status: 401, reason: 'tenant claim invalid' };
            tenant = t;
          }
        }
      }
    }
    if (tenantSource?.from === 'host') tenant = tenantFromHost(headers.host, tenantSource);

    const who: Partial<Identity & { ok: true }> = { ...base };
    if (subject !== undefined) Object.assign(who, { subject });
    if (tenant !== undefined) Object.assign(who, { tenant });
    if (issuer !== undefined) Object.assign(who, { issuer });

    if (headerVote.kind === 'unusable') return fallback(headerVote.why, who);
    if (jwtVote.kind === 'unusable') return fallback(jwtVote.why, who);
    if (headerVote.kind === 'role' && jwtVote.kind === 'role') {
      if (headerVote.role !== jwtVote.role) return fallback('conflict', who);
      return { ...who, ok: true, role: jwtVote.role, source: 'jwt+header' } as Identity;
    }
    if (jwtVote.kind === 'role') return { ...who, ok: true, role: jwtVote.role, source: 'jwt' } as Identity;
    if (headerVote.kind === 'role') return { ...who, ok: true, role: headerVote.role, source: 'header' } as Identity;
    return fallback('missing', who);
  };
  return Object.assign(resolver, { identityHeaders: Object.freeze(headerNames), restrictiveRole });
}

interface ClaimRef {
  readonly text: string;
  readonly parsed: ClaimPath;
}

function claimRef(path: string, where: string): ClaimRef {
  try {
    return { text: path, parsed: parseClaimPath(path) };
  } catch (err) {
    throw configError(where, (err as Error).message);
  }
}

function buildJwt(config: JwtConfig, baseDir: string | undefined, clock: (() => Date) | undefined) {
  let verify: JwtVerifier;
  try {
    verify = createJwtVerifier(config, (p) => resolve(baseDir ?? process.cwd(), p), clock);
  } catch (err) {
    throw configError('jwt', (err as Error).message);
  }
  return {
    verify,
    rolePath: claimRef(config.roleClaim ?? 'role', 'jwt.roleClaim'),
    subjectPath: claimRef(config.subjectClaim ?? 'sub', 'jwt.subjectClaim'),
    tenantPath: config.tenantClaim === undefined ? undefined : claimRef(config.tenantClaim, 'jwt.tenantClaim'),
  };
}

function inferTenantSource(config: IdentityExtras, tenantPath: ClaimRef | undefined): TenantSource | undefined {
  const t = config.tenant;
  if (t === undefined) {
    if (tenantPath !== undefined) return { from: 'claim' };
    return config.tenantHeader !== undefined ? { from: 'header' } : undefined;
  }
  if (t.from === 'claim' && tenantPath === undefined) throw configError('tenant', 'from: claim needs jwt.tenantClaim');
  if (t.from === 'header' && config.tenantHeader === undefined)
    throw configError('tenant', 'from: header needs tenantHeader');
  if (t.from === 'host' && t.hosts === undefined && t.subdomainOf === undefined)
    throw configError('tenant', 'from: host needs hosts or subdomainOf');
  return t;
}

function tenantFromHost(host: string | undefined, source: TenantSource): string | undefined {
  if (host === undefined) return undefined;
  const name = host
    .trim()
    .toLowerCase()
    .replace(/:\d{1,5}$/u, '');
  const mapped = source.hosts?.[name];
  if (mapped !== undefined && Object.hasOwn(source.hosts as object, name)) return mapped;
  const parent = source.subdomainOf?.toLowerCase();
  if (parent !== undefined && name.endsWith(`.${parent}`)) {
    const label = name.slice(0, -parent.length - 1);
    if (!label.includes('.') && TENANT.test(label)) return label;
  }
  return undefined;
}

function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const v = headers[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** One value, not comma-joined (Node joins duplicates with ", "), trimmed; otherwise undefined. */
function single(values: readonly string[]): string | undefined {
  if (values.length !== 1) return undefined;
  const v = (values[0] as string).trim();
  return v === '' || v.includes(',') || v.length > SUBJECT_MAX ? undefined : v;
}

function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const c = headers.connection;
  const text = Array.isArray(c) ? c.join(',') : (c ?? '');
  return new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== ''),
  );
}

/** The bearer token; 'invalid' for duplicated Authorization headers or another scheme's malformed value. */
function bearerToken(req: IdentityRequest, hopByHop: ReadonlySet<string>): string | undefined | 'invalid' {
  if (hopByHop.has('authorization')) return 'invalid';
  if (req.rawHeaders !== undefined) {
    let n = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'authorization') n++;
    if (n > 1) return 'invalid';
  }
  const auth = req.headers.authorization;
  if (auth === undefined || auth === '') return undefined;
  const text = auth.trim();
  // Another scheme (Basic for the upstream app) is not ours to judge; a malformed Bearer is.
  if (!/^bearer\s/iu.test(text)) return undefined;
  const m = /^Bearer +([\w.~+/-]+=*)$/iu.exec(text);
  return m === null ? 'invalid' : (m[1] as string);
}
