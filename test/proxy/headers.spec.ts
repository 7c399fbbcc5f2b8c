import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const EMAIL = 'taro.yamada@example.co.jp';
const PHONE = '090-1234-5678';

describe('proxy: response headers (FC-05, CA-01..CA-04, PX-05)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        etag: '"v1"',
        'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
        'accept-ranges': 'bytes',
        'cache-control': 'public, max-age=600',
        vary: 'Accept-Language',
        location: `/employees?email=${encodeURIComponent(EMAIL)}`,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('山田_給与.pdf')}`,
        'set-cookie': [`last=${encodeURIComponent(EMAIL)}; Path=/; HttpOnly`, 'session=abc123; Path=/'],
        'x-employee-phone': PHONE,
        'x-trace': 'req-42',
        'x-hop': 'drop me',
        connection: 'x-hop',
        'keep-alive': 'timeout=5',
        'strict-transport-security': 'max-age=63072000',
        'x-powered-by-team': 'hr',
        'content-md5': 'abc',
        'www-authenticate': 'Bearer',
        'access-control-allow-origin': '*',
        server: 'hr-app',
        'x-unlisted': 'kept masked',
        'misc-header': 'dropped',
      });
      res.end('{"ok":true}');
    });
    h = await startProxy(upstream.url);
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('masks or drops personal data in headers for masked roles', async () => {
    const r = await h.fetch('/x', { role: 'support' });
    const all = JSON.stringify(r.headers);
    expect(all).not.toContain('yamada');
    expect(all).not.toContain(encodeURIComponent(EMAIL));
    expect(all).not.toContain('1234');
    expect(all).not.toContain(encodeURIComponent('山田'));
    expect(r.headers['content-disposition']).toBe('attachment');
    expect(r.headers.location).toMatch(/^\//);
    expect(r.headers['set-cookie']).toContain('session=abc123; Path=/');
    expect(r.headers['x-trace']).toBe('req-42');
    expect(r.headers['misc-header']).toBeUndefined();
    expect(r.headers['content-md5']).toBeUndefined();
    expect(r.headers['strict-transport-security']).toBe('max-age=63072000');
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it('drops validators and ranges for masked roles; no-store and Vary on role inputs for every role', async () => {
    const support = await h.fetch('/x', { role: 'support' });
    for (const name of ['etag', 'last-modified', 'accept-ranges', 'x-hop'])
      expect(support.headers[name], name).toBeUndefined();
    for (const r of [support, await h.fetch('/x', { role: 'admin' })]) {
      expect(r.headers['cache-control']).toBe('private, no-store');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      const vary = String(r.headers.vary);
      for (const v of [
        'accept-language',
        'accept-encoding',
        'authorization',
        'cookie',
        'x-kamen-role',
        'x-kamen-grant',
      ])
        expect(vary).toContain(v);
      expect(r.headers['x-hop']).toBeUndefined();
    }
  });

  it('gives admin every end-to-end header unchanged', async () => {
    const r = await h.fetch('/x', { role: 'admin' });
    expect(r.headers.etag).toBe('"v1"');
    expect(r.headers['x-employee-phone']).toBe(PHONE);
    expect(r.headers['content-disposition']).toContain('filename*=');
    expect(r.headers['misc-header']).toBe('dropped');
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const r = await h.fetch('/x', { role: 'support', method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(0);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['cache-control']).toBe('private, no-store');
  });
});
