/**
 * Operator throughput: values per second for each built-in keyed/character operator, single thread, on
 * synthetic values. `npx tsx bench/operators.ts` prints a table; bench/run.ts imports runOperatorBench().
 */
import { pathToFileURL } from 'node:url';
import { createKeyRing } from '../packages/core/src/keys/key-ring.js';
import type { OperatorContext } from '../packages/core/src/operators/operator.js';
import { OPERATORS } from '../packages/core/src/operators/registry.js';
import type { FieldType } from '../packages/core/src/types.js';

/** One measured operator/entity pair. */
export interface OperatorBenchRow {
  readonly operator: string;
  readonly entity: FieldType;
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
  ['fpe', 'MY_NUMBER', ['1234-5678-9018', '123456789018', '１２３４５６７８９０１８']],
  ['fpe', 'CREDIT_CARD', ['4111-1111-1111-1111', '5555 5555 5555 4444']],
  ['fpe', 'PHONE', ['090-1234-5678', '03-1234-5678', '0120-123-456']],
  ['fpe', 'EMPLOYEE_ID', ['E00123456', 'E98765432']],
];

/** Measures every case for about `millis` ms each (after a warm-up) and returns one row per case. */
export function runOperatorBench(millis = 300): OperatorBenchRow[] {
  const keys = createKeyRing([{ id: 'k1', key: new Uint8Array(32).fill(42) }]);
  const rows: OperatorBenchRow[] = [];
  for (const [name, entity, values] of CASES) {
    const op = OPERATORS[name];
    if (op === undefined) continue;
    const params = op.validate({}, entity);
    const ctx: OperatorContext = { entity, keys, field: 'bench' };
    // Cycling through several written forms keeps branch prediction honest; no operator caches per value.
    const inputs = values;
    let sink = 0;
    for (let i = 0; i < 200; i++) sink += op.apply(inputs[i % inputs.length] as string, params, ctx).length;
    let n = 0;
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(millis) * 1_000_000n;
    let now = start;
    while (now < deadline) {
      for (let i = 0; i < 64; i++) sink += op.apply(inputs[(n + i) % inputs.length] as string, params, ctx).length;
      n += 64;
      now = process.hrtime.bigint();
    }
    const seconds = Number(now - start) / 1e9;
    if (sink < 0) throw new Error('unreachable');
    rows.push({
      operator: name,
      entity,
      valuesPerSecond: Math.round(n / seconds),
      microsPerValue: (seconds * 1e6) / n,
    });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of runOperatorBench())
    console.log(
      `${r.operator.padEnd(10)} ${r.entity.padEnd(12)} ${r.valuesPerSecond.toLocaleString('en-US').padStart(12)} values/s  ${r.microsPerValue.toFixed(2)} µs/value`,
    );
}
