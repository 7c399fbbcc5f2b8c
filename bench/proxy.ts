/**
 * `npm run bench:proxy`: the masking proxy's cost, measured in one run on loopback against the demo HR application
 * (packages/proxy/src/demo): a ~20 KB JSON employee list and a ~1 MB CSV export, requested (a) from the upstream
 * directly, (b) through a plain undici pass-through proxy (bench/passthrough-proxy.ts), (c) through kamen as
 * `support` (masked) and (d) as `admin` (clear). Reports requests/s, the ratio to (b), latency under load and one
 * request at a time, added p50/p99 vs (b), and each proxy's RSS under 1,000 concurrent connections; rewrites the
 * "Proxy (issue 5)" section of bench/README.md.
 *
 * Upstream, proxy and load generator are three processes sharing the machine's cores, as in a single-host
 * deployment; compare rows of one run, not runs on different machines.
 *
 * Flags: --seconds=<n> per load run (default 5), --rounds=<n> (default 3), --connections=<n> (default 10),
 * --many=<n> connections of the memory run (default 1000), --many-seconds=<n> its length (default 15),
 * --only=passthrough,kamen-support,… (the README is then not written), --no-write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machine } from './report.js';
import {
  cpuMs,
  fetchBody,
  latencyOf,
  load,
  percentile,
  rssMb,
  sampleRss,
  sequentialTimes,
  settle,
  spawnTarget,
  type LoadResult,
  type Target,
} from './proxy-load.js';
import {
  manyConnectionsTable,
  verdicts,
  workloadTable,
  type ManyConnectionsRow,
  type TargetName,
  type Workload,
} from './proxy-report.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const SECONDS = Number(arg('seconds') ?? 5);
const CONNECTIONS = Number(arg('connections') ?? 10);
const MANY = Number(arg('many') ?? 1000);
const ROUNDS = Number(arg('rounds') ?? 3);
const MANY_SECONDS = Number(arg('many-seconds') ?? 15);
const ONLY = arg('only')?.split(',');
const ROLE_HEADER = 'x-kamen-role'; // what bench/proxy-target.ts configures kamen to trust from loopback

const TARGETS: TargetName[] = (
  ['direct', 'passthrough', 'kamen-support', 'kamen-support-inline', 'kamen-admin'] as const
).filter((t) => ONLY === undefined || t === 'direct' || ONLY.includes(t));
const WORKLOADS = [
  { name: 'JSON employee list', path: '/api/employees', sequential: 300, seconds: SECONDS },
  // A masked 1 MB body takes a good part of a second: longer runs, or a round completes next to nothing.
  { name: 'CSV export', path: '/export/employees.csv', sequential: 21, seconds: 3 * SECONDS },
];

const masked = (t: TargetName): boolean => t === 'kamen-support' || t === 'kamen-support-inline';
const headersOf = (t: TargetName): Record<string, string> =>
  masked(t) ? { [ROLE_HEADER]: 'support' } : t === 'kamen-admin' ? { [ROLE_HEADER]: 'admin' } : {};
/** bench/proxy-target.ts arguments: kamen with its default workers, or with workers.threads 0. */
const targetArgs = (t: TargetName, upstream: string): string[] =>
  t === 'passthrough' ? ['passthrough', upstream] : ['kamen', upstream, ...(t === 'kamen-support-inline' ? ['0'] : [])];

/** Refuses to time a proxy that does not do its job: support must be masked, admin and pass-through unchanged. */
async function check(t: TargetName, url: string, directUrl: string): Promise<void> {
  const direct = JSON.parse(await fetchBody(`${directUrl}/api/employees`, {})) as {
    employees: { 氏名: string; 個人番号: string }[];
  };
  const body = await fetchBody(`${url}/api/employees`, headersOf(t));
  if (masked(t)) {
    const leaked = direct.employees.filter((e) => body.includes(e.個人番号) || body.includes(e.氏名));
    if (leaked.length > 0) throw new Error(`kamen as support served ${leaked.length} employees unmasked`);
  } else if (JSON.stringify(JSON.parse(body)) !== JSON.stringify(direct)) {
    throw new Error(`${t} changed the employee list`);
  }
}

const median = (xs: readonly number[]): number | undefined =>
  xs.length === 0
    ? undefined
    : percentile(
        [...xs].sort((a, b) => a - b),
        50,
      );

/** Median of the rounds' autocannon results, field by field. */
function medianLoad(rs: readonly LoadResult[]): LoadResult {
  const med = (f: (r: LoadResult) => number): number => median(rs.map(f)) ?? 0;
  return {
    rps: med((r) => r.rps),
    requests: med((r) => r.requests),
    p50: med((r) => r.p50),
    p99: med((r) => r.p99),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    bytesPerResponse: med((r) => r.bytesPerResponse),
  };
}

