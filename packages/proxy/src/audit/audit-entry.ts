import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '@kamen/core';
import { canonicalJson } from './canonical-json.js';
import type { AuditEvent } from './audit-event.js';

/** One line of the audit log. `hash` chains it to the previous line; `mac` (when keyed) stops a forger re-chaining. */
export interface AuditEntry {
  readonly v: 1;
  /** 1-based position in the chain. */
  readonly seq: number;
  /** Server time of the append (ISO 8601, UTC). */
  readonly time: string;
  /** `hash` of the previous entry; GENESIS for the first. */
  readonly prev: string;
  readonly event: AuditEvent;
  /** SHA-256 (hex) over the canonical JSON of { v, seq, time, prev, event }. */
  readonly hash: string;
  /** HMAC-SHA-256 (hex) over the same bytes with the audit key. */
  readonly mac?: string;
}

/** A signed statement "the log had `seq` entries ending in `hash`": the head file, or a checkpoint exported off-host. */
export interface AuditCheckpoint {
  readonly v: 1;
  readonly seq: number;
  readonly hash: string;
  readonly time: string;
  readonly mac?: string;
}

export const GENESIS = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/u;

/** The audit HMAC key from a key ring: HKDF purpose `audit:v1` (one key for the whole log, not per tenant). */
export function auditKeyFromRing(keys: KeyRing): Uint8Array {
  return keys.subkey('audit:v1');
}

export function entryBody(e: Pick<AuditEntry, 'v' | 'seq' | 'time' | 'prev' | 'event'>): string {
  return canonicalJson({ v: e.v, seq: e.seq, time: e.time, prev: e.prev, event: e.event });
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const hmac = (key: Uint8Array, text: string): string =>
  createHmac('sha256', key).update(text, 'utf8').digest('hex');

export function sameHex(a: string, b: string): boolean {
  if (!HEX64.test(a) || !HEX64.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

export function checkpointBody(c: Pick<AuditCheckpoint, 'v' | 'seq' | 'hash' | 'time'>): string {
  return canonicalJson({ kind: 'kamen-audit-checkpoint', v: c.v, seq: c.seq, hash: c.hash, time: c.time });
}

/**
 * Checks one parsed line on its own: fields and types, hash, and mac when a key is given. Returns a problem
 * (without values) or undefined. Chain order (seq, prev) is the caller's job.
 */
export function entryProblem(raw: unknown, key: Uint8Array | undefined): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
  const e = raw as Record<string, unknown>;
  const allowed = new Set(['v', 'seq', 'time', 'prev', 'event', 'hash', 'mac']);
  if (Object.keys(e).some((k) => !allowed.has(k))) return 'unexpected field';
  if (e.v !== 1) return 'unknown version';
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 1) return 'bad seq';
  if (typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time))) return 'bad time';
  if (typeof e.prev !== 'string' || !HEX64.test(e.prev)) return 'bad prev';
  if (typeof e.hash !== 'string' || !HEX64.test(e.hash)) return 'bad hash';
  if (typeof e.event !== 'object' || e.event === null || Array.isArray(e.event)) return 'bad event';
  let body: string;
  try {
    body = entryBody(e as unknown as AuditEntry);
  } catch {
    return 'bad event';
  }
  if (!sameHex(sha256(body), e.hash)) return 'hash mismatch (entry edited)';
  if (key !== undefined) {
    if (typeof e.mac !== 'string') return 'missing mac';
    if (!sameHex(hmac(key, body), e.mac)) return 'mac mismatch (entry forged or wrong key)';
  } else if (e.mac !== undefined && (typeof e.mac !== 'string' || !HEX64.test(e.mac))) return 'bad mac';
  return undefined;
}

/** Checks a head file or checkpoint (shape, and mac when keyed). */
export function checkpointProblem(raw: unknown, key: Uint8Array | undefined): string | undefined {
  if (typeof raw !== 'object' || raw === null) return 'not a JSON object';
  const c = raw as Record<string, unknown>;
  if (c.v !== 1 || !Number.isSafeInteger(c.seq) || (c.seq as number) < 0) return 'bad checkpoint';
  if (typeof c.hash !== 'string' || !HEX64.test(c.hash) || typeof c.time !== 'string') return 'bad checkpoint';
  if (key !== undefined) {
    if (typeof c.mac !== 'string') return 'checkpoint has no mac';
    if (!sameHex(hmac(key, checkpointBody(c as unknown as AuditCheckpoint)), c.mac)) return 'checkpoint mac mismatch';
  }
  return undefined;
}
