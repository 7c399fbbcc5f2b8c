import { resolve } from 'node:path';
import { KamenError, loadKeyRing, type KeyRing } from '@kamen/core';
import type { Logger } from 'pino';
import { auditKeyFromRing, buildRevealEvent, createAuditLog, type AuditConfig, type AuditLog } from './audit/index.js';
import type { ProxyConfig } from './config/types.js';
import { proxyError, proxyErrorCode, type ProxyErrorCode } from './errors.js';
import {
  GRANT_DEFAULTS,
  createMemoryReplayStore,
  createRevealMatcher,
  parseDuration,
  verifyGrant,
  type GrantsConfig,
  type RevealMatcher,
} from './grants/index.js';
import type { Identity } from './identity/identity.js';

/** A reveal in progress: the matcher the masker consults, and the audit entry that closes it. */
export interface ActiveReveal {
  readonly matcher: RevealMatcher;
  finish(outcome: 'completed' | 'failed'): Promise<void>;
}

export type RevealDecision =
  { readonly ok: true; readonly reveal?: ActiveReveal } | { readonly ok: false; readonly code: ProxyErrorCode };

export interface RevealRequest {
  readonly token: string | string[] | undefined;
  readonly identity: Identity & { ok: true };
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
}

/**
 * The reveal hook (the customer-instruction model). A request of a masked role carrying a grant gets clear values
 * for exactly the grant's scope, and only after `reveal.start` is durably in the audit log (AL-04): if the append
 * fails, the reveal is refused. Refused grants are audited too (best effort: the refusal stands either way).
 */
export interface Revealer {
  /** Lower-case grant header: never forwarded upstream, part of Vary. */
  readonly header: string;
  readonly enabled: boolean;
  decide(r: RevealRequest): Promise<RevealDecision>;
  close(): Promise<void>;
}

const keysFrom = (file: string | undefined, baseDir: string): KeyRing | undefined =>
  file === undefined ? undefined : loadKeyRing(resolve(baseDir, file));

/** Builds the revealer from the `grants` and `audit` sections; without `grants`, grants are ignored (masked as usual). */
export async function createRevealer(config: ProxyConfig, log: Logger): Promise<Revealer> {
  const grants = config.grants as Partial<GrantsConfig> | undefined;
  const header = (grants?.header ?? GRANT_DEFAULTS.header).toLowerCase();
  if (grants === undefined)
    return { header, enabled: false, decide: () => Promise.resolve({ ok: true }), close: () => Promise.resolve() };
  const invalid = (path: string, message: string) =>
    proxyError('KAMEN_PROXY_ERR_CONFIG_INVALID', `${path} ${message}`, { path });
  const audit = config.audit as AuditConfig | undefined;
  if (audit === undefined) throw invalid('audit', 'is required when grants are enabled: every reveal is audited');
  const grantKeys = keysFrom(grants.keyFile ?? config.keyFile, config.baseDir);
  if (grantKeys === undefined) throw invalid('grants.keyFile', 'is required (or keyFile): grants are signed with it');
  const auditKeys = keysFrom(audit.keyFile ?? config.keyFile, config.baseDir);
  const maxTtlSec = parseDuration(grants.maxTtl ?? GRANT_DEFAULTS.maxTtl);
  const auditLog: AuditLog = await createAuditLog({
    path: resolve(config.baseDir, audit.path),
    fsync: audit.fsync ?? 'always',
    ...(audit.headFile !== undefined ? { headFile: resolve(config.baseDir, audit.headFile) } : {}),
    ...(auditKeys !== undefined ? { key: auditKeyFromRing(auditKeys) } : {}),
  });
  const replayStore = createMemoryReplayStore(grants.replayCapacity ?? GRANT_DEFAULTS.replayCapacity);

  const record = async (event: Parameters<typeof buildRevealEvent>[0]) => auditLog.append(buildRevealEvent(event));

  return {
    header,
    enabled: true,
    async decide(r) {
      if (r.token === undefined) return { ok: true };
      const base = { identity: r.identity, method: r.method, requestId: r.requestId, keys: grantKeys };
      if (Array.isArray(r.token)) return refuse('KAMEN_PROXY_ERR_GRANT_MALFORMED');
      let scope;
      try {
        scope = await verifyGrant(r.token, {
          keys: grantKeys,
          ...(r.identity.tenant !== undefined ? { tenant: r.identity.tenant } : {}),
          ...(r.identity.subject !== undefined ? { subject: r.identity.subject } : {}),
          method: r.method,
          path: r.path,
          replayStore,
          ...(maxTtlSec !== undefined ? { maxTtlSec } : {}),
          clockToleranceSec: grants.clockToleranceSec ?? GRANT_DEFAULTS.clockToleranceSec,
        });
      } catch (err) {
        return refuse(proxyErrorCode(err) ?? 'KAMEN_PROXY_ERR_REVEAL_REFUSED');
      }
      try {
        await record({ ...base, type: 'reveal.start', outcome: 'allowed', scope });
      } catch (err) {
        log.error({ reqId: r.requestId, code: codeOf(err) }, 'audit write failed: reveal refused');
        return { ok: false, code: 'KAMEN_PROXY_ERR_AUDIT_WRITE' };
      }
      const matcher = createRevealMatcher(scope);
      return {
        ok: true,
        reveal: {
          matcher,
          async finish(outcome) {
            try {
              await record({
                ...base,
                type: 'reveal.end',
                outcome,
                scope,
                records: [...matcher.revealedRecords],
                revealed: matcher.revealedValues,
              });
            } catch (err) {
              // The values were already sent (after a durable reveal.start); the missing end entry is visible to
              // the verifier as a start without an end.
              log.error({ reqId: r.requestId, code: codeOf(err) }, 'audit write failed for reveal.end');
            }
          },
        },
      };

      async function refuse(code: ProxyErrorCode): Promise<RevealDecision> {
        try {
          await record({ ...base, type: 'grant.refused', outcome: 'refused', code });
        } catch (err) {
          log.error({ reqId: r.requestId, code: codeOf(err) }, 'audit write failed for a refused grant');
        }
        return { ok: false, code };
      }
    },
    close: () => auditLog.close(),
  };
}

function codeOf(err: unknown): string | undefined {
  return err instanceof KamenError ? err.code : undefined;
}