async function main(): Promise<void> {
  const upstream = await spawnTarget(['upstream']);
  const procs = new Map<TargetName, Target>();
  try {
    // One process per proxy (support and admin apart too), so each RSS is its own; all run for the whole
    // benchmark and are measured in interleaved rounds, so load from other processes on a shared machine falls
    // on every target alike instead of on whichever ran at the wrong moment.
    for (const t of TARGETS) if (t !== 'direct') procs.set(t, await spawnTarget(targetArgs(t, upstream.url)));
    const urlOf = (t: TargetName): string => procs.get(t)?.url ?? upstream.url;
    for (const t of TARGETS) await check(t, urlOf(t), upstream.url);

    const pidOf = (t: TargetName): number => procs.get(t)?.pid ?? upstream.pid;
    const loads = new Map<string, LoadResult[]>();
    const cpus = new Map<string, number[]>();
    const times = new Map<string, number[]>();
    const key = (t: TargetName, path: string): string => `${t} ${path}`;
    for (const t of TARGETS) for (const w of WORKLOADS) await load(urlOf(t) + w.path, headersOf(t), CONNECTIONS, 2); // warm-up: JIT, pools
    for (let round = 0; round < ROUNDS; round++)
      for (const w of WORKLOADS)
        for (const [i] of TARGETS.entries()) {
          const t = TARGETS[(i + round) % TARGETS.length] as TargetName; // rotate the order every round
          const k = key(t, w.path);
          const pid = pidOf(t);
          await settle(pid);
          const r = await load(urlOf(t) + w.path, headersOf(t), CONNECTIONS, w.seconds);
          loads.set(k, [...(loads.get(k) ?? []), r]);
          await settle(pid);
          // CPU per request over the one-at-a-time requests: every one of them completes, none is abandoned.
          const cpu0 = cpuMs(pid);
          const ts = await sequentialTimes(urlOf(t) + w.path, headersOf(t), Math.ceil(w.sequential / ROUNDS));
          const cpu1 = cpuMs(pid);
          times.set(k, [...(times.get(k) ?? []), ...ts]);
          if (cpu0 !== undefined && cpu1 !== undefined)
            cpus.set(k, [...(cpus.get(k) ?? []), (cpu1 - cpu0) / ts.length]);
          console.error(`round ${round + 1} ${t} ${w.path}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`);
        }
    const workloads: Workload[] = WORKLOADS.map((w) => ({
      name: w.name,
      path: w.path,
      rows: TARGETS.map((t) => ({
        target: t,
        load: medianLoad(loads.get(key(t, w.path)) ?? []),
        cpuMsPerRequest: median(cpus.get(key(t, w.path)) ?? []),
        latency: latencyOf(times.get(key(t, w.path)) ?? []),
      })),
    }));

    const many: ManyConnectionsRow[] = [];
    for (const t of TARGETS) {
      const pid = pidOf(t);
      await settle(pid);
      const idle = rssMb(pid);
      const sampler = sampleRss(pid);
      const result = await load(urlOf(t) + '/api/employees', headersOf(t), MANY, MANY_SECONDS);
      const peak = sampler.stop();
      many.push({ target: t, load: result, idleRssMb: idle, peakRssMb: procs.has(t) ? peak : undefined });
      console.error(`${t} ×${MANY}: ${result.rps.toFixed(0)} req/s, peak RSS ${peak?.toFixed(0)} MB`);
    }
    report(workloads, many);
  } finally {
    for (const p of procs.values()) await p.stop();
    await upstream.stop();
  }
}

function report(workloads: readonly Workload[], many: readonly ManyConnectionsRow[]): void {
  const md = [
    '## Proxy (issue 5)',
    '',
    `Generated by \`npm run bench:proxy\` on ${new Date().toISOString()}.`,
    '',
    machine(),
    '',
    ...workloads.flatMap((w) => [workloadTable(w, CONNECTIONS), '']),
    manyConnectionsTable(many, MANY, '/api/employees'),
    '',
    verdicts(workloads),
    '',
    PROXY_METHOD,
  ].join('\n');
  console.log(md);
  if (ONLY === undefined && !process.argv.includes('--no-write')) writeSection(md);
}

const PROXY_METHOD = `Method: every target runs in its own process for the whole benchmark (upstream, pass-through, kamen
support, kamen support with workers off (\`workers.threads: 0\`, every body masked inline: the pool's effect in the
same run), kamen admin) and is measured in ${ROUNDS} interleaved rounds, the order rotating each round, so load from
other processes on a shared machine falls on all of them alike. Per round and target, autocannon runs
${CONNECTIONS} closed-loop connections for ${SECONDS} s (JSON) or ${3 * SECONDS} s (CSV) after one 2 s warm-up; the
table shows the median of the rounds.
"One at a time" is a single keep-alive connection sending requests back to back (300 for JSON, 21 for CSV over the
rounds), timed with hrtime: service time without queueing. "Added" subtracts the pass-through row. "CPU per
request" is the serving process's CPU time (every thread's run time, /proc schedstat) over the one-at-a-time requests divided by their number:
unlike the rates, it hardly moves when other processes compete for the cores, and the ratio of two targets' CPU
per request is the ratio of their throughputs when the CPU is the limit. Before every run the serving process must
be idle (work for requests the previous run abandoned is not charged to the next). The ${MANY}-connection run lasts
${MANY_SECONDS} s. Before timing, the run
checks that support's responses hold none of the employees' names and My Numbers and that admin's and the
pass-through's are unchanged. RSS is the proxy process's, sampled every 100 ms (Linux /proc). Reproduce:
\`npm run bench:proxy\` (flags in bench/proxy.ts). When the load average is far above the core count (other work on the machine), the
latency and rate columns mostly measure waiting for a core; CPU per request is then the figure to compare.`;

const START = '<!-- proxy-bench -->';
const END = '<!-- /proxy-bench -->';

/** Replaces (or appends) this benchmark's marked section of bench/README.md; `npm run bench` keeps it. */
function writeSection(md: string): void {
  const file = fileURLToPath(new URL('./README.md', import.meta.url));
  const readme = readFileSync(file, 'utf8');
  const section = `${START}\n${md}\n${END}`;
  const [before, rest] = readme.includes(START) ? [readme.slice(0, readme.indexOf(START)), readme] : [readme, ''];
  const after = rest.includes(END) ? rest.slice(rest.indexOf(END) + END.length) : '\n';
  writeFileSync(file, `${before.trimEnd()}\n\n${section}${after}`);
}

await main();
