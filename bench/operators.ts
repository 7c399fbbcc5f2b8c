/**
 * Operator throughput: values per CPU-second for each built-in operator, single thread, on synthetic values.
 * `npx tsx bench/operators.ts` prints a table of this tree alone.
 *
 * Before/after in one run: `npx tsx bench/operators.ts --baseline=<dir> [--baseline-label="commit <rev>"]
 * [--ms=<CPU-ms per case and side, default 1000>] [--write]`, where <dir> holds packages/core/src of another
 * revision (`git archive <rev> packages/core/src | tar -x -C /tmp/base`, then <dir> = /tmp/base, with a
 * node_modules symlink to this checkout's). Both registries are timed case by case, interleaved in short slices,
 * so load from other processes on a shared box hits both alike. CPU time (process.cpuUsage), not wall time.
 * Prints the README section (bench/report.ts operatorSection, the renderer `npm run bench` uses too); --write also
 * replaces the `<!-- operators-bench -->` block of bench/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createKeyRing } from '../packages/core/src/keys/key-ring.js';
import type { OperatorContext, Operator } from '../packages/core/src/operators/operator.js';
import { OPERATORS } from '../packages/core/src/operators/registry.js';
import type { FieldType } from '../packages/core/src/types.js';
import { OPERATORS_END, OPERATORS_START, operatorSection, replaceBlock, type OperatorComparison } from './report.js';

/** One measured operator/entity pair. */
export interface OperatorBenchRow {
  readonly operator: string;
  readonly entity: FieldType;
  /** Values per CPU-second (user + system time of this process). */
  readonly valuesPerSecond: number;
  readonly microsPerValue: number;
}

const CASES: readonly (readonly [string, FieldType, readonly string[]])[] = [
  ['keep', 'EMAIL', ['yamada@example.com', 'sato.hanako@example.co.jp']],
  ['redact', 'MY_NUMBER', ['1234-5678-9018', '123456789018']],
  ['mask', 'PHONE', ['090-1234-5678', '03-1234-5678', '０８０－２３４５－６７８９']],
  ['mask', 'PERSON_NAME', ['山田 太郎', '佐藤\u3000花子', 'Taro Yamada']],
  ['mask', 'CREDIT_CARD', ['4111-1111-1111-1111', '5555 5555 5555 4444']],
  ['hash', 'EMAIL', ['yamada@example.com', 'sato.hanako@example.co.jp']],
  ['pseudonym', 'PERSON_NAME', ['山田 太郎', '佐藤 花子', '鈴木 一郎']],
  ['pseudonym', 'MY_NUMBER', ['1234-5678-9018', '123456789018']],
  ['pseudonym', 'ADDRESS', ['東京都千代田区丸の内一丁目1番1号 テストビル101号室', '大阪府大阪市北区梅田3-1-1']],
  ['fpe', 'MY_NUMBER', ['1234-5678-9018', '123456789018', '１２３４５６７８９０１８']],
  ['fpe', 'CREDIT_CARD', ['4111-1111-1111-1111', '5555 5555 5555 4444']],
  ['fpe', 'PHONE', ['090-1234-5678', '03-1234-5678', '0120-123-456']],
  ['fpe', 'EMPLOYEE_ID', ['E00123456', 'E98765432']],
];

const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Values applied before timing starts, and timed slices per side when two registries are compared. */
export const WARMUP = 2000;
export const SLICES = 5;

/** A timer for one operator/entity pair: warm-up on construction, then `slice(ms)` adds a timed slice. */
function timer(op: Operator, entity: FieldType, values: readonly string[], ctx: OperatorContext) {
  const params = op.validate({}, entity);
  let sink = 0;
  // Cycling through several written forms keeps branch prediction honest; no operator caches per value.
  for (let i = 0; i < WARMUP; i++) sink += op.apply(values[i % values.length] as string, params, ctx).length;
  let n = 0;
  let micros = 0;
  return {
    slice(millis: number): void {
      const start = cpuMicros();
      const deadline = start + millis * 1000;
      let now = start;
      while (now < deadline) {
        for (let i = 0; i < 256; i++) sink += op.apply(values[(n + i) % values.length] as string, params, ctx).length;
        n += 256;
        now = cpuMicros();
      }
      micros += now - start;
      if (sink < 0) throw new Error('unreachable');
    },
    row(operator: string): OperatorBenchRow {
      return { operator, entity, valuesPerSecond: Math.round((n * 1e6) / micros), microsPerValue: micros / n };
    },
  };
}

