/**
 * Two or more kamen proxies side by side in one run: builds (another checkout's dist) and Node/V8 flags (a larger
 * young generation). Each target is its own process in front of one demo upstream; requests go one at a time, in
 * blocks that alternate between the targets round after round, so load from other processes on a shared machine
 * falls on every target alike. Reports the serving process's CPU time per request (/proc schedstat, every thread),
 * median over the rounds, and the one-at-a-time latency; with --load=<s>, also requests/s of 10 closed-loop
 * connections per round.
 *
 *   npx tsx bench/proxy-compare.ts --targets='before@/tmp/kamen-before,after@.,after-64@.@--max-semi-space-size=64'
 *     [--path=/api/employees] [--role=support] [--rounds=6] [--requests=150] [--load=0]
 *
 * A target is label@root[@node flag+node flag…]; root `.` is this checkout. Before timing, every target must serve
 * the masked page (no employee name or My Number of the upstream's page in it).
 */
import { resolve } from 'node:path';
import { cpuMs, fetchBody, latencyOf, load, settle, sequentialTimes, spawnTarget, type Target } from './proxy-load.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const PATH = arg('path') ?? '/api/employees';
const ROLE = arg('role') ?? 'support';
const ROUNDS = Number(arg('rounds') ?? 6);
const REQUESTS = Number(arg('requests') ?? 150);
const LOAD_SECONDS = Number(arg('load') ?? 0);
const HEADERS = { 'x-kamen-role': ROLE }; // what bench/proxy-target.ts configures kamen to trust from loopback

interface Spec {
  readonly label: string;
  readonly root: string;
  readonly flags: readonly string[];
}
const specs: Spec[] = (arg('targets') ?? 'this tree@.').split(',').map((t) => {
  const [label = t, root = '.', flags = ''] = t.split('@');
  return { label, root: resolve(root), flags: flags === '' ? [] : flags.split('+') };
});

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  const upstream = await spawnTarget(['upstream']);
  const targets: (Spec & Target)[] = [];
  try {
    for (const s of specs)
      targets.push({ ...s, ...(await spawnTarget(['kamen', upstream.url], s.flags, { KAMEN_BENCH_ROOT: s.root })) });
    const direct = JSON.parse(await fetchBody(upstream.url + '/api/employees', {})) as {
      employees: { 氏名: string; 個人番号: string }[];
    };
    for (const t of targets) {
      const body = await fetchBody(t.url + '/api/employees', HEADERS);
      if (ROLE !== 'admin' && direct.employees.some((e) => body.includes(e.個人番号) || body.includes(e.氏名)))
        throw new Error(`${t.label} served an employee unmasked`);
    }
    for (const t of targets) await sequentialTimes(t.url + PATH, HEADERS, REQUESTS); // warm-up: JIT, caches
    const cpu = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    const times = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    const rps = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (let i = 0; i < targets.length; i++) {
        const t = targets[(i + round) % targets.length] as Spec & Target; // rotate the order every round
        await settle(t.pid);
        const c0 = cpuMs(t.pid);
        const ts = await sequentialTimes(t.url + PATH, HEADERS, REQUESTS);
        const c1 = cpuMs(t.pid);
        if (c0 !== undefined && c1 !== undefined) cpu.get(t.label)?.push((c1 - c0) / ts.length);
        times.get(t.label)?.push(...ts);
        if (LOAD_SECONDS > 0) {
          await settle(t.pid);
          rps.get(t.label)?.push((await load(t.url + PATH, HEADERS, 10, LOAD_SECONDS)).rps);
        }
      }
    console.log(`${PATH} as ${ROLE}: ${ROUNDS} rounds × ${REQUESTS} requests one at a time per target`);
    for (const t of targets) {
      const per = cpu.get(t.label) ?? [];
      const lat = latencyOf(times.get(t.label) ?? []);
      const r = rps.get(t.label) ?? [];
      console.log(
        `${t.label.padEnd(16)} CPU ${median(per).toFixed(2)} ms/request (rounds ${Math.min(...per).toFixed(2)}–` +
          `${Math.max(...per).toFixed(2)}), one at a time p50 ${lat.p50.toFixed(2)} / p99 ${lat.p99.toFixed(2)} ms` +
          (r.length > 0 ? `, ${median(r).toFixed(0)} req/s (10 conn.)` : '') +
          (t.flags.length > 0 ? `  [${t.flags.join(' ')}]` : ''),
      );
    }
  } finally {
    for (const t of targets) await t.stop();
    await upstream.stop();
  }
}

await main();
