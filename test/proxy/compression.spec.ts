import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrTable, leaked, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const table = hrTable(10, 11);
const json = JSON.stringify(table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]]))));
const raw = Buffer.from(json);
const BODIES: Record<string, { encoding: string; body: Buffer }> = {
  '/gzip': { encoding: 'gzip', body: gzipSync(raw) },
  '/deflate': { encoding: 'deflate', body: deflateSync(raw) },
  '/br': { encoding: 'br', body: brotliCompressSync(raw) },
  '/two': { encoding: 'gzip, br', body: brotliCompressSync(gzipSync(raw)) },
  '/three': { encoding: 'gzip, gzip, gzip', body: gzipSync(gzipSync(gzipSync(raw))) },
  '/many': { encoding: Array(1000).fill('gzip').join(','), body: gzipSync(raw) },
  // One 8 MiB string: nothing can be emitted before the cap is hit, so the client gets a clean 502.
  '/bomb': { encoding: 'gzip', body: gzipSync(`["${'a'.repeat(8 * 1024 * 1024)}"]`) },
  // 8 MiB of whitespace is emitted as it decodes: past the response buffer the connection is aborted instead.
  '/bomb-ws': { encoding: 'gzip', body: gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)) },
  '/corrupt': { encoding: 'gzip', body: Buffer.concat([gzipSync(raw).subarray(0, 40), Buffer.from('garbage')]) },
  '/unknown': { encoding: 'compress', body: raw },
};

describe('proxy: content codings (PX-12)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  const seenAcceptEncoding: string[] = [];
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      seenAcceptEncoding.push(String(req.headers['accept-encoding']));
      const b = BODIES[req.url ?? ''];
      if (b === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': b.encoding }).end(b.body);
    });
    h = await startProxy(upstream.url, { limits: { maxDecompressedBytes: 4 * 1024 * 1024 } });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it.each(['/gzip', '/deflate', '/br', '/two'])(
    '%s: decoded, masked, sent uncompressed to a client that asks for none',
    async (path) => {
      const r = await h.fetch(path, { role: 'support' });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(r.text)).toHaveLength(table.rows.length);
      expect(leaked(r.text, table.pii)).toEqual([]);
    },
  );

  it('asks the upstream for identity for masked roles by default, and decodes what comes compressed anyway', async () => {
    seenAcceptEncoding.length = 0;
    const r = await h.fetch('/gzip', { role: 'support', headers: { 'accept-encoding': 'gzip' } });
    expect(seenAcceptEncoding).toEqual(['identity']);
    expect(leaked(gunzipSync(r.body).toString('utf8'), table.pii)).toEqual([]);
  });

  it('with upstream.maskedEncoding decodable, asks only for codings it can decode', async () => {
    const decodable = await startProxy(upstream.url, { upstream: { url: upstream.url, maskedEncoding: 'decodable' } });
    try {
      seenAcceptEncoding.length = 0;
      await decodable.fetch('/gzip', { role: 'support', headers: { 'accept-encoding': 'zstd, compress, *;q=0' } });
      expect(seenAcceptEncoding).toEqual(['gzip, deflate, br']);
    } finally {
      await decodable.close();
    }
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
    ['deflate', inflateSync],
  ] as const)('re-compresses with %s when the client accepts it', async (coding, decode) => {
    const r = await h.fetch('/gzip', { role: 'support', headers: { 'accept-encoding': `${coding}, identity` } });
    expect(r.headers['content-encoding']).toBe(coding);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    const text = decode(r.body).toString('utf8');
    expect(leaked(text, table.pii)).toEqual([]);
    expect(JSON.parse(text)).toHaveLength(table.rows.length);
  });

  it.each(['/three', '/many', '/bomb', '/corrupt', '/unknown'])(
    '%s → 502 KAMEN_PROXY_ERR_DECOMPRESS, no body byte',
    async (path) => {
      const r = await h.fetch(path, { role: 'support' });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_DECOMPRESS', status: 502 } });
    },
  );

  it('aborts a bomb whose output already streamed: never a complete-looking body', async () => {
    const outcome = await h.fetch('/bomb-ws', { role: 'support' }).then(
      (r) => r.status,
      (err: Error) => err.name,
    );
    expect(outcome === 502 || outcome === 'SocketError').toBe(true);
    expect(await h.proxy.metrics.registry.getSingleMetricAsString('kamen_proxy_blocked_responses_total')).toContain(
      'reason="decompress"',
    );
  });

  it('passes compressed bodies unchanged to admin', async () => {
    const r = await h.fetch('/br', { role: 'admin', headers: { 'accept-encoding': 'br' } });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.body).toEqual(BODIES['/br']?.body);
  });
});