/**
 * Measures every case for about `millis` CPU-ms each (after a warm-up) and returns one row per case; with
 * `baseline`, the same cases on that registry too, interleaved with the current one in five slices.
 */
export function runOperatorBench(millis?: number): OperatorBenchRow[];
export function runOperatorBench(
  millis: number,
  baseline: Readonly<Record<string, Operator>>,
): { current: OperatorBenchRow[]; baseline: OperatorBenchRow[] };
export function runOperatorBench(
  millis = 300,
  baseline?: Readonly<Record<string, Operator>>,
): OperatorBenchRow[] | { current: OperatorBenchRow[]; baseline: OperatorBenchRow[] } {
  const keys = createKeyRing([{ id: 'k1', key: new Uint8Array(32).fill(42) }]);
  const current: OperatorBenchRow[] = [];
  const before: OperatorBenchRow[] = [];
  for (const [name, entity, values] of CASES) {
    const op = OPERATORS[name];
    const old = baseline?.[name];
    if (op === undefined) continue;
    const ctx: OperatorContext = { entity, keys, field: 'bench' };
    const now = timer(op, entity, values, ctx);
    const then = old === undefined ? undefined : timer(old, entity, values, ctx);
    const slices = then === undefined ? 1 : SLICES;
    for (let s = 0; s < slices; s++) {
      now.slice(millis / slices);
      then?.slice(millis / slices);
    }
    current.push(now.row(name));
    if (then !== undefined) before.push(then.row(name));
  }
  return baseline === undefined ? current : { current, baseline: before };
}

/** The registry of the tree at `dir` (see the header for how to make one). */
async function loadBaseline(dir: string): Promise<Readonly<Record<string, Operator>>> {
  const registry = join(resolve(dir), 'packages/core/src/operators/registry.ts');
  if (!existsSync(registry)) throw new Error(`no ${registry}`);
  return ((await import(pathToFileURL(registry).href)) as { OPERATORS: Readonly<Record<string, Operator>> }).OPERATORS;
}

/** Times this tree against the tree at `dir` in one process, with what the README's method paragraph needs. */
export async function compareOperators(options: {
  readonly dir: string;
  readonly label?: string;
  readonly millis?: number;
  readonly command: string;
}): Promise<OperatorComparison> {
  const millis = options.millis ?? 1000;
  const old = await loadBaseline(options.dir);
  const date = new Date();
  const start = loadavg()[0] as number;
  const { current, baseline } = runOperatorBench(millis, old);
  const load: [number, number] = [start, loadavg()[0] as number];
  const baselineLabel = options.label ?? `the tree at ${options.dir}`;
  return {
    command: options.command,
    date,
    load,
    baselineLabel,
    millis,
    slices: SLICES,
    warmup: WARMUP,
    baseline,
    current,
  };
}

/** The arguments as a shell would need them: a flag value holding white space in double quotes. */
export const quoteArgs = (args: readonly string[]): string =>
  args
    .map((a) => {
      const eq = a.indexOf('=');
      return a.startsWith('--') && eq > 0 && /\s/u.test(a) ? `${a.slice(0, eq + 1)}"${a.slice(eq + 1)}"` : a;
    })
    .join(' ');

const flag = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function main(): Promise<void> {
  const dir = flag('baseline');
  if (dir === undefined) {
    for (const r of runOperatorBench()) {
      const rate = `${r.valuesPerSecond.toLocaleString('en-US').padStart(12)} /s`;
      console.log(
        `${r.operator.padEnd(10)} ${r.entity.padEnd(12)} ${rate} ${r.microsPerValue.toFixed(2).padStart(8)} µs`,
      );
    }
    return;
  }
  const ms = flag('ms');
  if (ms !== undefined && !(Number(ms) > 0)) throw new Error('--ms must be a positive number of CPU-ms');
  const write = process.argv.includes('--write');
  // A short run is for trying the script out; the README only gets runs of at least 1 CPU-s per case and side.
  if (write && Number(ms ?? 1000) < 1000) throw new Error('--write needs --ms of at least 1000');
  const label = flag('baseline-label');
  const section = operatorSection(
    await compareOperators({
      dir,
      ...(label === undefined ? {} : { label }),
      ...(ms === undefined ? {} : { millis: Number(ms) }),
      command: `npx tsx bench/operators.ts ${quoteArgs(process.argv.slice(2))}`.trim(),
    }),
  );
  console.log(section);
  if (write) {
    const file = fileURLToPath(new URL('./README.md', import.meta.url));
    writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), OPERATORS_START, OPERATORS_END, section));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
