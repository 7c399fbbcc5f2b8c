import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyFile } from '@kamen/core';
import { loadProxyConfig } from '@kamen/proxy';
import { wholeBodyLimit } from '../../packages/proxy/src/mask/whole-body.js';
import { hrTable, leaked, toCsv, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const table = hrTable(8, 31);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const json = JSON.stringify({ total: records.length, employees: records });
/** Larger than the 4 KiB limit of the `limited` proxy below, smaller than the default one. */
const big = JSON.stringify({ employees: Array.from({ length: 8 }, () => records).flat() });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const FORMATS: Record<string, { type: string; body: string }> = {
  json: { type: 'application/json', body: json },
  ndjson: { type: 'application/x-ndjson', body: records.map((r) => JSON.stringify(r)).join('\n') + '\n' },
  csv: { type: 'text/csv', body: toCsv(table) },
  xml: {
    type: 'application/xml',
    body: `<staff>${records.map((r) => `<p><name>${esc(String(r['氏名']))}</name><note>${esc(String(r['備考']))}</note></p>`).join('')}</staff>`,
  },
  html: {
    type: 'text/html',
    body: `<table>${records.map((r) => `<tr><td>${r['氏名']}様</td><td>${r['電話番号']}</td></tr>`).join('')}</table><script type="application/json">${json}</script>`,
  },
  text: { type: 'text/plain', body: records.map((r) => `${r['氏名']}様 電話 ${r['電話番号']}`).join('\n') },
};
/** Shift_JIS: two bytes per kanji in, three per character out in UTF-8, so the masked body outgrows the input. */
const sjisNotes = iconv.encode('氏名は山田花子、住所は東京都千代田区千代田一丁目です。'.repeat(20), 'cp932');
let doc = '{}';
/** One key for every proxy below: their pseudonyms and hashes must agree for their outputs to be compared. */
const dir = mkdtempSync(join(tmpdir(), 'kamen-whole-body-'));
const keyFile = join(dir, 'keys.json');
generateKeyFile(keyFile);

describe('proxy: small bodies masked whole', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let whole: Harness;
  let streamed: Harness;
  let limited: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      const [, kind = '', name = ''] = (req.url ?? '').split('/');
      const f = FORMATS[name];
      if (kind === 'fmt' && f !== undefined) return void res.writeHead(200, { 'content-type': f.type }).end(f.body);
      const json200 = { 'content-type': 'application/json' };
      switch (req.url) {
        case '/doc':
          return void res.writeHead(200, json200).end(doc);
        case '/chunked-small':
        case '/chunked-big': {
          // No Content-Length: the proxy has to read the body to know whether it is small.
          const body = req.url === '/chunked-big' ? big : json;
          res.writeHead(200, json200);
          res.write(body.slice(0, 100));
          return void setImmediate(() => res.end(body.slice(100)));
        }
        case '/declared-big':
          return void res.writeHead(200, json200).end(big);
        case '/malformed':
          return void res.writeHead(200, json200).end(json.slice(0, -3));
        case '/reset':
          res.writeHead(200, { ...json200, 'content-length': String(Buffer.byteLength(json)) });
          res.write(json.slice(0, 200));
          return void setTimeout(() => res.socket?.destroy(), 30);
        case '/gzip':
          return void res.writeHead(200, { ...json200, 'content-encoding': 'gzip' }).end(gzipSync(json));
        case '/gzip-big':
          return void res.writeHead(200, { ...json200, 'content-encoding': 'gzip' }).end(gzipSync(big));
        case '/gzip-corrupt':
          return void res
            .writeHead(200, { ...json200, 'content-encoding': 'gzip' })
            .end(Buffer.concat([gzipSync(json).subarray(0, 30), Buffer.from('garbage')]));
        case '/slow':
          // Half the body, then the rest long after the client below has gone.
          res.writeHead(200, { ...json200, 'content-length': String(Buffer.byteLength(json)) });
          res.write(json.slice(0, 200));
          return void setTimeout(() => res.end(json.slice(200)), 300);
        case '/sjis':
          return void res.writeHead(200, { 'content-type': 'text/plain; charset=shift_jis' }).end(sjisNotes);
        default:
          res.writeHead(404).end();
      }
    });
    whole = await startProxy(upstream.url, { keyFile });
    // bufferBytes 1: every body goes through the streaming pipeline (the reference output).
    streamed = await startProxy(upstream.url, { keyFile, limits: { bufferBytes: 1 } });
    limited = await startProxy(upstream.url, { keyFile, limits: { bufferBytes: 4096 } });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([whole.close(), streamed.close(), limited.close()]);
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(FORMATS))('%s: the same bytes as the streamed path, with a Content-Length', async (name) => {
    const a = await whole.fetch(`/fmt/${name}`, { role: 'support' });
    const b = await streamed.fetch(`/fmt/${name}`, { role: 'support' });
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    expect(Number(a.headers['content-length'])).toBe(a.body.length);
    expect(leaked(a.text, table.pii)).toEqual([]);
  });

  it('masks any JSON document whole exactly as the streamed path does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 3 }), async (text) => {
        doc = text;
        const a = await whole.fetch('/doc', { role: 'support' });
        const b = await streamed.fetch('/doc', { role: 'support' });
        expect(a.status).toBe(b.status);
        expect(a.text).toBe(b.text);
      }),
      { numRuns: 40 },
    );
  });

  it('reads a body without Content-Length to its end, and streams one past the limit after what it read', async () => {
    const small = await whole.fetch('/chunked-small', { role: 'support' });
    expect(small.text).toBe((await streamed.fetch('/chunked-small', { role: 'support' })).text);
    expect(Number(small.headers['content-length'])).toBe(small.body.length);
    const reference = (await streamed.fetch('/chunked-big', { role: 'support' })).text;
    for (const path of ['/chunked-big', '/declared-big']) {
      const r = await limited.fetch(path, { role: 'support' });
      expect(r.status).toBe(200);
      expect(r.text).toBe(reference);
      expect(leaked(r.text, table.pii)).toEqual([]);
    }
  });

  it('answers a malformed small body with a 502 holding nothing of it (FC-01)', async () => {
    const r = await whole.fetch('/malformed', { role: 'support' });
    expect(r.status).toBe(502);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_MASK', status: 502 } });
  });

  it('answers an upstream reset inside a small body with a clean 502, not a partial body', async () => {
    const r = await whole.fetch('/reset', { role: 'support' });
    expect(r.status).toBe(502);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_UPSTREAM', status: 502 } });
  });

  it('survives a client that leaves while a small body is read, and serves the next request', async () => {
    const { request } = await import('undici');
    const gone = await request(`${whole.url}/slow`, {
      headers: { 'x-kamen-role': 'support' },
      signal: AbortSignal.timeout(50),
    }).then(
      () => 'answered',
      (err: Error) => err.name,
    );
    expect(gone).not.toBe('answered');
    await new Promise((r) => setTimeout(r, 400));
    const next = await whole.fetch('/fmt/json', { role: 'support' });
    expect(next.status).toBe(200);
    expect(whole.logs.text).not.toContain('internal error');
  });

  it('decodes a small gzip body whole, streams one that decodes past the limit, refuses a corrupt one', async () => {
    const small = await whole.fetch('/gzip', { role: 'support' });
    expect(small.text).toBe((await whole.fetch('/fmt/json', { role: 'support' })).text);
    const large = await limited.fetch('/gzip-big', { role: 'support' });
    expect(large.status).toBe(200);
    expect(large.text).toBe((await streamed.fetch('/declared-big', { role: 'support' })).text);
    const corrupt = await whole.fetch('/gzip-corrupt', { role: 'support' });
    expect(corrupt.status).toBe(502);
    expect(JSON.parse(corrupt.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_DECOMPRESS', status: 502 } });
  });

  it('refuses a masked body that outgrows maxBodyBytes (Shift_JIS in, UTF-8 out) with a 502', async () => {
    const capped = await startProxy(upstream.url, { limits: { maxBodyBytes: sjisNotes.length + 10 } });
    try {
      const r = await capped.fetch('/sjis', { role: 'support' });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_BODY_LIMIT', status: 502 } });
    } finally {
      await capped.close();
    }
  });

  it('never takes a body whole that the buffer, the caps or the pool would not', () => {
    const config = (limits: object, workers: object) =>
      loadProxyConfig({ upstream: { url: 'http://127.0.0.1:1' }, limits, workers });
    expect(wholeBodyLimit(config({ bufferBytes: 5000 }, {}), undefined)).toBe(5000);
    expect(wholeBodyLimit(config({ maxBodyBytes: 3000 }, {}), undefined)).toBe(3000);
    expect(wholeBodyLimit(config({ maxDecompressedBytes: 2000 }, {}), undefined)).toBe(2000);
    const withPool = config({}, { minBodyBytes: 1000 });
    const pool = { config: withPool.workers, ready: () => false, run: () => Promise.reject(new Error('no')) };
    expect(wholeBodyLimit(withPool, { ...pool, close: async () => undefined })).toBe(1000);
    expect(wholeBodyLimit(withPool, undefined)).toBe(withPool.limits.bufferBytes);
  });
});
