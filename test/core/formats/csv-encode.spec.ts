import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { encodeRecords, type Leaf, type RecordUnit } from '@kamen/core';

// Characters that decide quoting (delimiters, quotes, line breaks) among ordinary ones, a surrogate pair and a lone
// surrogate half.
const unit = fc.constantFrom('a', ' ', '山', 'ﾀ', '😀', '\ud83d', ',', '"', "'", '\n', '\r', '\t', ';', '|', '-', '=');
const value = fc.string({ unit, maxLength: 8 });

/** What csv-stringify writes for one cell, quoted or not, with the options kamen's CSV encoder gives it. */
function reference(v: string, quoted: boolean, delimiter: string, quote: string): string {
  const options = {
    delimiter,
    quote,
    escape: quote,
    eof: false,
    ...(quoted ? { quoted: true, quoted_empty: true } : {}),
  };
  return stringify([[v]], options);
}

describe('CSV encoder', () => {
  it('writes every cell exactly as csv-stringify does, for every delimiter and quote, quoted or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value, quoted: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom('"', "'"),
        fc.constantFrom('', '\ufeff'),
        fc.constantFrom('\n', '\r\n', ''),
        (cells, delimiter, quote, head, tail) => {
          const leaves = cells.map((c): Leaf => ({
            value: c.value,
            path: 'a',
            field: 'a',
            kind: 'cell',
            record: 1,
            quoted: c.quoted,
          }));
          const pieces = [head, ...cells.slice(1).map(() => delimiter), tail];
          const unitRec: RecordUnit = { record: 1, pieces, leaves };
          const expected =
            head + cells.map((c) => reference(c.value, c.quoted, delimiter, quote)).join(delimiter) + tail;
          expect(encodeRecords({ format: 'csv', delimiter, quote }, [unitRec])).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('quotes a cell holding the delimiter, the quote or a line break, and doubles quotes', () => {
    const rec = (values: string[], quoted = false): RecordUnit => ({
      record: 1,
      pieces: ['', ...values.slice(1).map(() => ','), '\n'],
      leaves: values.map((v): Leaf => ({ value: v, path: 'a', field: 'a', kind: 'cell', record: 1, quoted })),
    });
    const spec = { format: 'csv', delimiter: ',', quote: '"' } as const;
    expect(encodeRecords(spec, [rec(['a,b', 'say "hi"', 'x\ny', 'plain', ''])])).toBe(
      '"a,b","say ""hi""","x\ny",plain,\n',
    );
    expect(encodeRecords(spec, [rec(['a', ''], true)])).toBe('"a",""\n');
  });
});
