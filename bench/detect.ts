/**
 * detect() throughput alone, on the same Japanese, English and mixed HR documents as `npm run bench`, with CPU time
 * next to wall time (on a shared machine wall time moves with the load; CPU time of this process moves less), an
 * optional second build of @kamen/core timed in the same process (before/after), and where the time goes.
 *
 * Run: npx tsx bench/detect.ts [--mb=2] [--runs=5] [--lang=ja,en,mixed] [--breakdown] [--write]
 *        [--compare=<dir>/packages/core/src/index.ts [--compare-name=<label>]]
 * --compare: another checkout (e.g. `git worktree add ../kamen-before <commit>`, with node_modules linked from this
 * one) whose detect() is timed on the same documents, passes alternating with this tree's.
 * Also times detect() per call on a few thousand short cells (bench/short-cells.ts): the fixed cost per call.
 * The `detectMany` rows hand the same texts over in one call (scanned detector by detector, 64 texts at a time).
 * --breakdown: share of detect() spent in each detector's scan() and in the engine around them.
 * --write: also replace this benchmark's section of bench/README.md (kept by `npm run bench`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import { detect as detectHere, detectMany, getDefaultRegistry } from '../packages/core/src/index.js';
import { BATCH_SIZE } from '../packages/core/src/engine/blocks.js';
import type { Detector, Finding, Registry } from '../packages/core/src/index.js';
import { buildInputs, type BenchInput } from './inputs.js';
import { KAMEN_OPTIONS } from './peers.js';
import { shortCells } from './short-cells.js';

type DetectFn = (text: string, options?: object) => readonly Finding[];

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Runs detection over every text, returning the number of findings. */
type Runner = (texts: readonly string[], options: object) => number;

/** One detect() call per text, as the CLI and the proxy call it. */
const perText =
  (detect: DetectFn): Runner =>
  (texts, options) => {
    let sink = 0;
    for (const t of texts) sink += detect(t, options).length;
    return sink;
  };

