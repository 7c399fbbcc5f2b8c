import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '@kamen/proxy';
import { hrTable, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const table = hrTable(8, 31);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const forms = (v: string) => [
  v,
  JSON.stringify(v).slice(1, -1),
  encodeURIComponent(v),
  Buffer.from(v).toString('base64'),
];

describe('proxy: operations', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  let release: (() => void) | undefined;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      if (req.url === '/slow') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        release = () => res.end('"done"]');
        return;
      }
      if (req.url === '/broken') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":');
      const r = records[Number(req.url?.slice(1)) % records.length];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r));
    });
    h = await startProxy(upstream.url);
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('answers /healthz, /readyz and /metrics itself', async () => {
    expect((await h.fetch('/healthz')).status).toBe(200);
    expect((await h.fetch('/readyz')).status).toBe(200);
    await h.fetch('/1', { role: 'support' });
    await h.fetch('/broken', { role: 'support' });
    const m = (await h.fetch('/metrics')).text;
    expect(m).toContain('kamen_proxy_requests_total{role="support",outcome="masked"}');
    expect(m).toContain('kamen_proxy_blocked_responses_total{reason="mask"} 1');
    expect(m).toMatch(/kamen_proxy_masked_values_total\{type="[A-Z_]+"\} \d+/);
    expect(m).toContain('kamen_proxy_request_duration_seconds_bucket');
  });

  it('logs no generated PII value in any form (raw, JSON-escaped, percent-encoded, base64)', async () => {
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as Record<string, string>;
      await h.fetch(`/${i}`, { role: 'support' });
      await h.fetch(`/${i}?email=${encodeURIComponent(r['メール'] ?? '')}`, { role: 'admin' });
      await h.fetch(`/${encodeURIComponent(r['メール'] ?? '')}`, { role: 'support' });
    }
    await h.fetch('/broken', { role: 'support' });
    const logs = h.logs.text;
    expect(logs).toContain('"outcome":"masked"');
    const leaks = table.pii.flatMap((v) => forms(v).filter((f) => logs.includes(f)));
    expect(leaks).toEqual([]);
  });

  it('reloads without dropping an in-flight request, and drains on close', async () => {
    const other = await startProxy(upstream.url);
    const inflight = request(`${other.url}/slow`, { headers: { 'x-kamen-role': 'support' } });
    await new Promise((r) => setTimeout(r, 200));
    other.proxy.reload(
      loadProxyConfig({
        upstream: { url: upstream.url },
        listen: { host: '127.0.0.1', port: 0 },
        identity: { roleHeader: 'x-kamen-role', trustedProxies: ['127.0.0.1/32'], onMissingRole: 'reject' },
      }),
    );
    expect((await other.fetch('/1')).status).toBe(401);
    const closing = other.proxy.close(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect((await request(`${other.url}/readyz`).catch(() => ({ statusCode: 0 }))).statusCode).not.toBe(200);
    release?.();
    const res = await inflight;
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('["done"]');
    await closing;
  });
});
