import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { createKeyRing, type KeyRing } from '@kamen/core';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueGrant, type IssueGrantOptions } from '../../packages/proxy/src/grants/issue-grant.js';
import { verifyGrant, type VerifyGrantOptions } from '../../packages/proxy/src/grants/verify-grant.js';
import { createMemoryReplayStore } from '../../packages/proxy/src/grants/replay-store.js';
import { grantKey } from '../../packages/proxy/src/grants/grant-key.js';
import { parseDuration } from '../../packages/proxy/src/grants/duration.js';

const ring = (id = 'k1'): KeyRing => createKeyRing([{ id, key: randomBytes(32) }], id);
const keys = ring();
const T0 = new Date('2026-06-01T09:00:00Z');
const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

const issue = (o: Partial<IssueGrantOptions> = {}) =>
  issueGrant({
    keys,
    tenant: 'acme',
    subject: 'eng-7',
    routes: ['GET /api/employees/*'],
    records: ['E-1001', 'E-1002'],
    fields: ['name', 'phone'],
    reason: 'payroll correction requested by customer',
    ticket: 'SUP-4711',
    ttlSec: 900,
    now: T0,
    ...o,
  });
const verify = (token: string, o: Partial<VerifyGrantOptions> = {}) =>
  verifyGrant(token, {
    keys,
    tenant: 'acme',
    subject: 'eng-7',
    method: 'GET',
    path: '/api/employees/E-1001',
    replayStore: createMemoryReplayStore(),
    now: at(60),
    ...o,
  });
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { code?: string }) => e.code,
  );

