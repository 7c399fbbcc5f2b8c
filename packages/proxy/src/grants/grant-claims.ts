import { ENTITY_TYPES, FIELD_ONLY_TYPES } from '@kamen/core';
import { compileRoutePattern, type RouteMatcher } from '../routes.js';

/** The payload of a grant token (a JWS signed with the tenant's grant key). */
export interface GrantClaims {
  readonly iss: string;
  readonly jti: string;
  readonly sub: string;
  /** Tenant the grant belongs to; absent in single-tenant deployments. */
  readonly tenant?: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  /** `METHOD /path-pattern` (method `*` = any); patterns as in route rules (`:id`, trailing `*`). */
  readonly routes: readonly string[];
  /** Record ids (values of `recordKey`) whose fields may be revealed; absent = every record on the routes. */
  readonly records?: readonly string[];
  /** Field that identifies a record (JSON key, CSV column, XML child/attribute name). */
  readonly recordKey: string;
  /** Field names or paths to reveal (JSON paths, CSV columns, XML paths or bare names). */
  readonly fields: readonly string[];
  /** Entity or field types to reveal wherever they occur in the granted records. */
  readonly entities: readonly string[];
  readonly reason: string;
  readonly ticket: string;
  /** How many requests may use the grant (default 1: single use). */
  readonly uses: number;
}

export const LIMITS = { routes: 32, records: 1000, fields: 64, reason: 1000, name: 256, uses: 1000 } as const;
export const TENANT = /^[\w.-]{1,64}$/u;
export const TICKET = /^[A-Za-z0-9][\w.:#/-]{0,63}$/u;
const METHOD = /^(?:\*|[A-Z]{1,16})$/u;
const TYPES = new Set<string>([...ENTITY_TYPES, ...FIELD_ONLY_TYPES]);

/** True for text without control characters (C0, DEL, C1): names and ids must print as one line. */
// eslint-disable-next-line no-control-regex
export const printable = (s: string): boolean => !/[\u0000-\u001f\u007f-\u009f]/u.test(s);

export interface CompiledGrantRoute {
  readonly text: string;
  readonly method: string;
  readonly matches: RouteMatcher;
}

/** Parses `GET /api/employees/*`; throws Error naming the problem. */
export function compileGrantRoute(text: string): CompiledGrantRoute {
  const m = /^(\S+) (\/\S*)$/u.exec(text);
  if (m === null) throw new Error(`route '${text}' is not 'METHOD /path'`);
  const method = m[1] as string;
  if (!METHOD.test(method)) throw new Error(`route '${text}': method must be upper case or *`);
  try {
    return { text, method, matches: compileRoutePattern(m[2] as string) };
  } catch (err) {
    throw new Error(`route '${text}': path ${(err as Error).message}`);
  }
}

/**
 * Checks the shape of grant claims (after the signature verified, or before signing). Returns the first problem as
 * a short message without values, or undefined when the claims are well-formed.
 */
export function claimsProblem(c: Record<string, unknown>): string | undefined {
  const str = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max && printable(v);
  const list = (v: unknown, max: number, item: (x: unknown) => boolean) =>
    Array.isArray(v) && v.length <= max && v.every(item);
  if (!str(c.jti, 64)) return 'jti';
  if (!str(c.sub, LIMITS.name)) return 'sub';
  if (c.tenant !== undefined && !(typeof c.tenant === 'string' && TENANT.test(c.tenant))) return 'tenant';
  for (const k of ['iat', 'nbf', 'exp'] as const) if (!Number.isSafeInteger(c[k])) return k;
  if (!list(c.routes, LIMITS.routes, (r) => typeof r === 'string') || (c.routes as unknown[]).length === 0)
    return 'routes';
  if (c.records !== undefined && !list(c.records, LIMITS.records, (r) => str(r, LIMITS.name))) return 'records';
  if (c.records !== undefined && (c.records as unknown[]).length === 0) return 'records';
  if (!str(c.recordKey, LIMITS.name)) return 'recordKey';
  if (!list(c.fields, LIMITS.fields, (f) => str(f, LIMITS.name))) return 'fields';
  if (!list(c.entities, LIMITS.fields, (e) => typeof e === 'string' && TYPES.has(e))) return 'entities';
  if ((c.fields as unknown[]).length + (c.entities as unknown[]).length === 0) return 'fields';
  if (!(typeof c.reason === 'string' && c.reason.trim() !== '' && c.reason.length <= LIMITS.reason)) return 'reason';
  if (!(typeof c.ticket === 'string' && TICKET.test(c.ticket))) return 'ticket';
  if (!(Number.isSafeInteger(c.uses) && (c.uses as number) >= 1 && (c.uses as number) <= LIMITS.uses)) return 'uses';
  for (const r of c.routes as string[]) {
    try {
      compileGrantRoute(r);
    } catch {
      return 'routes';
    }
  }
  return undefined;
}
