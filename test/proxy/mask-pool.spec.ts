import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyFile } from '@kamen/core';
import { createProxy, loadProxyConfig, type KamenProxy } from '@kamen/proxy';
import { hrTable, leaked, toCsv, HR_HEADER } from '../helpers/hr-dataset.js';
import { startUpstream } from './helpers/proxy-harness.js';

// Real worker threads running the built worker (dist/mask/worker.js), wrapped by test modules that log each task,
// crash their thread (process.exit) or throw: the proxy must serve what inline masking serves, or fail closed.
const REAL_WORKER = fileURLToPath(new URL('../../packages/proxy/dist/mask/worker.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kamen-mask-pool-'));
const taskLog = join(dir, 'tasks.log');
const wrapper = (name: string, body: string): string => {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { appendFileSync } from 'node:fs';
import real from ${JSON.stringify(REAL_WORKER)};
export default function (task) {
  if (task === 'ready') return real(task);
  ${body}
}`,
  );
  return file;
};
const LOGGING = wrapper('logging', `appendFileSync(${JSON.stringify(taskLog)}, 'task\\n'); return real(task);`);
const CRASHING = wrapper('crashing', 'process.exit(3);');
const THROWING = wrapper('throwing', "throw new Error('worker failed');");
appendFileSync(taskLog, '');

const table = hrTable(400, 11);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const BODIES: Record<string, { type: string; body: string }> = {
  '/csv': { type: 'text/csv; charset=utf-8', body: toCsv(table) },
  '/json': { type: 'application/json', body: JSON.stringify({ total: records.length, employees: records }) },
  '/ndjson': { type: 'application/x-ndjson', body: records.map((r) => JSON.stringify(r)).join('\n') + '\n' },
};
const keyFile = join(dir, 'key.json');
generateKeyFile(keyFile);

let upstream: Awaited<ReturnType<typeof startUpstream>>;
const proxies: KamenProxy[] = [];

async function start(threads: number, maskWorker?: string, limits: Record<string, number> = {}): Promise<string> {
  const config = loadProxyConfig({
    upstream: { url: upstream.url },
    listen: { host: '127.0.0.1', port: 0 },
    identity: { roleHeader: 'x-kamen-role', trustedProxies: ['127.0.0.1/32'] },
    keyFile,
    log: { level: 'silent' },
    limits,
    workers: { threads, minBodyBytes: 2048, batchBytes: 4096, maxInFlight: 2 },
  });
  const proxy = await createProxy(config, maskWorker !== undefined ? { maskWorker } : {});
  proxies.push(proxy);
  return (await proxy.listen()).url;
}

/** GET as support; 'aborted' when the connection broke mid-body. Everything received is returned. */
async function get(url: string): Promise<{ status: number | 'aborted'; text: string }> {
  const chunks: Buffer[] = [];
  try {
    const res = await request(url, { headers: { 'x-kamen-role': 'support' } });
    for await (const c of res.body) chunks.push(c as Buffer);
    return { status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') };
  } catch {
    return { status: 'aborted', text: Buffer.concat(chunks).toString('utf8') };
  }
}

/** Requests until `done` says the pool took part (its workers start with the first large body), at most ~60 s. */
async function untilPooled<T>(send: () => Promise<T>, done: (r: T) => boolean): Promise<T[]> {
  const seen: T[] = [];
  for (let i = 0; i < 300; i++) {
    const r = await send();
    seen.push(r);
    if (done(r)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the pool never took part');
}

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    if (req.url === '/csv-split') {
      // A first chunk small enough to stay inline (and large enough to start the response), then the rest.
      const bytes = Buffer.from(BODIES['/csv']?.body ?? '');
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      res.write(bytes.subarray(0, 1800));
      return void setTimeout(() => res.end(bytes.subarray(1800)), 50);
    }
    const b = BODIES[req.url ?? ''];
    if (b === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': b.type }).end(b.body);
  });
});

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close(1000)));
  await upstream.close();
});

// Each test starts a proxy whose worker loads the rules and dictionaries: slow on a loaded 2-core box.
describe('mask pool (workers for large bodies)', { timeout: 120_000 }, () => {
  it('serves byte for byte what inline masking serves, for CSV and NDJSON (JSON stays inline), with no PII', async () => {
    const inline = await start(0);
    const pooled = await start(1, LOGGING);
    const tasks = () => readFileSync(taskLog, 'utf8').split('\n').length - 1;
    await untilPooled(
      () => get(`${pooled}/csv`),
      () => tasks() > 0,
    );
    for (const path of Object.keys(BODIES)) {
      const before = tasks();
      const [a, b] = [await get(inline + path), await get(pooled + path)];
      // Several batches went through the pool; a JSON document is always masked inline (body-codec.ts).
      if (path === '/json') expect(tasks()).toBe(before);
      else expect(tasks()).toBeGreaterThan(before + 1);
      expect(b.status).toBe(200);
      expect(b.text).toBe(a.text);
      expect(leaked(b.text, table.pii)).toEqual([]);
    }
  });

  it('answers 502 with no upstream data when a worker crashes before the first byte went out', async () => {
    const url = await start(1, CRASHING);
    const seen = await untilPooled(
      () => get(`${url}/csv`),
      (r) => r.status === 502,
    );
    for (const r of seen) {
      expect([200, 502]).toContain(r.status);
      expect(leaked(r.text, table.pii)).toEqual([]);
    }
    expect(JSON.parse(seen.at(-1)?.text ?? '')).toEqual({ error: { code: 'KAMEN_PROXY_ERR_MASK', status: 502 } });
    // piscina replaced the dead worker: the proxy still answers (and fails closed again).
    expect((await get(`${url}/ndjson`)).status).toBe(502);
  });

  it('answers 502 when a worker throws', async () => {
    const url = await start(1, THROWING);
    const seen = await untilPooled(
      () => get(`${url}/ndjson`),
      (r) => r.status === 502,
    );
    for (const r of seen) expect(leaked(r.text, table.pii)).toEqual([]);
  });

  it('aborts the connection when a worker crashes after the first bytes went out, with no PII sent', async () => {
    const url = await start(1, CRASHING, { bufferBytes: 1024 });
    const seen = await untilPooled(
      () => get(`${url}/csv-split`),
      (r) => r.status === 'aborted',
    );
    for (const r of seen) {
      expect([200, 'aborted']).toContain(r.status);
      expect(leaked(r.text, table.pii)).toEqual([]);
    }
    expect(seen.at(-1)?.text.length).toBeGreaterThan(0); // the inline part had been sent
  });
});

describe('mask pool shutdown', { timeout: 120_000 }, () => {
  // Threads of this process (Linux /proc): a worker thread that was stopped is gone from the list.
  const threads = (): number => Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);

  it('stops its workers on graceful close', async () => {
    const url = await start(2, LOGGING);
    const proxy = proxies.at(-1) as KamenProxy;
    const tasks = () => readFileSync(taskLog, 'utf8').split('\n').length;
    const before = tasks();
    await untilPooled(
      () => get(`${url}/csv`),
      () => tasks() > before,
    );
    const running = threads();
    await proxy.close(1000);
    expect(threads()).toBeLessThanOrEqual(running - 2);
  });
});

describe('workers config', () => {
  it('defaults to one worker for bodies from 256 KiB and refuses a negative thread count', () => {
    const base = { upstream: { url: 'http://127.0.0.1:9' } };
    expect(loadProxyConfig(base).workers).toEqual({
      threads: 1,
      minBodyBytes: 256 * 1024,
      batchBytes: 128 * 1024,
      maxInFlight: 2,
    });
    expect(() => loadProxyConfig({ ...base, workers: { threads: -1 } })).toThrow(/workers/);
  });
});