function pass(run: Runner, docs: readonly string[], options: object): Timing {
  const w = performance.now();
  const c = cpuMs();
  if (run(docs, options) < 0) throw new Error('unreachable');
  return { wallMs: performance.now() - w, cpuMs: cpuMs() - c };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mbps = (bytes: number, ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(2);

/** Median wall and CPU MB/s of each implementation over `runs` alternating passes, after one warm-up pass each. */
function timeAll(impls: readonly [string, Runner][], input: BenchInput, runs: number): string[] {
  for (const [, d] of impls) pass(d, input.docs, KAMEN_OPTIONS);
  const times = impls.map(() => [] as Timing[]);
  for (let r = 0; r < runs; r++) impls.forEach(([, d], i) => times[i]?.push(pass(d, input.docs, KAMEN_OPTIONS)));
  return impls.map(([name], i) => {
    const t = times[i] as Timing[];
    const wall = median(t.map((x) => x.wallMs));
    const cpu = median(t.map((x) => x.cpuMs));
    return `| ${name} | ${input.lang} | ${mbps(input.bytes, wall)} | ${mbps(input.bytes, cpu)} | ${(input.bytes / 1e6).toFixed(2)} MB |`;
  });
}

/** Median CPU µs per detect() call on short cells, passes alternating between the implementations. */
function timeShortCells(impls: readonly [string, Runner][], runs: number): string[] {
  const cells = shortCells();
  const meanChars = cells.reduce((n, c) => n + c.length, 0) / cells.length;
  for (const [, d] of impls) for (let i = 0; i < 3; i++) pass(d, cells, KAMEN_OPTIONS);
  const times = impls.map(() => [] as number[]);
  for (let r = 0; r < 3 * runs; r++) impls.forEach(([, d], i) => times[i]?.push(pass(d, cells, KAMEN_OPTIONS).cpuMs));
  return impls.map(
    ([name], i) =>
      `| ${name} | ${cells.length} cells, ${meanChars.toFixed(1)} characters on average | ` +
      `${((1000 * median(times[i] as number[])) / cells.length).toFixed(2)} |`,
  );
}

/** Per-detector share of detect() (scan() wrapped in a timer, including the generator's work) and the engine's. */
function breakdown(input: BenchInput): string[] {
  const reg = getDefaultRegistry();
  const spent = new Map<string, number>();
  const timed: Detector[] = reg.detectors.map((d) => ({
    ...d,
    scan(n) {
      const t0 = performance.now();
      const out = [...d.scan(n)];
      spent.set(d.id, (spent.get(d.id) ?? 0) + performance.now() - t0);
      return out;
    },
  }));
  const registry: Registry = { rules: reg.rules, detectors: timed };
  pass(perText(detectHere as DetectFn), input.docs, { ...KAMEN_OPTIONS, registry });
  spent.clear();
  const total = pass(perText(detectHere as DetectFn), input.docs, { ...KAMEN_OPTIONS, registry }).wallMs;
  const scans = [...spent.values()].reduce((a, b) => a + b, 0);
  const rows = [...spent].sort((a, b) => b[1] - a[1]);
  return [
    `| engine (normalise, context and veto words, offsets, overlaps) | ${input.lang} | ${((100 * (total - scans)) / total).toFixed(1)} % |`,
    ...rows.map(([id, ms]) => `| ${id} | ${input.lang} | ${((100 * ms) / total).toFixed(1)} % |`),
  ];
}

const START = '<!-- detect-bench -->';
const END = '<!-- /detect-bench -->';

/** Replaces (or appends) this benchmark's marked section of bench/README.md. */
function writeSection(lines: readonly string[]): void {
  const file = fileURLToPath(new URL('./README.md', import.meta.url));
  const readme = readFileSync(file, 'utf8');
  const section = `${START}\n${lines.join('\n')}\n${END}`;
  const [before, rest] = readme.includes(START) ? [readme.slice(0, readme.indexOf(START)), readme] : [readme, ''];
  const after = rest.includes(END) ? rest.slice(rest.indexOf(END) + END.length) : '\n';
  writeFileSync(file, `${before.trimEnd()}\n\n${section}${after}`);
}

async function main(): Promise<void> {
  const mb = Number(arg('mb') ?? 2);
  const runs = Number(arg('runs') ?? 5);
  const langs = (arg('lang') ?? 'ja,en,mixed').split(',');
  const impls: [string, Runner][] = [
    ['this tree', perText(detectHere as DetectFn)],
    // The same texts handed over together: detectMany scans them detector by detector, 64 at a time.
    [`this tree, detectMany (batches of ${BATCH_SIZE})`, (texts, o) => detectMany(texts, o).flat().length],
  ];
  const compare = arg('compare');
  if (compare !== undefined)
    impls.push([arg('compare-name') ?? compare, perText(((await import(compare)) as { detect: DetectFn }).detect)]);
  const inputs = buildInputs({ seed: 7, minBytes: mb * 1e6 }).filter((i) => langs.includes(i.lang));

  const out: string[] = [];
  const print = (line: string): void => {
    console.log(line);
    out.push(line);
  };
  const load = loadavg().map((x) => x.toFixed(2));
  print('## detect() alone (bench/detect.ts)');
  print('');
  print(
    `${new Date().toISOString()}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length} logical cores, ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()}, Node ${process.version}, load average at start ` +
      `${load.join(' / ')}. Median of ${runs} passes over the \`npm run bench\` documents (${mb} MB per language), ` +
      "one thread. CPU MB/s counts this process's CPU time only, so it moves less than wall time on a busy machine. " +
      'The detection table above is from the last full `npm run bench`, this section from the last `bench/detect.ts`.',
  );
  if (compare !== undefined) {
    print('');
    print(
      `\`${impls[impls.length - 1]?.[0] ?? ''}\` is a second build of @kamen/core (\`--compare\`) timed in the same process, its passes ` +
        "alternating with this tree's, so both rows saw the same load: compare them with each other rather than with a " +
        'run made at another time.',
    );
  }
  print('');
  print('| build | lang | MB/s (wall) | MB/s (CPU) | input |');
  print('| --- | --- | ---: | ---: | ---: |');
  const rows = inputs.flatMap((input) => timeAll(impls, input, runs));
  for (const row of rows) print(row);
  // Issue 2's target, read off this tree's mixed row (CPU MB/s: the figure a busy machine moves least).
  const mixed = rows
    .find((r) => r.startsWith('| this tree | mixed |'))
    ?.split('|')[4]
    ?.trim();
  if (mixed !== undefined) {
    print('');
    print(
      `Target (issue 2): at least 20 MB/s single-threaded on mixed HR free text. This run: ${mixed} MB/s of CPU time, ` +
        `**${Number(mixed) >= 20 ? 'met' : 'not met'}**.`,
    );
  }
  print('');
  print('| build | short cells (bench/short-cells.ts) | µs per call (CPU) |');
  print('| --- | --- | ---: |');
  for (const row of timeShortCells(impls, runs)) print(row);
  if (process.argv.includes('--breakdown')) {
    print('');
    print('| where detect() spends its time | lang | share |');
    print('| --- | --- | ---: |');
    for (const input of inputs) for (const row of breakdown(input)) print(row);
  }
  if (process.argv.includes('--write')) writeSection(out);
}

await main();
