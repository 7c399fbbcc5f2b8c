import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KamenError } from '@kamen/core';
import { loadProxyConfig } from '@kamen/proxy';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kamen-proxy-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const error = (fn: () => unknown): KamenError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof KamenError) return err;
    throw err;
  }
  throw new Error('no error');
};

describe('loadProxyConfig', () => {
  it('fills every default', () => {
    const c = loadProxyConfig({ upstream: { url: 'http://127.0.0.1:3000' } });
    expect(c.listen).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(c.policy).toBe('builtin');
    expect(c.limits.maxEncodingLayers).toBe(2);
    expect(c.identity.onMissingRole).toBe('restrictive');
    expect(c.content.blockStatus).toBe(403);
  });

  it('names file, line and column for YAML and schema errors', () => {
    const dup = error(() => loadProxyConfig(file('dup.yaml', 'upstream:\n  url: http://a\nupstream: {}\n')));
    expect(dup.code).toBe('KAMEN_PROXY_ERR_CONFIG_FILE');
    expect(dup.context.line).toBe(3);
    const bad = error(() =>
      loadProxyConfig(file('bad.yaml', 'upstream:\n  url: http://a\ncontent:\n  blockStatus: 200\n')),
    );
    expect(bad.code).toBe('KAMEN_PROXY_ERR_CONFIG_SCHEMA');
    expect(bad.message).toContain('content.blockStatus');
    expect(bad.message).toContain('403, 415, 502');
    expect([bad.context.line, bad.context.column]).toEqual([4, 16]);
    const extra = error(() => loadProxyConfig(file('extra.yaml', 'upstream: { url: http://a }\nupstreams: 1\n')));
    expect(extra.message).toContain("'upstreams'");
  });

  it('refuses unusable values: URL, CIDR, route pattern, type names, timeouts', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ upstream: { url: 'http://user:pw@a' } }, 'upstream.url'],
      [{ upstream: { url: 'http://a' }, identity: { trustedProxies: ['10.0.0.0/40'] } }, 'identity.trustedProxies.0'],
      [{ upstream: { url: 'http://a' }, routes: [{ path: '/a/b c' }] }, 'routes.0.path'],
      [{ upstream: { url: 'http://a' }, routes: [{ path: '/a', fields: { '$.x': 'NAME' } }] }, 'routes.0.fields'],
      [{ upstream: { url: 'http://a' }, limits: { headersTimeoutMs: 9000, requestTimeoutMs: 1000 } }, 'limits'],
    ];
    for (const [config, where] of cases) {
      const e = error(() => loadProxyConfig(config));
      expect(e.code).toBe('KAMEN_PROXY_ERR_CONFIG_INVALID');
      expect(e.message).toContain(where);
    }
  });

  it('lets flags override the file one section deep', () => {
    const path = file(
      'ok.yaml',
      'upstream:\n  url: http://a\nidentity:\n  roleHeader: X-Role\n  trustedProxies: [10.0.0.1]\n',
    );
    const c = loadProxyConfig(path, { overrides: { identity: { trustedProxies: ['127.0.0.1/32'] } } });
    expect(c.identity.roleHeader).toBe('X-Role');
    expect(c.identity.trustedProxies).toEqual(['127.0.0.1/32']);
    expect(c.baseDir).toBe(dir);
  });
});