describe('issueGrant / verifyGrant (AL-06)', () => {
  it('a valid grant yields exactly its scope', async () => {
    const { token, jti, expiresAt } = await issue();
    const scope = await verify(token);
    expect(scope).toMatchObject({
      jti,
      tenant: 'acme',
      subject: 'eng-7',
      route: 'GET /api/employees/*',
      records: ['E-1001', 'E-1002'],
      recordKey: 'id',
      fields: ['name', 'phone'],
      entities: [],
      ticket: 'SUP-4711',
      use: 1,
      uses: 1,
    });
    expect(scope.expiresAt).toEqual(expiresAt);
    expect(expiresAt).toEqual(at(900));
  });

  it('refuses expired and not-yet-valid grants, with clock tolerance', async () => {
    const { token } = await issue();
    expect(await code(verify(token, { now: at(904) }))).toBe('accepted');
    expect(await code(verify(token, { now: at(906) }))).toBe('KAMEN_PROXY_ERR_GRANT_EXPIRED');
    expect(await code(verify(token, { now: at(-4) }))).toBe('accepted');
    expect(await code(verify(token, { now: at(-60) }))).toBe('KAMEN_PROXY_ERR_GRANT_NOT_YET_VALID');
  });

  it('refuses replays; `uses` allows that many requests per jti', async () => {
    const store = createMemoryReplayStore();
    const { token } = await issue();
    expect(await code(verify(token, { replayStore: store }))).toBe('accepted');
    expect(await code(verify(token, { replayStore: store }))).toBe('KAMEN_PROXY_ERR_GRANT_REPLAYED');
    const three = (await issue({ uses: 3 })).token;
    const uses = [];
    for (let i = 0; i < 4; i++) uses.push(await code(verify(three, { replayStore: store })));
    expect(uses).toEqual(['accepted', 'accepted', 'accepted', 'KAMEN_PROXY_ERR_GRANT_REPLAYED']);
  });

  it('a refused grant is not consumed', async () => {
    const store = createMemoryReplayStore();
    const { token } = await issue();
    expect(await code(verify(token, { replayStore: store, path: '/api/payroll' }))).toBe(
      'KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE',
    );
    expect(await code(verify(token, { replayStore: store }))).toBe('accepted');
  });

  it('a full replay store refuses new grants rather than forgetting used ones', async () => {
    const store = createMemoryReplayStore(1);
    expect(await code(verify((await issue()).token, { replayStore: store }))).toBe('accepted');
    expect(await code(verify((await issue()).token, { replayStore: store }))).toBe(
      'KAMEN_PROXY_ERR_GRANT_REPLAY_STORE_FULL',
    );
    // Once the first grant has expired its slot is reclaimed.
    expect(await code(verify((await issue({ now: at(1000) })).token, { replayStore: store, now: at(1060) }))).toBe(
      'accepted',
    );
  });

  it.each([
    ['another tenant', { tenant: 'globex' }, 'KAMEN_PROXY_ERR_GRANT_WRONG_TENANT'],
    ['no tenant', { tenant: undefined }, 'KAMEN_PROXY_ERR_GRANT_WRONG_TENANT'],
    ['another subject', { subject: 'eng-8' }, 'KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT'],
    ['no subject', { subject: undefined }, 'KAMEN_PROXY_ERR_GRANT_WRONG_SUBJECT'],
    ['another method', { method: 'DELETE' }, 'KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE'],
    ['another path', { path: '/api/payroll/E-1001' }, 'KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE'],
    ['a prefix trick', { path: '/api/employeesX/E-1001' }, 'KAMEN_PROXY_ERR_GRANT_OUT_OF_SCOPE'],
    ['another key ring', { keys: ring() }, 'KAMEN_PROXY_ERR_GRANT_TAMPERED'],
    ['a ring without the kid', { keys: ring('k2') }, 'KAMEN_PROXY_ERR_GRANT_KEY_UNKNOWN'],
    ['a shorter max TTL', { maxTtlSec: 600 }, 'KAMEN_PROXY_ERR_GRANT_TTL'],
  ])('refuses a grant presented with %s', async (_name, o, expected) => {
    const { token } = await issue();
    expect(await code(verify(token, o as Partial<VerifyGrantOptions>))).toBe(expected);
  });

  it('ignores the query string when matching routes', async () => {
    const { token } = await issue();
    expect(await code(verify(token, { path: '/api/employees/E-1001?x=/api/payroll' }))).toBe('accepted');
  });

  it('refuses tokens that are not kamen grants: alg none, another typ, an IdP JWT, garbage, oversize', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const { token, claims } = await issue();
    const none = `${b64({ alg: 'none', typ: 'kamen-grant+jwt', kid: 'k1' })}.${b64(claims)}.`;
    const otherTyp = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'k1' })
      .sign(grantKey(keys, 'acme'));
    for (const t of [none, otherTyp, 'a.b.c', token.slice(0, -5), `${token}.x`, 'x'.repeat(9000)])
      expect(await code(verify(t))).toMatch(/^KAMEN_PROXY_ERR_GRANT_(MALFORMED|TAMPERED)$/);
  });

  it('refuses a re-signed grant whose claims break the schema (a bug or a stolen key must not widen scope)', async () => {
    const { claims } = await issue();
    const bad = await new SignJWT({ ...claims, fields: [], entities: [] })
      .setProtectedHeader({ alg: 'HS256', typ: 'kamen-grant+jwt', kid: 'k1' })
      .sign(grantKey(keys, 'acme'));
    expect(await code(verify(bad))).toBe('KAMEN_PROXY_ERR_GRANT_MALFORMED');
  });

  it('property: any change to any character of a grant is refused', async () => {
    const { token } = await issue();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), async (i, ch) => {
        fc.pre(token[i] !== ch);
        const altered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(await code(verify(altered))).toMatch(/^KAMEN_PROXY_ERR_GRANT_/);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['no records', { records: undefined }, 'records'],
    ['records and all-records', { allRecords: true }, 'records'],
    ['no fields or entities', { fields: [] }, 'fields'],
    ['unknown entity', { fields: [], entities: ['SHOE_SIZE'] }, 'entities'],
    ['empty reason', { reason: '  ' }, 'reason'],
    ['bad ticket', { ticket: 'SUP 47' }, 'ticket'],
    ['ttl above max', { ttlSec: 7200 }, 'ttl'],
    ['lowercase method', { routes: ['get /api/x'] }, 'routes'],
    ['bad tenant', { tenant: 'a/b' }, 'tenant'],
    ['control characters in a record id', { records: ['E-1\u001b[2J'] }, 'records'],
  ])('issueGrant refuses %s', async (_n, o, option) => {
    await expect(issue(o as Partial<IssueGrantOptions>)).rejects.toMatchObject({
      code: 'KAMEN_PROXY_ERR_GRANT_ISSUE',
      message: expect.stringContaining(option),
    });
  });

  it('issues all-record and entity grants and unique jtis', async () => {
    const a = await issue({ records: undefined, allRecords: true, fields: [], entities: ['PHONE'] });
    const scope = await verify(a.token);
    expect(scope).toMatchObject({ records: 'all', entities: ['PHONE'], fields: [] });
    const jtis = new Set(await Promise.all(Array.from({ length: 50 }, async () => (await issue()).jti)));
    expect(jtis.size).toBe(50);
  });

  it('parses durations', () => {
    expect([
      parseDuration('15m'),
      parseDuration('1h'),
      parseDuration('90s'),
      parseDuration('2d'),
      parseDuration('30'),
    ]).toEqual([900, 3600, 90, 172_800, 30]);
    expect([parseDuration('0m'), parseDuration('1w'), parseDuration('-5m'), parseDuration('')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
