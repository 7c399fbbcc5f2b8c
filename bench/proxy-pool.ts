/**
 * Where the pool pays: CSV and JSON bodies of growing size masked (role support) through the proxy's masking stage,
 * inline (maskStream) and pooled (pooledMaskStream with `workers.threads` workers, everything after the first
 * 16 KB in the pool), alternating, in one process. Prints wall time and process CPU time (all threads) per body:
 * the pool wins on wall time when the main thread's decoding and the workers' masking overlap and a core is free,
 * and costs packing and messages. The threshold (workers.minBodyBytes) is where the two cross.
 *
 *   npx tsx bench/proxy-pool.ts [--threads=1] [--rounds=3] [--formats=csv,json,ndjson,xml]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createJsonDecoder, maskText } from '@kamen/core';
import { createBodyCodec, createPoolableDecoder } from '../packages/proxy/dist/mask/body-codec.js';
import { maskStream } from '../packages/proxy/dist/mask/body-stream.js';
import { createFieldDecider } from '../packages/proxy/dist/mask/field-decider.js';
import { createLeafMasker } from '../packages/proxy/dist/mask/leaf-masker.js';
import { createMaskPool } from '../packages/proxy/dist/mask/mask-pool.js';
import { pooledMaskStream } from '../packages/proxy/dist/mask/pooled-stream.js';
import { createPolicySet } from '../packages/proxy/dist/policy-set.js';
import { generateEmployees } from '../packages/proxy/dist/demo/employees.js';
import { toCsv, toNdjson, toXml } from '../packages/proxy/dist/demo/render.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const THREADS = Number(arg('threads') ?? 1);
const ROUNDS = Number(arg('rounds') ?? 3);

const policies = createPolicySet('builtin', undefined, process.cwd());
const plan = policies.planFor('support', undefined);
maskText('山田 太郎 090-1234-5678 東京都千代田区', plan);
const workers = { threads: THREADS, minBodyBytes: 16 * 1024, batchBytes: 128 * 1024, maxInFlight: 2 };
const pool = createMaskPool(workers, policies.workerSetup);
if (pool === undefined) throw new Error('--threads must be at least 1');
while (!pool.ready()) await new Promise((r) => setTimeout(r, 50));

const records = generateEmployees(3300).map((e) => e.record);
const chunks = (s: string): Buffer[] => {
  const b = Buffer.from(s);
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += 16384) out.push(b.subarray(i, i + 16384)); // zlib's chunk size
  return out;
};

/** CPU ms of this process's main thread and of all its other threads (Linux /proc, clock ticks of 10 ms). */
function threadCpu(): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(f[11]) + Number(f[12])) * 10;
    if (Number(tid) === process.pid) main += ms;
    else others += ms;
  }
  return { main, others };
}

type Format = 'csv' | 'json' | 'ndjson' | 'xml';
const FORMATS = (arg('formats') ?? 'csv,json,ndjson,xml').split(',') as Format[];

async function run(format: Format, body: Buffer[], pooled: boolean): Promise<number> {
  const limits = { maxStringLength: 1 << 23 };
  const decider = createFieldDecider(plan);
  const counts = new Map<string, number>();
  const transform = createLeafMasker(plan, { counts, decider });
  const stage = pooled
    ? pooledMaskStream({
        // JSON is never pooled by the proxy (body-codec.ts): its decoder is built here to show why.
        decoder: format === 'json' ? createJsonDecoder(limits) : createPoolableDecoder(format, limits)!,
        charset: 'utf-8',
        jsonNumbers: format === 'json' || format === 'ndjson',
        transform,
        decider,
        pool: pool!,
        task: { role: 'support', tenant: undefined, fields: {}, fieldsId: '{}' },
        counts,
      })
    : maskStream(createBodyCodec(format, limits, transform), 'utf-8');
  let n = 0;
  await pipeline(
    Readable.from(body),
    stage,
    new Writable({
      write(c: Buffer, _e, done) {
        n += c.length;
        done();
      },
    }),
  );
  return n;
}

console.log(
  `threads ${THREADS}; ms per body, median of ${ROUNDS} rounds: wall / process CPU (all threads) [main thread + other threads, summed over the rounds]`,
);
const render = (format: Format, rows: typeof records): string =>
  format === 'csv'
    ? toCsv(rows)
    : format === 'ndjson'
      ? toNdjson(rows)
      : format === 'xml'
        ? toXml(rows)
        : JSON.stringify({ total: rows.length, employees: rows });
for (const format of FORMATS)
  for (const n of [50, 200, 800, 3300]) {
    const text = render(format, records.slice(0, n));
    const body = chunks(text);
    const res: Record<string, { wall: number[]; cpu: number[]; main: number; others: number }> = {
      inline: { wall: [], cpu: [], main: 0, others: 0 },
      pooled: { wall: [], cpu: [], main: 0, others: 0 },
    };
    for (let round = 0; round < ROUNDS + 1; round++)
      for (const mode of ['inline', 'pooled'] as const) {
        const c0 = process.cpuUsage();
        const th0 = threadCpu();
        const t0 = performance.now();
        const out1 = await run(format, body, mode === 'pooled');
        const wall = performance.now() - t0;
        const c = process.cpuUsage(c0);
        const th1 = threadCpu();
        if (out1 === 0) throw new Error('no output');
        if (round === 0) continue; // warm-up
        res[mode]!.wall.push(wall);
        res[mode]!.cpu.push((c.user + c.system) / 1000);
        res[mode]!.main += th1.main - th0.main;
        res[mode]!.others += th1.others - th0.others;
      }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
    const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
    console.log(
      `${format} ${kb} KB: inline ${med(res.inline!.wall)} / ${med(res.inline!.cpu)} [${res.inline!.main} + ${res.inline!.others}], pooled ${med(res.pooled!.wall)} / ${med(res.pooled!.cpu)} [${res.pooled!.main} + ${res.pooled!.others}]`,
    );
  }
await pool.close();
