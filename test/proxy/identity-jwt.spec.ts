import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityResolver } from '../../packages/proxy/src/identity/create-identity-resolver.js';
import type { JwtConfig } from '../../packages/proxy/src/identity/identity-config.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const now = Math.floor(NOW.getTime() / 1000);
const dir = mkdtempSync(join(tmpdir(), 'kamen-jwt-'));
const jwtDefaults = {
  algorithms: ['RS256'],
  issuer: 'https://idp.test',
  audience: 'kamen-proxy',
  clockToleranceSec: 30,
  maxTokenAgeSec: 3600,
  roleClaim: 'role',
  subjectClaim: 'sub',
  jwksTimeoutMs: 300,
  jwksCooldownMs: 30_000,
  jwksCacheMaxAgeMs: 600_000,
} satisfies Partial<JwtConfig>;

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let pem: string;
let keyFile: string;

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
  pem = await exportSPKI(keys.publicKey);
  keyFile = join(dir, 'idp.pem');
  writeFileSync(keyFile, pem);
});

const claims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: 'https://idp.test',
  aud: 'kamen-proxy',
  sub: 'eng-42',
  iat: now - 60,
  exp: now + 600,
  role: 'support',
  ...extra,
});
const sign = (payload: JWTPayload, header: Record<string, unknown> = { alg: 'RS256' }) =>
  new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(keys.privateKey);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function resolverFor(jwt: Partial<JwtConfig>, extra: Record<string, unknown> = {}) {
  return createIdentityResolver(
    {
      trustedProxies: ['127.0.0.1/32'],
      onMissingRole: 'restrictive',
      jwt: { ...jwtDefaults, keyFile, ...jwt },
      ...extra,
    },
    { clock: () => NOW },
  );
}
const bearer = (token: string, more: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...more },
  remoteAddress: '192.0.2.10',
});

