import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCsvDecoder, KamenError, type RecordUnit } from '@kamen/core';

// Cells of plain text mostly (the fast path's case), with every character that makes it step aside: quotes, line
// breaks inside a row, a lone surrogate half, the delimiter (a ragged row), and empty cells and rows.
const unit = fc.constantFrom(
  'a',
  'b',
  '山',
  '0',
  ' ',
  '😀',
  '\ufeff',
  '"',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\ud83d',
  '\ude00',
);
const plain = fc.constantFrom('a', '山', '0', ' ', '😀', '-');
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: plain, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit, maxLength: 4 }) },
);

const input = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', ';'),
    eol: fc.constantFrom('\n', '\r\n'),
    width: fc.integer({ min: 1, max: 4 }),
    trailing: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      rows: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.array(cell, { minLength: s.width, maxLength: s.width }) },
          { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: s.width + 1 }) },
        ),
        { minLength: 1, maxLength: 12 },
      ),
      cuts: fc.array(fc.nat(400), { maxLength: 4 }),
      // Cuts after whole rows: chunks the fast path takes, followed by ones it must leave to csv-parse.
      rowCuts: fc.array(fc.nat(12), { maxLength: 3 }),
    }),
  );

type Outcome = { units: RecordUnit[] } | { error: { code: string; message: string; context: unknown } };

/** Decodes `text` cut at `cuts`: every record, or the error it stops with. */
function decode(options: Parameters<typeof createCsvDecoder>[0], text: string, cuts: number[]): Outcome {
  const d = createCsvDecoder(options);
  const units: RecordUnit[] = [];
  try {
    let at = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
      units.push(...d.write(text.slice(at, cut)));
      at = cut;
    }
    units.push(...d.write(text.slice(at)), ...d.end());
  } catch (err) {
    if (!(err instanceof KamenError)) throw err;
    return { error: { code: err.code, message: err.message, context: err.context } };
  }
  return { units };
}

describe('CSV decoder: quote-free fast path', () => {
  it('gives the same records, or the same error, as csv-parse alone, however the input is cut', () => {
    fc.assert(
      fc.property(input, ({ s, rows, cuts: randomCuts, rowCuts }) => {
        const text = rows.map((r) => r.join(s.delimiter)).join(s.eol) + (s.trailing ? s.eol : '');
        // Not mid-stream, a leading BOM is the file's, not data: the one difference that is meant.
        fc.pre(!text.startsWith('\ufeff'));
        const ends = rows.map(
          (_, i) =>
            rows
              .slice(0, i + 1)
              .map((r) => r.join(s.delimiter) + s.eol)
              .join('').length,
        );
        const cuts = [...randomCuts, ...rowCuts.map((k) => ends[k % ends.length] as number)];
        const columns = Array.from({ length: s.width }, (_, i) => `#${i + 1}`);
        // A slice starting mid-stream takes the fast path; without a header row and not mid-stream, csv-parse
        // reads everything (cells then get the same #n names).
        const fast = decode({ delimiter: s.delimiter, columns, recordDelimiter: s.eol, firstLine: 1 }, text, cuts);
        const reference = decode({ delimiter: s.delimiter, header: false, recordDelimiter: s.eol }, text, cuts);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the line of a ragged row after plain rows the fast path took', () => {
    const d = createCsvDecoder({ delimiter: ',', columns: ['a', 'b'], recordDelimiter: '\n', firstLine: 10 });
    expect(d.write('1,2\n3,4\n').length).toBe(1);
    let caught: unknown;
    try {
      d.write('"5",6\n7\n');
      d.end();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KamenError);
    expect((caught as KamenError).context).toMatchObject({ line: 13 });
  });
});
