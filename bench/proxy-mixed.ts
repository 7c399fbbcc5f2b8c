/**
 * What the pool is for: small requests served while large bodies are being masked. Two kamen processes in front
 * of the demo upstream, workers on (default config) and off (workers.threads 0), measured in alternating rounds:
 * 2 connections fetch the 1 MB CSV export back to back while 1 connection sends `GET /api/employees` (20 KB JSON)
 * one at a time; reports the JSON requests' p50/p99 and count, the CSVs completed, and each proxy's CPU time.
 *
 *   npx tsx bench/proxy-mixed.ts [--seconds=10] [--rounds=3]
 */
import { cpuMs, latencyOf, settle, spawnTarget } from './proxy-load.js';
import { Client } from 'undici';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(arg('seconds') ?? 10);
const ROUNDS = Number(arg('rounds') ?? 3);
const HEADERS = { 'x-kamen-role': 'support' };

async function loop(url: string, until: number, times?: number[]): Promise<number> {
  const u = new URL(url);
  const client = new Client(u.origin, { pipelining: 1 });
  let n = 0;
  try {
    while (Date.now() < until) {
      const t0 = process.hrtime.bigint();
      const res = await client.request({ method: 'GET', path: u.pathname, headers: HEADERS });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
      times?.push(Number(process.hrtime.bigint() - t0) / 1e6);
      n++;
    }
  } finally {
    await client.close();
  }
  return n;
}

const upstream = await spawnTarget(['upstream']);
const targets = [
  { name: 'workers on (threads 1)', proc: await spawnTarget(['kamen', upstream.url]) },
  { name: 'workers off (inline)', proc: await spawnTarget(['kamen', upstream.url, '0']) },
];
try {
  const results = new Map<string, { times: number[]; csv: number; json: number; cpu: number }>();
  for (const t of targets) await loop(`${t.proc.url}/export/employees.csv`, Date.now() + 3000); // warm-up, starts workers
  for (let round = 0; round < ROUNDS; round++)
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      await settle(t.proc.pid);
      const r = results.get(t.name) ?? { times: [], csv: 0, json: 0, cpu: 0 };
      const until = Date.now() + SECONDS * 1000;
      const cpu0 = cpuMs(t.proc.pid) ?? 0;
      const [a, b, json] = await Promise.all([
        loop(`${t.proc.url}/export/employees.csv`, until),
        loop(`${t.proc.url}/export/employees.csv`, until),
        loop(`${t.proc.url}/api/employees`, until, r.times),
      ]);
      r.cpu += (cpuMs(t.proc.pid) ?? 0) - cpu0;
      r.csv += a + b;
      r.json += json;
      results.set(t.name, r);
    }
  console.log(
    `${ROUNDS} rounds × ${SECONDS} s, load average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  );
  for (const [name, r] of results) {
    const l = latencyOf(r.times);
    console.log(
      `${name}: JSON p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms over ${r.json} requests; ${r.csv} CSVs; CPU ${(r.cpu / (r.json + r.csv)).toFixed(1)} ms per response`,
    );
  }
} finally {
  for (const t of targets) await t.proc.stop();
  await upstream.stop();
}
