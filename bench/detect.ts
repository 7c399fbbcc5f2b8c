/**
 * detect() throughput alone, on the same Japanese, English and mixed HR documents as `npm run bench`, with CPU time
 * next to wall time (on a shared machine wall time moves with the load; CPU time of this process moves less), an
 * optional second build of @kamen/core timed alongside (before/after), and where the time goes.
 *
 * Run: npx tsx bench/detect.ts [--mb=2] [--runs=5] [--rounds=3] [--lang=ja,en,mixed] [--breakdown] [--write]
 *        [--compare=<dir>/packages/core/src/index.ts [--compare-name=<label>]]
 * --compare: another checkout (e.g. `git worktree add ../kamen-before <commit>`, with its node_modules and
 * packages/core/node_modules linked to this one's: core's own holds ajv 8) whose detect() is timed on the same documents. Every build is timed in child processes of its own, alternating
 * (--rounds=3 children per build): two builds loaded into one process do not run alike (the copy imported first ran
 * faster; two copies of the same normalize.ts timed 4-14 ms apart per 2 MB), so a same-process comparison is biased.
 * Also times detect() per call on a few thousand short cells (bench/short-cells.ts): the fixed cost per call.
 * The `detectMany` rows hand the same texts over in one call (scanned detector by detector, 64 texts at a time).
 * --breakdown: share of detect() spent in each detector's scan() and in the engine around them.
 * --write: also replace this benchmark's section of bench/README.md (kept by `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
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

/** What one child process measured for one build: pass timings per language and CPU ms per short-cells pass. */
interface Measured {
  readonly passes: Record<string, Timing[]>;
  readonly cells: number[];
}

/**
 * `runs` passes over each input after two warm-up passes (a fresh process is still compiling its hot code during the
 * first), then 3 × `runs` passes over the short cells after 3 warm-ups.
 */
function measure(run: Runner, inputs: readonly BenchInput[], runs: number): Measured {
  const passes: Record<string, Timing[]> = {};
  for (const input of inputs) {
    for (let i = 0; i < 2; i++) pass(run, input.docs, KAMEN_OPTIONS);
    passes[input.lang] = Array.from({ length: runs }, () => pass(run, input.docs, KAMEN_OPTIONS));
  }
  const cells = shortCells();
  for (let i = 0; i < 3; i++) pass(run, cells, KAMEN_OPTIONS);
  return { passes, cells: Array.from({ length: 3 * runs }, () => pass(run, cells, KAMEN_OPTIONS).cpuMs) };
}

/** Runs this script as a child that measures build `index` only and returns what it measured. */
function measureInChild(index: number, args: readonly string[]): Measured {
  const stdout = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...args, `--child=${index}`],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Measured;
}

function tableRow(name: string, input: BenchInput, t: readonly Timing[]): string {
  const wall = median(t.map((x) => x.wallMs));
  const cpu = median(t.map((x) => x.cpuMs));
  return `| ${name} | ${input.lang} | ${mbps(input.bytes, wall)} | ${mbps(input.bytes, cpu)} | ${(input.bytes / 1e6).toFixed(2)} MB |`;
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
  const rounds = Number(arg('rounds') ?? 3);
  const langs = (arg('lang') ?? 'ja,en,mixed').split(',');
  const compare = arg('compare');
  const names = ['this tree', `this tree, detectMany (batches of ${BATCH_SIZE})`];
  if (compare !== undefined) names.push(arg('compare-name') ?? compare);
  const inputs = buildInputs({ seed: 7, minBytes: mb * 1e6 }).filter((i) => langs.includes(i.lang));
  const child = arg('child');
  if (child !== undefined) {
    const runners: Runner[] = [
      perText(detectHere as DetectFn),
      // The same texts handed over together: detectMany scans them detector by detector, 64 at a time.
      (texts, o) => detectMany(texts, o).flat().length,
    ];
    // Only the child of the compared build loads it: this process holds one copy of @kamen/core either way.
    const runner =
      Number(child) < runners.length
        ? (runners[Number(child)] as Runner)
        : perText(((await import(compare as string)) as { detect: DetectFn }).detect);
    console.log(JSON.stringify(measure(runner, inputs, Number(arg('child-runs') ?? runs))));
    return;
  }
  // Each child makes ceil(runs / rounds) passes; the builds' children alternate, so each build sees the same load.
  const perChild = Math.max(1, Math.ceil(runs / rounds));
  const childArgs = [`--mb=${mb}`, `--lang=${langs.join(',')}`, `--child-runs=${perChild}`];
  if (compare !== undefined) childArgs.push(`--compare=${compare}`);
  const measured = names.map(() => [] as Measured[]);
  for (let r = 0; r < rounds; r++) names.forEach((_, i) => measured[i]?.push(measureInChild(i, childArgs)));

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
      `${load.join(' / ')}. Median of ${rounds * perChild} passes (${rounds} child processes per build, alternating, ` +
      `${perChild} passes each after two warm-ups) over the \`npm run bench\` documents (${mb} MB per language), ` +
      "one thread. CPU MB/s counts the measuring process's CPU time only, so it moves less than wall time on a busy " +
      'machine. ' +
      'The detection table above is from the last full `npm run bench`, this section from the last `bench/detect.ts`.',
  );
  if (compare !== undefined) {
    print('');
    print(
      `\`${names[names.length - 1] ?? ''}\` is a second build of @kamen/core (\`--compare\`), timed in child processes ` +
        "of its own that alternate with this tree's (two builds in one process do not run alike), so both rows saw " +
        'the same load: compare them with each other rather than with a run made at another time.',
    );
  }
  print('');
  print('| build | lang | MB/s (wall) | MB/s (CPU) | input |');
  print('| --- | --- | ---: | ---: | ---: |');
  const rows = inputs.flatMap((input) =>
    names.map((name, i) =>
      tableRow(
        name,
        input,
        (measured[i] as Measured[]).flatMap((m) => m.passes[input.lang] ?? []),
      ),
    ),
  );
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
  const cells = shortCells();
  const meanChars = cells.reduce((n, c) => n + c.length, 0) / cells.length;
  names.forEach((name, i) => {
    const cpu = median((measured[i] as Measured[]).flatMap((m) => m.cells));
    print(
      `| ${name} | ${cells.length} cells, ${meanChars.toFixed(1)} characters on average | ${((1000 * cpu) / cells.length).toFixed(2)} |`,
    );
  });
  if (process.argv.includes('--breakdown')) {
    print('');
    print('| where detect() spends its time | lang | share |');
    print('| --- | --- | ---: |');
    for (const input of inputs) for (const row of breakdown(input)) print(row);
  }
  if (process.argv.includes('--write')) writeSection(out);
}

await main();
