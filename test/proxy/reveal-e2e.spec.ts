import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile, loadKeyRing, reveal } from '@kamen/core';
import { auditKeyFromRing, issueGrant, verifyAuditLog, type AuditEntry } from '@kamen/proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HR_HEADER, hrTable, leaked } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

/**
 * The customer-instruction model end to end: a real upstream on loopback, the proxy from createProxy, grants from
 * issueGrant with the tenant key file, the audit log on disk. A support engineer with a valid grant sees exactly
 * the granted fields of the granted records; expired, replayed, tampered and foreign grants are refused (AL-06);
 * an audit log that cannot be written refuses the reveal (AL-04).
 */
const table = hrTable(6, 11);
const employees = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i] as string])));
const target = employees[1] as Record<string, string>;
const other = employees[2] as Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'kamen-reveal-e2e-'));
const keyFile = join(dir, 'acme-keys.json');
generateKeyFile(keyFile);
const keys = loadKeyRing(keyFile);
const auditPath = join(dir, 'audit.jsonl');
const forwarded: Record<string, string | string[] | undefined>[] = [];

const identity = {
  roleHeader: 'x-kamen-role',
  subjectHeader: 'x-kamen-user',
  tenantHeader: 'x-kamen-tenant',
  trustedProxies: ['127.0.0.1/32', '::1/128'],
};
const as = (grant?: string, user = 'eng-7') => ({
  role: 'support',
  headers: {
    'x-kamen-user': user,
    'x-kamen-tenant': 'acme',
    ...(grant !== undefined ? { 'x-kamen-grant': grant } : {}),
  },
});
const grant = (o: Partial<Parameters<typeof issueGrant>[0]> = {}) =>
  issueGrant({
    keys,
    tenant: 'acme',
    subject: 'eng-7',
    routes: ['GET /api/employees', 'GET /api/employees/:id'],
    records: [target['社員番号'] as string],
    recordKey: '社員番号',
    fields: ['電話番号'],
    reason: 'customer asked to confirm the emergency phone number',
    ticket: 'SUP-4711',
    ttlSec: 600,
    ...o,
  }).then((g) => g.token);
const codeOf = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

