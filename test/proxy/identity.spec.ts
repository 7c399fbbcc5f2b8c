import { describe, expect, it } from 'vitest';
import { createIdentityResolver } from '../../packages/proxy/src/identity/create-identity-resolver.js';
import type { IdentityConfig } from '../../packages/proxy/src/config/types.js';
import type { IdentityExtras } from '../../packages/proxy/src/identity/identity-config.js';

type Config = IdentityConfig & IdentityExtras;
const base: Config = {
  roleHeader: 'X-Kamen-Role',
  trustedProxies: ['127.0.0.1/32', 'fd00::/8'],
  onMissingRole: 'restrictive',
};
const req = (headers: Record<string, string | string[]>, ...peer: [string?]) => ({
  headers,
  remoteAddress: peer.length === 0 ? '127.0.0.1' : peer[0],
});

describe('createIdentityResolver: role header from trusted proxies', () => {
  const resolve = createIdentityResolver(base);

  it('takes the role from a trusted peer (IPv4, IPv4-mapped IPv6, IPv6 range)', async () => {
    for (const addr of ['127.0.0.1', '::ffff:127.0.0.1', 'fd00::1234']) {
      const id = await resolve(req({ 'x-kamen-role': 'admin' }, addr));
      expect(id).toMatchObject({ ok: true, role: 'admin', source: 'header', trustedPeer: true });
    }
  });

  it('ignores the header from any other address (AU-07): restrictive role, never the claimed one', async () => {
    for (const addr of ['127.0.0.2', '::ffff:10.0.0.1', '::1', 'fe80::1', undefined]) {
      const id = await resolve(req({ 'x-kamen-role': 'admin' }, addr));
      expect(id).toMatchObject({
        ok: true,
        role: 'support',
        source: 'fallback',
        fallback: 'missing',
        trustedPeer: false,
      });
    }
  });

  it('lists the identity headers to strip', () => {
    expect(resolve.identityHeaders).toEqual(['x-kamen-role']);
    expect(resolve.restrictiveRole).toBe('support');
  });

  it.each([
    ['comma-joined roles', 'support,hr', 'ambiguous'],
    ['duplicated header joined by Node', 'admin, support', 'ambiguous'],
    ['the same role twice', 'admin, admin', 'ambiguous'],
    ['case variant', 'Admin', 'unknown'],
    ['padded unknown name', ' root ', 'unknown'],
    ['unknown role', 'superuser', 'unknown'],
  ])('AU-09 %s → restrictive, never admin', async (_name, value, why) => {
    const id = await resolve(req({ 'x-kamen-role': value }));
    expect(id).toMatchObject({ ok: true, role: 'support', source: 'fallback', fallback: why });
  });

  it('an array value (two header lines) is ambiguous', async () => {
    const id = await resolve(req({ 'x-kamen-role': ['admin', 'admin'] }));
    expect(id).toMatchObject({ role: 'support', fallback: 'ambiguous' });
  });

  it('PX-04: a role header named in Connection is hop-by-hop, so it does not count', async () => {
    const id = await resolve(req({ 'x-kamen-role': 'admin', connection: 'close, X-Kamen-Role' }));
    expect(id).toMatchObject({ role: 'support', source: 'fallback', fallback: 'missing' });
  });

  it('onMissingRole: reject answers 401 for missing, unknown and ambiguous roles', async () => {
    const strict = createIdentityResolver({ ...base, onMissingRole: 'reject' });
    const cases: Record<string, string>[] = [{}, { 'x-kamen-role': 'root' }, { 'x-kamen-role': 'support,admin' }];
    for (const headers of cases) expect(await strict(req(headers))).toMatchObject({ ok: false, status: 401 });
    expect(await strict(req({ 'x-kamen-role': 'analytics' }))).toMatchObject({ ok: true, role: 'analytics' });
  });

  it('uses a configured default role and the policy role list', async () => {
    const r = createIdentityResolver(
      { ...base, defaultRole: 'viewer' },
      { roles: ['viewer', 'ops'], unmaskedRoles: ['ops'] },
    );
    expect(await r(req({ 'x-kamen-role': 'admin' }))).toMatchObject({ role: 'viewer', fallback: 'unknown' });
    expect(await r(req({ 'x-kamen-role': 'ops' }))).toMatchObject({ role: 'ops', source: 'header' });
  });

  it('reads subject and tenant headers from a trusted front proxy only', async () => {
    const r = createIdentityResolver({ ...base, subjectHeader: 'X-Auth-User', tenantHeader: 'X-Auth-Tenant' });
    const h = { 'x-kamen-role': 'support', 'x-auth-user': 'eng-7', 'x-auth-tenant': 'acme' };
    expect(await r(req(h))).toMatchObject({ role: 'support', subject: 'eng-7', tenant: 'acme' });
    const untrusted = await r(req(h, '192.0.2.9'));
    expect(untrusted).toMatchObject({ ok: true, trustedPeer: false });
    expect(untrusted).not.toHaveProperty('subject');
    expect(untrusted).not.toHaveProperty('tenant');
    expect(r.identityHeaders).toEqual(['x-kamen-role', 'x-auth-user', 'x-auth-tenant']);
    expect(await r(req({ ...h, 'x-auth-tenant': 'acme, evil' }))).toMatchObject({ ok: false, status: 401 });
  });

  it('takes the tenant from the Host header when configured', async () => {
    const r = createIdentityResolver({
      ...base,
      tenant: { from: 'host', hosts: { 'hr.acme.test': 'acme' }, subdomainOf: 'kamen.test' },
    });
    expect(await r(req({ host: 'hr.acme.test:8080' }))).toMatchObject({ tenant: 'acme' });
    expect(await r(req({ host: 'globex.kamen.test' }))).toMatchObject({ tenant: 'globex' });
    expect(await r(req({ host: 'a.b.kamen.test' }))).not.toHaveProperty('tenant');
    expect(await r(req({ host: 'constructor' }))).not.toHaveProperty('tenant');
  });

  it('AU-08: the client address is the X-Forwarded-For hop right of the trusted proxies', async () => {
    const r = createIdentityResolver({ ...base, trustedProxies: ['127.0.0.1/32', '10.0.0.0/8'] });
    const id = await r(req({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.1.1.1' }));
    expect(id).toMatchObject({ clientAddress: '203.0.113.7' });
    const direct = await r(req({ 'x-forwarded-for': '6.6.6.6' }, '198.51.100.4'));
    expect(direct).toMatchObject({ clientAddress: '198.51.100.4' });
  });

  it('refuses configurations that would trust too much', () => {
    expect(() =>
      createIdentityResolver({ roleHeader: 'x-role', trustedProxies: [], onMissingRole: 'restrictive' }),
    ).toThrow(/trusted proxy/);
    expect(() => createIdentityResolver({ ...base, defaultRole: 'admin' })).toThrow(/masked role/);
    expect(() => createIdentityResolver({ ...base, defaultRole: 'nobody' })).toThrow(/not a policy role/);
    expect(() => createIdentityResolver({ ...base, trustedProxies: ['10.0.0.0/33'] })).toThrow(/CIDR/);
    try {
      createIdentityResolver({ ...base, trustedProxies: ['nope'] });
    } catch (err) {
      expect((err as { code: string }).code).toBe('KAMEN_PROXY_ERR_CONFIG_INVALID');
    }
  });

  it('with no identity source at all, every request gets the restrictive role', async () => {
    const r = createIdentityResolver({ trustedProxies: [], onMissingRole: 'restrictive' });
    expect(await r(req({ 'x-kamen-role': 'admin', authorization: 'Bearer x.y.z' }))).toMatchObject({
      role: 'support',
      source: 'fallback',
    });
  });
});
