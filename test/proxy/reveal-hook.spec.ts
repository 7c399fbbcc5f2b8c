import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile, loadKeyRing } from '@kamen/core';
import { issueGrant } from '@kamen/proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const employees = [
  { 社員番号: 'E1', 氏名: '山田 太郎', 電話番号: '090-1234-5678', メール: 'taro.yamada@example.co.jp' },
  { 社員番号: 'E2', 氏名: '佐藤 花子', 電話番号: '080-8765-4321', メール: 'hanako.sato@example.co.jp' },
];

describe('proxy: reveal hook (grant → clear values for exactly its scope, audit first)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kamen-reveal-'));
  const keyFile = join(dir, 'keys.json');
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  const grant = async (fields: string[], records = ['E1']) =>
    (
      await issueGrant({
        keys: loadKeyRing(keyFile),
        subject: 'sato@support',
        routes: ['GET /api/employees'],
        records,
        recordKey: '社員番号',
        fields,
        reason: 'payroll correction requested by the customer',
        ticket: 'SUP-1234',
        ttlSec: 600,
      })
    ).token;
  const get = (token?: string) =>
    h.fetch('/api/employees', {
      role: 'support',
      headers: { 'x-user': 'sato@support', ...(token !== undefined ? { 'x-kamen-grant': token } : {}) },
    });

  beforeAll(async () => {
    generateKeyFile(keyFile);
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ employees }));
    });
    h = await startProxy(upstream.url, {
      keyFile,
      identity: { subjectHeader: 'x-user' },
      grants: {},
      audit: { path: join(dir, 'audit.jsonl') },
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('reveals exactly the granted field of the granted record, once', async () => {
    const token = await grant(['電話番号']);
    const r = await get(token);
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text) as { employees: Record<string, string>[] };
    expect(body.employees[0]?.['電話番号']).toBe('090-1234-5678');
    expect(body.employees[0]?.['氏名']).not.toBe('山田 太郎');
    expect(body.employees[1]?.['電話番号']).not.toBe('080-8765-4321');
    // reveal.end is appended after the last byte went out: wait for it.
    let audit = '';
    for (let i = 0; i < 100 && !audit.includes('"reveal.end"'); i++) {
      audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(audit).toContain('"reveal.start"');
    expect(audit).toContain('"reveal.end"');
    expect(audit).not.toContain('090-1234-5678');
    const replay = await get(token);
    expect(replay.status).toBe(403);
    expect(JSON.parse(replay.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_GRANT_REPLAYED', status: 403 } });
  });

  it('refuses a tampered grant and masks as usual without one', async () => {
    const token = await grant(['電話番号']);
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
    expect((await get(tampered)).status).toBe(403);
    const plain = await get();
    expect(plain.text).not.toContain('090-1234-5678');
  });

  it('refuses the reveal when the audit log cannot be written (AL-04)', async () => {
    // The head file's directory disappears after start: the append cannot complete (works as root too).
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const other = await startProxy(upstream.url, {
      keyFile,
      identity: { subjectHeader: 'x-user' },
      grants: {},
      audit: { path: join(dir, 'audit2.jsonl'), headFile: join(gone, 'head') },
    });
    try {
      rmSync(gone, { recursive: true });
      const r = await other.fetch('/api/employees', {
        role: 'support',
        headers: { 'x-user': 'sato@support', 'x-kamen-grant': await grant(['電話番号']) },
      });
      expect(r.status).toBe(503);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_AUDIT_WRITE', status: 503 } });
    } finally {
      await other.close();
    }
  });
});
