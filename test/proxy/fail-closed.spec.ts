import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrTable, leaked, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const table = hrTable(6, 23);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const json = JSON.stringify(records);
/** Big enough to pass the response buffer (set to 4 KiB below) before the upstream fails. */
const big = JSON.stringify(Array.from({ length: 60 }, () => records).flat());
/** ST-01 body: one record, every byte offset (multi-byte characters, escapes, a phone in free text). */
const small = JSON.stringify([{ ...records[0], 備考: `連絡先\u0020${records[0]?.['電話番号']} "quoted"` }]);
const tick = () => new Promise((r) => setImmediate(r));

describe('proxy: fail closed (FC-01, FC-04, PX-11, ST-01)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  let split = -1;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      const json200 = { 'content-type': 'application/json' };
      switch (req.url) {
        case '/truncated':
          return void res.writeHead(200, json200).end(json.slice(0, -5));
        case '/garbage':
          return void res.writeHead(200, json200).end(`${json} trailing`);
        case '/nan':
          return void res.writeHead(200, json200).end('[{"a":NaN}]');
        case '/big-then-garbage':
          return void res.writeHead(200, json200).end(`${big.slice(0, -1)},]`);
        case '/reset': {
          res.writeHead(200, json200);
          res.write(big.slice(0, big.length / 2));
          return void setTimeout(() => res.socket?.destroy(), 30);
        }
        case '/short': {
          res.writeHead(200, { ...json200, 'content-length': String(Buffer.byteLength(json) + 100) });
          res.write(json);
          return void setTimeout(() => res.socket?.destroy(), 30);
        }
        case '/split': {
          const bytes = Buffer.from(small);
          res.writeHead(200, json200);
          res.write(bytes.subarray(0, split));
          return void tick().then(() => res.end(bytes.subarray(split)));
        }
        case '/huge':
          return void res.writeHead(200, json200).end(big);
        case '/small':
          return void res.writeHead(200, json200).end(small);
        case '/slow':
          return; // never answers: the headers timeout fires
        default:
          res.writeHead(200, json200).end(json);
      }
    });
    h = await startProxy(upstream.url, {
      limits: { bufferBytes: 4096 },
      upstream: { url: upstream.url, headersTimeoutMs: 300 },
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it.each(['/truncated', '/garbage', '/nan'])('%s → 502 with no upstream byte (FC-01)', async (path) => {
    const r = await h.fetch(path, { role: 'support' });
    expect(r.status).toBe(502);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_MASK', status: 502 } });
  });

  it.each(['/big-then-garbage', '/reset', '/short'])(
    '%s after the first bytes went out → aborted response, no clear text (PX-11)',
    async (path) => {
      const chunks: Buffer[] = [];
      const { request } = await import('undici');
      const outcome = await request(`${h.url}${path}`, { headers: { 'x-kamen-role': 'support' } }).then(
        async (res) => {
          try {
            for await (const c of res.body) chunks.push(c as Buffer);
            return `complete ${res.statusCode}`;
          } catch {
            return 'aborted';
          }
        },
        () => 'aborted',
      );
      if (outcome !== 'aborted') expect(outcome).toBe('complete 502');
      expect(leaked(Buffer.concat(chunks).toString('utf8'), table.pii)).toEqual([]);
    },
  );

  it('answers 502 when the masked body exceeds the cap, never passes it through', async () => {
    const small = await startProxy(upstream.url, { limits: { maxBodyBytes: 1000 } });
    try {
      const r = await small.fetch('/huge', { role: 'support' });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_BODY_LIMIT', status: 502 } });
    } finally {
      await small.close();
    }
  });

  it('answers 502 for an upstream that is down or too slow, with nothing of the upstream in the body', async () => {
    const down = await startProxy('http://127.0.0.1:9');
    try {
      const r = await down.fetch('/x', { role: 'support' });
      expect(r.status).toBe(502);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_UPSTREAM', status: 502 } });
    } finally {
      await down.close();
    }
    const slow = await h.fetch('/slow', { role: 'support' });
    expect(slow.status).toBe(502);
  });

  it('gives byte-identical output whatever byte offset the upstream body is split at (ST-01)', async () => {
    const whole = (await h.fetch('/small', { role: 'support' })).text;
    expect(leaked(whole, table.pii)).toEqual([]);
    const size = Buffer.byteLength(small);
    for (split = 1; split < size; split++) {
      const r = await h.fetch('/split', { role: 'support' });
      expect(r.text, `split at ${split}`).toBe(whole);
    }
  });
});
