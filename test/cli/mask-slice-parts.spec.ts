import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KamenError } from '@kamen/core';
import { maskBatch } from '../../packages/cli/src/mask/batch.js';
import { planOf } from '../../packages/cli/src/mask/job.js';
import { createMasker } from '../../packages/cli/src/mask/masker.js';
import { decodeSlice, type SliceAt, type SliceStream } from '../../packages/cli/src/mask/slice.js';
import { maskSlice } from '../../packages/cli/src/mask/slice-mask.js';
import type { SliceFormat } from '../../packages/cli/src/io/slices.js';
import { SUPPORT_SETUP } from './mask-helpers.js';

// A worker masks a slice part by part (decoded, masked and encoded a few KiB at a time); the oracle is the whole
// slice decoded at once and then masked and encoded (maskBatch(decodeSlice(…))), which the worker did before.

const plan = planOf(SUPPORT_SETUP);
const COLUMNS = ['氏名', '電話番号', 'メールアドレス', '備考'];
const cellChars = fc.constantFrom(
  'a',
  '0',
  '9',
  '-',
  '@',
  '.',
  '山',
  '田',
  ' ',
  ',',
  '"',
  '\n',
  '\r\n',
  '\ufffd',
  '😀',
);
const cell = fc.oneof(
  fc.constantFrom('山田 太郎', '090-1234-5678', 'taro@example.com', '電話 03-1234-5678 まで', ''),
  fc.string({ unit: cellChars, maxLength: 8 }),
);
// Quoted where CSV needs it, and now and then written raw (a stray quote: a decoding error).
const csvCell = fc
  .tuple(cell, fc.nat(19))
  .map(([c, raw]) => (raw === 0 || !/[",\r\n]/u.test(c) ? c : `"${c.replace(/"/gu, '""')}"`));

interface Doc {
  readonly format: SliceFormat;
  readonly eol: string;
  readonly header: string;
  readonly rows: readonly string[];
}

const docArb: fc.Arbitrary<Doc> = fc.oneof(
  fc.record({
    format: fc.constant<SliceFormat>('csv'),
    eol: fc.constantFrom('\n', '\r\n'),
    header: fc.constant(COLUMNS.join(',')),
    rows: fc.array(
      fc.array(csvCell, { minLength: 4, maxLength: 4 }).map((cells) => cells.join(',')),
      {
        maxLength: 14,
      },
    ),
  }),
  fc.record({
    format: fc.constantFrom<SliceFormat>('ndjson', 'text'),
    eol: fc.constantFrom('\n', '\r\n'),
    header: fc.constant(''),
    rows: fc.array(
      fc.tuple(cell, fc.boolean()).map(([c, json]) => (json ? JSON.stringify({ 氏名: c, tel: c }) : c)),
      { maxLength: 14 },
    ),
  }),
);

type Outcome = { bytes: string; units: number; stats: unknown } | { code: string; message: string; context: unknown };

function outcome(run: () => { bytes: Uint8Array; units: number }, take: () => unknown): Outcome {
  try {
    const { bytes, units } = run();
    return { bytes: Buffer.from(bytes).toString('hex'), units, stats: take() };
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    return { code: err.code, message: err.message, context: err.context };
  }
}

/** The doc's text without line feeds inside a record: lines of text and NDJSON never hold one. */
function slicesOf(doc: Doc, first: boolean): { stream: SliceStream; at: SliceAt } {
  const rows = doc.format === 'csv' ? doc.rows : doc.rows.map((r) => r.replace(/[\r\n]/gu, ' '));
  const head = doc.format === 'csv' ? `${doc.header}${doc.eol}` : '';
  const body = rows.map((r) => `${r}${doc.eol}`).join('');
  const spec =
    doc.format === 'csv'
      ? ({ format: 'csv', delimiter: ',', quote: '"' } as const)
      : ({ format: doc.format === 'ndjson' ? 'ndjson' : 'text' } as SliceStream['spec']);
  const stream: SliceStream = {
    file: 'in',
    format: doc.format,
    encoding: 'utf-8',
    spec,
    columns: doc.format === 'csv' ? COLUMNS : [],
    recordDelimiter: doc.eol,
  };
  // The first slice holds the header (a whole-file decoder); a later one starts after it, mid-stream.
  const text = first ? head + body : body;
  const offset = first ? 0 : Buffer.byteLength(head) + 1000;
  return { stream, at: { bytes: new Uint8Array(Buffer.from(text)), offset, lines: first ? 0 : 40 } };
}

describe('maskSlice (a worker’s slice decoded, masked and encoded part by part)', () => {
  it('gives the bytes, record count and counts of the whole-slice run, or its error', () => {
    fc.assert(
      fc.property(docArb, fc.boolean(), fc.integer({ min: 1, max: 80 }), (doc, first, partChars) => {
        if (doc.format !== 'csv' && first && doc.rows.length === 0) return;
        const { stream, at } = slicesOf(doc, first || doc.format !== 'csv');
        const parts = createMasker(plan, {});
        const whole = createMasker(plan, {});
        const got = outcome(
          () => maskSlice(stream, at, parts, 'utf-8', partChars),
          () => parts.take(),
        );
        const want = outcome(
          () => {
            const records = decodeSlice(stream, at);
            return { bytes: maskBatch(records, stream.spec, whole, 'utf-8'), units: records.length };
          },
          () => whole.take(),
        );
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('a slice of many parts: the same bytes as one part, and the counts of every record', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `山田 太郎${i},090-1234-${String(1000 + i)},t${i}@example.com,`);
    const doc: Doc = { format: 'csv', eol: '\r\n', header: COLUMNS.join(','), rows };
    const { stream, at } = slicesOf(doc, false);
    const small = createMasker(plan, {});
    const big = createMasker(plan, {});
    const a = maskSlice(stream, at, small, 'utf-8', 100);
    const b = maskSlice(stream, at, big, 'utf-8', 1 << 20);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.units).toBe(300);
    expect(small.take()).toEqual(big.take());
    expect(Buffer.from(a.bytes).toString('utf8')).not.toContain('090-1234-1000');
  });
});
