import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { createKeyRing } from '@kamen/core';
import {
  buildRevealEvent,
  createAuditLog,
  createMemoryReplayStore,
  issueGrant,
  verifyGrant,
  type Identity,
} from '@kamen/proxy';
import { describe, expect, it } from 'vitest';
import { creditCardArb, myNumberDigitsArb } from '../helpers/generators.js';

/**
 * AL-02: synthetic PII flows through grant issue and verification (success and every refusal) and into audit
 * entries derived from it; no sink (audit file, head file, error messages and codes) may hold any value in raw,
 * JSON-escaped, percent-encoded or base64 form. The grant token itself is the credential handed to the engineer,
 * not a sink: it is signed, not encrypted, and documented as such.
 */
const keys = createKeyRing([{ id: 'k1', key: randomBytes(32) }], 'k1');

const piiArb = fc.record({
  email: fc.integer({ min: 1, max: 1e9 }).map((seed) => {
    faker.seed(seed);
    return faker.internet.email().toLowerCase();
  }),
  phone: fc
    .tuple(
      fc.constantFrom('090', '080', '070'),
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 1000, max: 9999 }),
    )
    .map(([a, b, c]) => `${a}-${b}-${c}`),
  myNumber: myNumberDigitsArb,
  card: creditCardArb,
});

const forms = (v: string): string[] => [
  v,
  JSON.stringify(v).slice(1, -1),
  encodeURIComponent(v),
  Buffer.from(v)
    .toString('base64')
    .replace(/(?<!=)=+$/, ''),
  Buffer.from(v).toString('base64url'),
];

describe('audit and grant sinks never hold PII (AL-02)', () => {
  it('property: generated PII in record ids, reasons and request paths reaches no sink in any encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamen-al02-'));
    const log = await createAuditLog({ path: join(dir, 'audit.jsonl'), key: new Uint8Array(32), fsync: 'never' });
    const sinks: string[] = [];
    const identity: Identity & { ok: true } = {
      ok: true,
      role: 'support',
      subject: 'eng-7',
      tenant: 'acme',
      source: 'header',
      trustedPeer: true,
      clientAddress: '127.0.0.1',
    };
    const values: string[] = [];
    await fc.assert(
      fc.asyncProperty(piiArb, async (pii) => {
        const pv = [pii.email, pii.phone, pii.myNumber, pii.card];
        values.push(...pv);
        const reason = `顧客 ${pii.email} から依頼。携帯 ${pii.phone}、マイナンバー ${pii.myNumber}、カード番号 ${pii.card} の確認`;
        const { token } = await issueGrant({
          keys,
          tenant: 'acme',
          subject: 'eng-7',
          routes: ['GET /api/employees/*'],
          records: [pii.email, pii.myNumber],
          recordKey: 'email',
          fields: ['phone', 'address'],
          reason,
          ticket: 'SUP-1',
          ttlSec: 600,
        });
        const store = createMemoryReplayStore();
        const attempt = async (o: { path: string; subject?: string; token?: string }) => {
          try {
            const scope = await verifyGrant(o.token ?? token, {
              keys,
              tenant: 'acme',
              subject: o.subject ?? 'eng-7',
              method: 'GET',
              path: o.path,
              replayStore: store,
            });
            const start = await log.append(
              buildRevealEvent({ type: 'reveal.start', outcome: 'allowed', identity, method: 'GET', scope, keys }),
            );
            const end = await log.append(
              buildRevealEvent({
                type: 'reveal.end',
                outcome: 'completed',
                identity,
                method: 'GET',
                scope,
                keys,
                records: [pii.email],
                revealed: 2,
              }),
            );
            sinks.push(JSON.stringify(start), JSON.stringify(end));
          } catch (err) {
            const e = err as { code?: string; message: string; context?: unknown; stack?: string };
            sinks.push(e.message, String(e.code), JSON.stringify(e.context ?? {}), e.stack ?? '');
            const refused = await log.append(
              buildRevealEvent({
                type: 'grant.refused',
                outcome: 'refused',
                identity,
                method: 'GET',
                code: e.code ?? 'unknown',
                keys,
              }),
            );
            sinks.push(JSON.stringify(refused));
          }
        };
        const byEmail = `/api/employees/${encodeURIComponent(pii.email)}`;
        await attempt({ path: byEmail });
        await attempt({ path: byEmail }); // replayed
        await attempt({ path: `/api/other/${pii.phone}` }); // out of scope
        await attempt({ path: byEmail, subject: pii.email }); // wrong subject
        await attempt({ path: byEmail, token: `${token.slice(0, 30)}A${token.slice(31)}` }); // tampered
      }),
      { numRuns: 25 },
    );
    await log.close();
    for (const f of readdirSync(dir)) sinks.push(readFileSync(join(dir, f), 'utf8'));
    const all = sinks.join('\n');
    expect(all).toContain('PSN:EMPLOYEE_ID:k1:');
    for (const seen of [
      '"type":"reveal.start"',
      '"type":"reveal.end"',
      '[EMAIL]',
      '[PHONE]',
      '[MY_NUMBER]',
      '[CREDIT_CARD]',
    ])
      expect(all).toContain(seen);
    for (const code of ['REPLAYED', 'OUT_OF_SCOPE', 'WRONG_SUBJECT'])
      expect(all).toContain(`KAMEN_PROXY_ERR_GRANT_${code}`);
    const leaks = values.flatMap((v) =>
      forms(v)
        .filter((f) => all.includes(f))
        .map((f) => `${v} as ${f}`),
    );
    expect(leaks).toEqual([]);
  });
});
