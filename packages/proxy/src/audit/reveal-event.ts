import { detect, pseudonymOperator, type KeyRing } from '@kamen/core';
import type { GrantScope } from '../grants/grant-scope.js';
import type { Identity } from '../identity/identity.js';
import type { AuditEvent } from './audit-event.js';

/**
 * The pseudonym of a record id as it appears in the audit log: core's keyed, reversible pseudonym (AES-SIV) under
 * the tenant's key, typed EMPLOYEE_ID. Auditors holding the tenant key reveal it with `reveal()`; the log alone
 * shows only that the same record came up again.
 */
export function recordPseudonym(id: string, keys: KeyRing, tenant: string | undefined): string {
  return pseudonymOperator.apply(id, {}, { entity: 'EMPLOYEE_ID', keys, ...(tenant !== undefined ? { tenant } : {}) });
}

/**
 * The reason as audited: free text typed by a tenant admin, so anything kamen detects as PII in it is replaced by
 * `[TYPE]` before it is written (the grant token keeps the original; the log must not).
 */
export function redactReason(reason: string): string {
  const findings = detect(reason).sort((a, b) => b.start - a.start);
  let out = reason;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const f of findings) {
    if (f.end > lastStart) continue; // overlaps a span already replaced
    out = `${out.slice(0, f.start)}[${f.type}]${out.slice(f.end)}`;
    lastStart = f.start;
  }
  return out;
}

export interface RevealEventInput {
  readonly type: AuditEvent['type'];
  readonly outcome: AuditEvent['outcome'];
  readonly identity: Identity & { ok: true };
  readonly method: string;
  /** The verified grant (absent for a refusal before verification succeeded). */
  readonly scope?: GrantScope;
  /** Ids of the records actually revealed (reveal.end); default: the grant's records. */
  readonly records?: readonly string[];
  readonly revealed?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** Tenant key ring for record pseudonyms. */
  readonly keys: KeyRing;
}

/** Builds the audit event of a reveal or a refused grant: who, when (the log adds it), why, what, outcome. */
export function buildRevealEvent(i: RevealEventInput): AuditEvent {
  const id = i.identity;
  const s = i.scope;
  const ids = i.records ?? (s === undefined || s.records === 'all' ? undefined : s.records);
  const all = i.records === undefined && s?.records === 'all';
  const e: Record<string, unknown> = {
    type: i.type,
    outcome: i.outcome,
    method: i.method,
    role: id.role,
    roleSource: id.source,
  };
  const put = (k: string, v: unknown) => {
    if (v !== undefined) e[k] = v;
  };
  put('code', i.code);
  put('requestId', i.requestId);
  put('subject', id.subject);
  put('issuer', id.issuer);
  put('tenant', id.tenant);
  put('clientAddress', id.clientAddress);
  if (s !== undefined) {
    e.route = s.route;
    e.grant = {
      jti: s.jti,
      ticket: s.ticket,
      reason: redactReason(s.reason),
      expiresAt: s.expiresAt.toISOString(),
      use: s.use,
      uses: s.uses,
    };
    e.fields = [...s.fields];
    e.entities = [...s.entities];
  }
  if (all) e.records = ['*'];
  else if (ids !== undefined) e.records = ids.map((r) => recordPseudonym(r, i.keys, id.tenant));
  put('revealed', i.revealed);
  return e as unknown as AuditEvent;
}
