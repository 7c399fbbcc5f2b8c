/**
 * Operator throughput: values per CPU-second for each built-in operator, single thread, on synthetic values.
 * `npx tsx bench/operators.ts` prints a table; bench/run.ts imports runOperatorBench().
 *
 * Before/after in one run: `npx tsx bench/operators.ts --baseline=<dir>`, where <dir> holds packages/core/src of
 * another revision (`git archive <rev> packages/core/src | tar -x -C /tmp/base`, then <dir> = /tmp/base, with a
 * node_modules symlink to this checkout's). Both registries are timed case by case, interleaved in short slices,
 * so load from other processes on a shared box hits both alike. CPU time (process.cpuUsage), not wall time.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createKeyRing } from '../packages/core/src/keys/key-ring.js';
import type { OperatorContext, Operator } from '../packages/core/src/operators/operator.js';
import { OPERATORS } from '../packages/core/src/operators/registry.js';
import type { FieldType } from '../packages/core/src/types.js';

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

/** A timer for one operator/entity pair: warm-up on construction, then `slice(ms)` adds a timed slice. */
function timer(op: Operator, entity: FieldType, values: readonly string[], ctx: OperatorContext) {
  const params = op.validate({}, entity);
  let sink = 0;
  // Cycling through several written forms keeps branch prediction honest; no operator caches per value.
  for (let i = 0; i < 2000; i++) sink += op.apply(values[i % values.length] as string, params, ctx).length;
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
    const slices = then === undefined ? 1 : 5;
    for (let s = 0; s < slices; s++) {
      now.slice(millis / slices);
      then?.slice(millis / slices);
    }
    current.push(now.row(name));
    if (then !== undefined) before.push(then.row(name));
  }
  return baseline === undefined ? current : { current, baseline: before };
}

async function main(): Promise<void> {
  const arg = process.argv.find((a) => a.startsWith('--baseline='));
  const fmt = (r: OperatorBenchRow): string =>
    `${r.valuesPerSecond.toLocaleString('en-US').padStart(12)} /s ${r.microsPerValue.toFixed(2).padStart(8)} µs`;
  if (arg === undefined) {
    for (const r of runOperatorBench()) console.log(`${r.operator.padEnd(10)} ${r.entity.padEnd(12)} ${fmt(r)}`);
    return;
  }
  const dir = resolve(arg.slice('--baseline='.length));
  const registry = join(dir, 'packages/core/src/operators/registry.ts');
  if (!existsSync(registry)) throw new Error(`no ${registry}`);
  const mod = (await import(pathToFileURL(registry).href)) as { OPERATORS: Readonly<Record<string, Operator>> };
  const { current, baseline } = runOperatorBench(1000, mod.OPERATORS);
  console.log(
    `${'operator'.padEnd(10)} ${'entity'.padEnd(12)} ${'baseline'.padStart(27)} ${'current'.padStart(27)}  speed-up`,
  );
  current.forEach((r, i) => {
    const b = baseline[i] as OperatorBenchRow;
    const ratio = (b.microsPerValue / r.microsPerValue).toFixed(2);
    console.log(`${r.operator.padEnd(10)} ${r.entity.padEnd(12)} ${fmt(b)} ${fmt(r)}  ${ratio}×`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