describe('reveal grants through the proxy, with the audit log (AL-01, AL-04, AL-06)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      forwarded.push(req.headers);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      const id = /^\/api\/employees\/([^/?]+)$/.exec(req.url ?? '')?.[1];
      const one = employees.find((e) => e['社員番号'] === id);
      res.end(JSON.stringify(id === undefined ? { employees } : (one ?? {})));
    });
    h = await startProxy(upstream.url, {
      identity,
      keyFile,
      grants: { maxTtl: '1h' },
      audit: { path: auditPath, fsync: 'always' },
    });
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('without a grant, support sees no personal value', async () => {
    const res = await h.fetch('/api/employees', as());
    expect(res.status).toBe(200);
    expect(leaked(res.text, table.pii)).toEqual([]);
  });

  it('with a valid grant, exactly the granted field of exactly the granted record is in clear', async () => {
    const res = await h.fetch('/api/employees', as(await grant()));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { employees: Record<string, string>[] };
    // Records keep their order; the id itself stays masked (only 電話番号 is granted).
    const shown = body.employees[1];
    expect(shown?.['電話番号']).toBe(target['電話番号']);
    const others = table.pii.filter((v) => v !== target['電話番号']);
    expect(leaked(res.text, others)).toEqual([]);
    expect(res.text).not.toContain(other['電話番号']);
    expect(res.headers.vary).toMatch(/x-kamen-grant/i);
    expect(forwarded.at(-1)?.['x-kamen-grant']).toBeUndefined();
    expect(forwarded.at(-1)?.['x-kamen-user']).toBeUndefined();
  });

  it('a grant is single use: the replay is refused with 403', async () => {
    const token = await grant();
    expect((await h.fetch(`/api/employees/${target['社員番号']}`, as(token))).status).toBe(200);
    const again = await h.fetch(`/api/employees/${target['社員番号']}`, as(token));
    expect(again.status).toBe(403);
    expect(codeOf(again.text)).toBe('KAMEN_PROXY_ERR_GRANT_REPLAYED');
    expect(leaked(again.text, table.pii)).toEqual([]);
  });

  it.each([
    ['expired', () => grant({ now: new Date(Date.now() - 3_600_000) }), 'eng-7', 'KAMEN_PROXY_ERR_GRANT_EXPIRED'],
    [
      'tampered',
      async () => {
        const t = await grant();
        return `${t.slice(0, -3)}${t.endsWith('AAA') ? 'BBB' : 'AAA'}`;
      },
      'eng-7',
      'KAMEN_PROXY_ERR_GRANT_TAMPERED',
    ],
    ['for someone else', () => grant(), 'eng-8', 'KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT'],
    ['for another tenant', () => grant({ tenant: 'globex' }), 'eng-7', 'KAMEN_PROXY_ERR_GRANT_WRONG_TENANT'],
    ['for another route', () => grant({ routes: ['GET /api/payroll'] }), 'eng-7', 'KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE'],
  ])('a grant %s is refused with 403 and its code, nothing revealed', async (_name, make, user, code) => {
    const res = await h.fetch('/api/employees', as(await make(), user));
    expect(res.status).toBe(403);
    expect(codeOf(res.text)).toBe(code);
    expect(leaked(res.text, table.pii)).toEqual([]);
  });

  it('the audit log holds every reveal and refusal, verifies, and carries no personal value', async () => {
    const text = readFileSync(auditPath, 'utf8');
    const entries = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    const types = entries.map((e) => `${e.event.type}:${e.event.code ?? e.event.outcome}`);
    expect(types).toContain('reveal.start:allowed');
    expect(types).toContain('reveal.end:completed');
    expect(types).toContain('grant.refused:KAMEN_PROXY_ERR_GRANT_REPLAYED');
    expect(types).toContain('grant.refused:KAMEN_PROXY_ERR_GRANT_EXPIRED');
    const start = entries.find((e) => e.event.type === 'reveal.start');
    expect(start?.event).toMatchObject({
      subject: 'eng-7',
      tenant: 'acme',
      role: 'support',
      route: 'GET /api/employees',
      fields: ['電話番号'],
      grant: { ticket: 'SUP-4711', uses: 1 },
    });
    // Records are pseudonyms an auditor with the tenant key can reveal.
    expect(reveal(start?.event.records?.[0] as string, keys, { tenant: 'acme' })).toBe(target['社員番号']);
    expect(entries.find((e) => e.event.type === 'reveal.end')?.event.revealed).toBe(1);
    expect(leaked(text, table.pii)).toEqual([]);
    expect(text).not.toContain(target['社員番号']);
    expect(await verifyAuditLog(auditPath, { key: auditKeyFromRing(keys) })).toMatchObject({
      ok: true,
      entries: entries.length,
    });
    expect(leaked(h.logs.text, table.pii)).toEqual([]);
  });
});

describe('AL-04: an audit log that cannot be written refuses the reveal', () => {
  it('answers 503 KAMEN_PROXY_ERR_AUDIT_WRITE and reveals nothing (ENOSPC via /dev/full)', async () => {
    const upstream = await startUpstream((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ employees }));
    });
    const h = await startProxy(upstream.url, {
      identity,
      keyFile,
      grants: {},
      audit: { path: '/dev/full', headFile: join(dir, 'full.head') },
    });
    try {
      const res = await h.fetch('/api/employees', as(await grant()));
      expect(res.status).toBe(503);
      expect(codeOf(res.text)).toBe('KAMEN_PROXY_ERR_AUDIT_WRITE');
      expect(leaked(res.text, table.pii)).toEqual([]);
      const plain = await h.fetch('/api/employees', as());
      expect(plain.status).toBe(200);
      expect(leaked(plain.text, table.pii)).toEqual([]);
    } finally {
      await h.close();
      await upstream.close();
    }
  });
});
