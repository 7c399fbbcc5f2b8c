import { proxyError } from '../errors.js';

/**
 * What an audit entry records (AL-01). Only these fields exist, and none may hold a PII value: record ids are
 * pseudonyms (see buildRevealEvent), the route is the grant's pattern (never the raw path, which may carry an id),
 * the reason has detected PII replaced by its type.
 */
export interface AuditEvent {
  /** `reveal.start` before clear values are sent (must be durable first), `reveal.end` after, `grant.refused`. */
  readonly type: 'reveal.start' | 'reveal.end' | 'grant.refused' | 'grant.issued';
  readonly outcome: 'allowed' | 'refused' | 'completed' | 'failed';
  /** Error code of a refusal or failure (KAMEN_PROXY_ERR_…). */
  readonly code?: string;
  readonly requestId?: string;
  readonly subject?: string;
  readonly role?: string;
  readonly roleSource?: string;
  readonly issuer?: string;
  readonly tenant?: string;
  readonly clientAddress?: string;
  readonly method?: string;
  readonly route?: string;
  readonly grant?: AuditGrant;
  /** Pseudonyms (PSN:EMPLOYEE_ID:…) of the records in scope, or ['*'] for every record on the route. */
  readonly records?: readonly string[];
  readonly fields?: readonly string[];
  readonly entities?: readonly string[];
  /** Values revealed in the response (reveal.end). */
  readonly revealed?: number;
}

export interface AuditGrant {
  readonly jti: string;
  readonly ticket: string;
  readonly reason: string;
  readonly expiresAt: string;
  readonly use?: number;
  readonly uses?: number;
}

const TYPES = new Set(['reveal.start', 'reveal.end', 'grant.refused', 'grant.issued']);
const OUTCOMES = new Set(['allowed', 'refused', 'completed', 'failed']);
const STRINGS = [
  'code',
  'requestId',
  'subject',
  'role',
  'roleSource',
  'issuer',
  'tenant',
  'clientAddress',
  'method',
  'route',
];
const LISTS = ['records', 'fields', 'entities'];
const EVENT_KEYS = new Set(['type', 'outcome', 'revealed', 'grant', ...STRINGS, ...LISTS]);
const GRANT_KEYS = new Set(['jti', 'ticket', 'reason', 'expiresAt', 'use', 'uses']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

const bad = (what: string) => proxyError('KAMEN_PROXY_ERR_AUDIT_EVENT', `audit event ${what}`);
const oneLine = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && !CONTROL.test(v);

/**
 * Rejects (KAMEN_PROXY_ERR_AUDIT_EVENT) an event with a field outside the schema, a wrong type, an oversized value
 * or control characters outside `grant.reason` (the reason is free text; JSON escaping keeps it on one line, AL-05).
 */
export function checkAuditEvent(event: AuditEvent): void {
  const e = event as unknown as Record<string, unknown>;
  if (typeof e !== 'object' || e === null) throw bad('is not an object');
  for (const k of Object.keys(e)) if (!EVENT_KEYS.has(k)) throw bad(`has unknown field '${k}'`);
  if (!TYPES.has(e.type as string)) throw bad('type is invalid');
  if (!OUTCOMES.has(e.outcome as string)) throw bad('outcome is invalid');
  for (const k of STRINGS) if (e[k] !== undefined && !oneLine(e[k], 512)) throw bad(`field '${k}' is invalid`);
  for (const k of LISTS) {
    const v = e[k];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.length > 1000 || !v.every((x) => oneLine(x, 512))) throw bad(`field '${k}' is invalid`);
  }
  if (e.revealed !== undefined && !(Number.isSafeInteger(e.revealed) && (e.revealed as number) >= 0))
    throw bad("field 'revealed' is invalid");
  if (e.grant !== undefined) {
    const g = e.grant as Record<string, unknown>;
    if (typeof g !== 'object' || g === null || Array.isArray(g)) throw bad("field 'grant' is invalid");
    for (const k of Object.keys(g)) if (!GRANT_KEYS.has(k)) throw bad(`has unknown field 'grant.${k}'`);
    if (!oneLine(g.jti, 64) || !oneLine(g.ticket, 64) || !oneLine(g.expiresAt, 64))
      throw bad("field 'grant' is invalid");
    if (typeof g.reason !== 'string' || g.reason.length > 2000) throw bad("field 'grant.reason' is invalid");
    for (const k of ['use', 'uses'])
      if (g[k] !== undefined && !Number.isSafeInteger(g[k])) throw bad(`field 'grant.${k}' is invalid`);
  }
}
