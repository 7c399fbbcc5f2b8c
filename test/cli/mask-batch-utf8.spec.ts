import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KamenError, encodeRecords, type FormatSpec, type Leaf, type RecordUnit } from '@kamen/core';
import { encodeText } from '../../packages/cli/src/io/index.js';
import { maskBatch } from '../../packages/cli/src/mask/batch.js';
import type { Masker } from '../../packages/cli/src/mask/masker.js';
import { emptyStats } from '../../packages/cli/src/mask/stats.js';

/** Leaves values as they are: what is tested here is the encoding of the batch. */
const identity: Masker = { hooks: { record: () => undefined }, take: emptyStats };

const CSV: FormatSpec = { format: 'csv', delimiter: ',', quote: '"' };
const TEXT: FormatSpec = { format: 'text' };

const csvRecord = (n: number, values: readonly string[], terminator: string): RecordUnit => ({
  record: n,
  pieces: ['', ...values.map((_, i) => (i === values.length - 1 ? terminator : ','))],
  leaves: values.map((value, i): Leaf => ({ path: `c${i}`, field: `c${i}`, kind: 'cell', record: n, value })),
});
const textRecord = (n: number, values: readonly string[], terminator: string): RecordUnit => ({
  record: n,
  pieces: ['', ...values.map((_, i) => (i === values.length - 1 ? terminator : ' '))],
  leaves: values.map((value, i): Leaf => ({ path: `t${i}`, field: `t${i}`, kind: 'text', record: n, value })),
});

type Outcome = Uint8Array | { code: string; message: string };

/** What maskBatch returned before it encoded record by record: the whole text at once (the oracle). */
function reference(spec: FormatSpec, records: RecordUnit[]): Outcome {
  try {
    const text = encodeRecords(spec, records);
    try {
      return encodeText(text, 'utf-8');
    } catch (err) {
      if (!(err instanceof KamenError) || err.code !== 'KAMEN_ERR_OUTPUT_ENCODING') throw err;
      for (const r of records) encodeText(encodeRecords(spec, [r]), 'utf-8', r.record);
      throw err;
    }
  } catch (err) {
    return { code: (err as KamenError).code, message: (err as Error).message };
  }
}

function actual(spec: FormatSpec, records: RecordUnit[]): Outcome {
  try {
    return maskBatch(records, spec, identity, 'utf-8');
  } catch (err) {
    return { code: (err as KamenError).code, message: (err as Error).message };
  }
}

const same = (a: Outcome, b: Outcome): void => {
  if (a instanceof Uint8Array && b instanceof Uint8Array) expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  else expect(a).toEqual(b);
};

// Code units, lone surrogate halves included (a pair may be split across cells and records), U+FFFD, quotes.
const valueArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', '山', '"', ',', '\ufffd', '\ud83d', '\ude00', '\r'), maxLength: 6 }),
);
const batchArb = fc.array(
  fc.tuple(fc.array(valueArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('\r\n', '\n', '')),
  { minLength: 1, maxLength: 8 },
);

describe('maskBatch UTF-8 output (record by record into a reused buffer)', () => {
  it.each([
    ['csv', CSV, csvRecord],
    ['text', TEXT, textRecord],
  ] as const)('gives the bytes or the error of the whole-text encoding (%s)', (_, spec, make) => {
    fc.assert(
      fc.property(batchArb, (rows) => {
        const build = (): RecordUnit[] => rows.map(([values, end], n) => make(n + 1, values, end));
        same(actual(spec, build()), reference(spec, build()));
      }),
      { numRuns: 1500 },
    );
  });

  it('a surrogate pair split between two records is one character, as in the whole text', () => {
    const records = (): RecordUnit[] => [textRecord(1, ['a\ud83d'], ''), textRecord(2, ['\ude00b'], '\n')];
    expect(Buffer.from(maskBatch(records(), TEXT, identity, 'utf-8')).toString('utf8')).toBe('a😀b\n');
    expect(() => maskBatch([textRecord(1, ['a\ud83d'], '\n')], TEXT, identity, 'utf-8')).toThrow(
      /U\+D83D cannot be written in utf-8 \(record 1\)/u,
    );
  });

  it('batches larger than the reused buffer, one after another, each give their own bytes in a buffer of their own', () => {
    const big = (c: string, rows: number): RecordUnit[] =>
      Array.from({ length: rows }, (_, n) => csvRecord(n + 1, [c.repeat(1000), `${n}`], '\r\n'));
    for (const [c, rows] of [
      ['山', 800], // ~2.4 MB: the buffer grows and is kept
      ['x', 5000], // ~5 MB: past what is kept
      ['é', 10],
      ['山', 10],
    ] as const) {
      const out = maskBatch(big(c, rows), CSV, identity, 'utf-8');
      same(out, reference(CSV, big(c, rows)));
      expect(out.byteOffset).toBe(0);
      expect(out.byteLength).toBe(out.buffer.byteLength);
    }
  });
});
