import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile, loadKeyRing } from '@kamen/core';
import { issueGrant } from '@kamen/proxy';
import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HR_HEADER, hrTable, leaked } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

/**
 * Identity through the real proxy: the role and subject come from a verified JWT (key file, pinned RS256), a trusted
 * role header that disagrees lowers privilege (AU-10), bad tokens are 401, and a grant is bound to the JWT subject.
 */
const table = hrTable(4, 23);
const employees = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i] as string])));
const dir = mkdtempSync(join(tmpdir(), 'kamen-identity-e2e-'));
const keyFile = join(dir, 'keys.json');
generateKeyFile(keyFile);

describe('proxy identity from JWTs (AU-01, AU-03, AU-10) with grants bound to the subject', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  let idp: Awaited<ReturnType<typeof generateKeyPair>>;
  const now = () => Math.floor(Date.now() / 1000);
  const token = (claims: JWTPayload, alg = 'RS256') =>
    new SignJWT({ iss: 'https://idp.test', aud: 'kamen', iat: now(), exp: now() + 300, ...claims })
      .setProtectedHeader({ alg })
      .sign(idp.privateKey);
  const get = (headers: Record<string, string>) => h.fetch('/api/employees', { headers });

  beforeAll(async () => {
    idp = await generateKeyPair('RS256', { extractable: true });
    writeFileSync(join(dir, 'idp.pem'), await exportSPKI(idp.publicKey));
    upstream = await startUpstream((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ employees }));
    });
    h = await startProxy(upstream.url, {
      keyFile,
      identity: {
        onMissingRole: 'reject',
        jwt: { keyFile: join(dir, 'idp.pem'), algorithms: ['RS256'], issuer: 'https://idp.test', audience: 'kamen' },
      },
      grants: {},
      audit: { path: join(dir, 'audit.jsonl') },
    });
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('admin from a verified token sees the upstream body; support sees it masked', async () => {
    const admin = await get({ authorization: `Bearer ${await token({ sub: 'boss', role: 'admin' })}` });
    expect(admin.status).toBe(200);
    expect(admin.text).toContain(employees[0]?.['電話番号']);
    const support = await get({ authorization: `Bearer ${await token({ sub: 'eng-1', role: 'support' })}` });
    expect(support.status).toBe(200);
    expect(leaked(support.text, table.pii)).toEqual([]);
  });

  it('a trusted role header that disagrees with the token is a conflict: 401 under onMissingRole reject, never admin', async () => {
    const res = await get({
      authorization: `Bearer ${await token({ sub: 'eng-1', role: 'support' })}`,
      'x-kamen-role': 'admin',
    });
    expect(res.status).toBe(401);
    expect(leaked(res.text, table.pii)).toEqual([]);
  });

  it('alg none, an expired token and no token are 401', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${b64({ alg: 'none' })}.${b64({ iss: 'https://idp.test', aud: 'kamen', sub: 'x', role: 'admin', iat: now(), exp: now() + 60 })}.`;
    const cases: Record<string, string>[] = [
      { authorization: `Bearer ${none}` },
      { authorization: `Bearer ${await token({ sub: 'x', role: 'admin', iat: now() - 900, exp: now() - 600 })}` },
      {},
    ];
    for (const headers of cases) {
      const res = await get(headers);
      expect(res.status).toBe(401);
      expect(leaked(res.text, table.pii)).toEqual([]);
    }
  });

  it('a grant works for the JWT subject it names, and only for it', async () => {
    const { token: grant } = await issueGrant({
      keys: loadKeyRing(keyFile),
      subject: 'eng-1',
      routes: ['GET /api/employees'],
      records: [employees[0]?.['社員番号'] as string],
      recordKey: '社員番号',
      fields: ['メール'],
      reason: 'customer request',
      ticket: 'SUP-9',
      ttlSec: 300,
      uses: 2,
    });
    const other = await get({
      authorization: `Bearer ${await token({ sub: 'eng-2', role: 'support' })}`,
      'x-kamen-grant': grant,
    });
    expect(other.status).toBe(403);
    const mine = await get({
      authorization: `Bearer ${await token({ sub: 'eng-1', role: 'support' })}`,
      'x-kamen-grant': grant,
    });
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(employees[0]?.['メール']);
    expect(
      leaked(
        mine.text,
        table.pii.filter((v) => v !== employees[0]?.['メール']),
      ),
    ).toEqual([]);
  });
});