describe('JWT identity with a key file', () => {
  it('reads role and subject from a valid token', async () => {
    const id = await resolverFor({})(bearer(await sign(claims({ role: 'analytics' }))));
    expect(id).toMatchObject({
      ok: true,
      role: 'analytics',
      subject: 'eng-42',
      source: 'jwt',
      issuer: 'https://idp.test',
    });
  });

  it('AU-01: alg none → 401', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims({ role: 'admin' }))}.`;
    expect(await resolverFor({})(bearer(token))).toMatchObject({ ok: false, status: 401 });
  });

  it('AU-02: the RSA public key used as an HS256 secret → 401', async () => {
    for (const secret of [pem, pem.replace('PUBLIC KEY', 'RSA PUBLIC KEY')]) {
      const token = await new SignJWT(claims({ role: 'admin' }))
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(secret));
      expect(await resolverFor({})(bearer(token))).toMatchObject({
        ok: false,
        status: 401,
        reason: 'algorithm not allowed',
      });
    }
  });

  it('AU-02: configuration never mixes HMAC with public-key algorithms, nor accepts none', () => {
    expect(() => resolverFor({ algorithms: ['RS256', 'HS256'] })).toThrow(/mixes HMAC/);
    expect(() => resolverFor({ algorithms: ['none'] })).toThrow(/none/);
    expect(() => resolverFor({ algorithms: ['HS256'] })).toThrow(/PEM key but jwt.algorithms are HMAC/);
    expect(() => resolverFor({ jwksUrl: 'http://idp.example/jwks' })).toThrow(/exactly one/);
  });

  it.each([
    ['exp missing', { exp: undefined }],
    ['iat missing', { iat: undefined }],
    ['nbf in the future', { nbf: now + 120 }],
    ['wrong audience', { aud: 'other' }],
    ['wrong issuer', { iss: 'https://evil.test' }],
    ['iat too old', { iat: now - 7200, exp: now + 600 }],
  ])('AU-03: %s → 401', async (_name, extra) => {
    const token = await sign(claims(extra as JWTPayload));
    expect(await resolverFor({})(bearer(token))).toMatchObject({ ok: false, status: 401 });
  });

  it('AU-04: exp = now−29 s passes with clockTolerance 30, now−31 s does not', async () => {
    const r = resolverFor({});
    expect(await r(bearer(await sign(claims({ exp: now - 29 }))))).toMatchObject({ ok: true, role: 'support' });
    expect(await r(bearer(await sign(claims({ exp: now - 31 }))))).toMatchObject({ ok: false, status: 401 });
  });

  it('tampered payload or malformed or duplicated Authorization → 401', async () => {
    const token = await sign(claims());
    const [h, , s] = token.split('.');
    const r = resolverFor({});
    expect(await r(bearer(`${h}.${b64(claims({ role: 'admin' }))}.${s}`))).toMatchObject({ ok: false, status: 401 });
    expect(await r(bearer('not a token'))).toMatchObject({ ok: false, status: 401 });
    const dup = {
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '192.0.2.1',
      rawHeaders: ['Authorization', `Bearer ${token}`, 'authorization', 'Bearer x'],
    };
    expect(await r(dup)).toMatchObject({ ok: false, status: 401 });
  });

  it('configurable role claim paths: nested arrays, namespaced claims', async () => {
    const keycloak = resolverFor({ roleClaim: 'realm_access.roles' });
    const t1 = await sign(claims({ role: undefined, realm_access: { roles: ['offline_access', 'migration'] } }));
    expect(await keycloak(bearer(t1))).toMatchObject({ ok: true, role: 'migration' });
    const t2 = await sign(claims({ role: undefined, realm_access: { roles: ['support', 'admin'] } }));
    expect(await keycloak(bearer(t2))).toMatchObject({ role: 'support', fallback: 'ambiguous' });
    const first = resolverFor({ roleClaim: 'realm_access.roles[0]' });
    expect(await first(bearer(t2))).toMatchObject({ role: 'support', source: 'jwt' });
    const ns = resolverFor({ roleClaim: 'https://kamen/role' });
    expect(await ns(bearer(await sign(claims({ 'https://kamen/role': 'analytics' }))))).toMatchObject({
      role: 'analytics',
    });
    expect(await ns(bearer(await sign(claims({ 'https://kamen/role': 'root' }))))).toMatchObject({
      role: 'support',
      fallback: 'unknown',
    });
  });

  it('no token → restrictive role or 401 per onMissingRole', async () => {
    expect(await resolverFor({})({ headers: {}, remoteAddress: '192.0.2.1' })).toMatchObject({
      role: 'support',
      fallback: 'missing',
    });
    const strict = resolverFor({}, { onMissingRole: 'reject' });
    expect(await strict({ headers: {}, remoteAddress: '192.0.2.1' })).toMatchObject({ ok: false, status: 401 });
  });

  it('AU-10: JWT role and trusted header role must agree', async () => {
    const r = resolverFor({}, { roleHeader: 'x-kamen-role' });
    const token = await sign(claims({ role: 'support' }));
    const trusted = (role: string) => ({
      headers: { authorization: `Bearer ${token}`, 'x-kamen-role': role },
      remoteAddress: '127.0.0.1',
    });
    expect(await r(trusted('admin'))).toMatchObject({ role: 'support', fallback: 'conflict' });
    expect(await r(trusted('support'))).toMatchObject({ role: 'support', source: 'jwt+header' });
  });

  it('tenant from a claim; a non-string tenant claim → 401', async () => {
    const r = resolverFor({ tenantClaim: 'org.id' });
    expect(await r(bearer(await sign(claims({ org: { id: 'acme' } }))))).toMatchObject({ tenant: 'acme' });
    expect(await r(bearer(await sign(claims({ org: { id: ['a', 'b'] } }))))).toMatchObject({ ok: false, status: 401 });
  });
});

describe('JWT identity with a JWKS endpoint (AU-05, AU-06)', () => {
  let server: Server;
  let url: string;
  let fetches = 0;
  let mode: 'ok' | 'hang' = 'ok';
  let jwks: { keys: unknown[] };

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const other = await generateKeyPair('RS256', { extractable: true });
    jwks = {
      keys: [
        jwk,
        { ...(await exportJWK(other.publicKey)), kid: 'dup', alg: 'RS256' },
        { ...(await exportJWK(other.publicKey)), kid: 'dup', alg: 'RS256' },
      ],
    };
    server = createServer((_req, res) => {
      fetches++;
      if (mode === 'hang') return;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('verifies with the fetched key, and a flood of unknown kids refetches at most once per cooldown', async () => {
    const r = resolverFor({ keyFile: undefined, jwksUrl: url });
    expect(await r(bearer(await sign(claims(), { alg: 'RS256', kid: 'k1' })))).toMatchObject({
      ok: true,
      role: 'support',
    });
    const before = fetches;
    for (let i = 0; i < 20; i++) {
      const id = await r(bearer(await sign(claims(), { alg: 'RS256', kid: `random-${i}` })));
      expect(id).toMatchObject({ ok: false, status: 401 });
    }
    expect(fetches - before).toBeLessThanOrEqual(1);
  });

  it('a kid matching two JWKs never verifies a forged token', async () => {
    const r = resolverFor({ keyFile: undefined, jwksUrl: url });
    expect(await r(bearer(await sign(claims({ role: 'admin' }), { alg: 'RS256', kid: 'dup' })))).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('a hanging or closed JWKS endpoint gives 503, never an unverified identity', async () => {
    mode = 'hang';
    const r = resolverFor({ keyFile: undefined, jwksUrl: url });
    expect(await r(bearer(await sign(claims(), { alg: 'RS256', kid: 'k1' })))).toMatchObject({
      ok: false,
      status: 503,
    });
    mode = 'ok';
    const closed = createServer();
    await new Promise<void>((res) => closed.listen(0, '127.0.0.1', res));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((res) => closed.close(() => res()));
    const down = resolverFor({ keyFile: undefined, jwksUrl: `http://127.0.0.1:${port}/jwks` });
    expect(await down(bearer(await sign(claims(), { alg: 'RS256', kid: 'k1' })))).toMatchObject({
      ok: false,
      status: 503,
    });
  });

  it('refuses plain http JWKS off loopback', () => {
    expect(() => resolverFor({ keyFile: undefined, jwksUrl: 'http://idp.example/jwks' })).toThrow(/https/);
  });
});
