import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';
import { rawRequest, statusOf } from './helpers/raw-http.js';

describe('proxy: request smuggling, headers and paths (PX-01..PX-09)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  const seen: { url: string; headers: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      seen.push({ url: req.url ?? '', headers: { ...req.headers } });
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    });
    h = await startProxy(upstream.url, { limits: { maxHeadersCount: 20, maxHeaderBytes: 4096 } });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  const send = async (head: string, body = '') => {
    seen.length = 0;
    const raw = await rawRequest(h.url, `${head.replace(/\n/g, '\r\n')}\r\n\r\n${body}`);
    return { status: statusOf(raw), upstreamCalls: seen.length };
  };

  it.each([
    ['CL + TE (PX-01)', 'POST /a HTTP/1.1\nHost: x\nContent-Length: 5\nTransfer-Encoding: chunked', '0\r\n\r\n'],
    ['duplicate CL (PX-02)', 'POST /a HTTP/1.1\nHost: x\nContent-Length: 5\nContent-Length: 6', 'hello!'],
    ['CL list (PX-02)', 'POST /a HTTP/1.1\nHost: x\nContent-Length: 5, 6', 'hello!'],
    ['xchunked (PX-03)', 'POST /a HTTP/1.1\nHost: x\nTransfer-Encoding: xchunked', '0\r\n\r\n'],
    ['chunked, identity (PX-03)', 'POST /a HTTP/1.1\nHost: x\nTransfer-Encoding: chunked, identity', '0\r\n\r\n'],
    [
      'TE with leading space (PX-03)',
      'POST /a HTTP/1.1\nHost: x\nTransfer-Encoding:  chunked\nTransfer-Encoding: x',
      '0\r\n\r\n',
    ],
    ['underscore header (PX-08)', 'GET /a HTTP/1.1\nHost: x\nX_Kamen_Role: admin', ''],
    ['escaped slash (PX-07)', 'GET /api%2Fadmin HTTP/1.1\nHost: x', ''],
    ['escaped dot segment (PX-07)', 'GET /api/%2e%2e/admin HTTP/1.1\nHost: x', ''],
    ['dot segment (PX-07)', 'GET /api/../admin HTTP/1.1\nHost: x', ''],
    ['backslash (PX-07)', 'GET /api\\..\\admin HTTP/1.1\nHost: x', ''],
    ['absolute-form target', 'GET http://evil.example/ HTTP/1.1\nHost: x', ''],
  ])('%s → 4xx and no upstream call', async (_name, head, body) => {
    const r = await send(head, body);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.upstreamCalls).toBe(0);
  });

  it('answers too many headers with 431 and no upstream call (PX-09)', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `X-H${i}: v`).join('\n');
    const r = await send(`GET /a HTTP/1.1\nHost: x\n${many}`);
    expect(r.status).toBe(431);
    expect(r.upstreamCalls).toBe(0);
  });

  it('answers oversized headers with 431 and no upstream call (PX-09)', async () => {
    const r = await send(`GET /a HTTP/1.1\nHost: x\nX-Big: ${'a'.repeat(8000)}`);
    expect(r.status).toBe(431);
    expect(r.upstreamCalls).toBe(0);
  });

  it('refuses Upgrade (WebSocket, h2c) with 426 (PX-06)', async () => {
    for (const proto of ['websocket', 'h2c']) {
      const r = await send(`GET /a HTTP/1.1\nHost: x\nConnection: Upgrade\nUpgrade: ${proto}\nX-Kamen-Role: support`);
      expect(r.status).toBe(426);
      expect(r.upstreamCalls).toBe(0);
    }
  });

  it('normalises the path once and forwards exactly that (PX-07)', async () => {
    const r = await send('GET //api///employees/%7Euser/%41?q=%2F HTTP/1.1\nHost: x\nX-Kamen-Role: support');
    expect(r.status).toBe(200);
    expect(seen[0]?.url).toBe('/api/employees/~user/A?q=%2F');
  });

  it('strips hop-by-hop headers, Connection-listed headers and identity headers before the upstream (PX-05)', async () => {
    const r = await send(
      'GET /a HTTP/1.1\nHost: x\nConnection: keep-alive, X-Hop\nX-Hop: secret\nKeep-Alive: timeout=5\nTE: trailers\nProxy-Authorization: Basic x\nX-Kamen-Role: support\nX-Other: kept',
    );
    expect(r.status).toBe(200);
    const headers = seen[0]?.headers ?? {};
    for (const name of ['x-hop', 'keep-alive', 'te', 'proxy-authorization', 'x-kamen-role'])
      expect(headers).not.toHaveProperty(name);
    expect(headers['x-other']).toBe('kept');
  });

  it('drops Range and validators for masked roles, keeps them for admin (CA-02, CA-04)', async () => {
    const head =
      'GET /a HTTP/1.1\nHost: x\nRange: bytes=0-1\nIf-None-Match: "abc"\nIf-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT';
    await send(`${head}\nX-Kamen-Role: support`);
    expect(seen[0]?.headers).not.toHaveProperty('range');
    expect(seen[0]?.headers).not.toHaveProperty('if-none-match');
    expect(seen[0]?.headers).not.toHaveProperty('if-modified-since');
    await send(`${head}\nX-Kamen-Role: admin`);
    expect(seen[0]?.headers).toHaveProperty('range', 'bytes=0-1');
  });

  it('ignores a role header from an untrusted address', async () => {
    const other = await startProxy(upstream.url, { identity: { trustedProxies: ['10.0.0.0/8'] } });
    try {
      const r = await other.fetch('/a', { role: 'admin' });
      expect(r.status).toBe(200);
      const log = other.logs.lines.map((l) => JSON.parse(l) as { role?: string }).find((l) => l.role !== undefined);
      expect(log?.role).toBe('support');
    } finally {
      await other.close();
    }
  });

  it('forwards a chunked request body and caps it', async () => {
    const ok = await send(
      'POST /a HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\nX-Kamen-Role: support',
      '5\r\nhello\r\n0\r\n\r\n',
    );
    expect(ok.status).toBe(200);
    const big = await startProxy(upstream.url, { limits: { maxRequestBodyBytes: 4 } });
    try {
      const r = await rawRequest(big.url, 'POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello');
      expect(statusOf(r)).toBe(413);
    } finally {
      await big.close();
    }
  });
});
