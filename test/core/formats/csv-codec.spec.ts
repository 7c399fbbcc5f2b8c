import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { createCsvCodec, createCsvDecoder, createTsvCodec, type CsvCodecOptions } from '@kamen/core';
import { cutPoints, once, runCodec, thrown } from './helpers.js';

const cellChars = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '山',
  '田',
  'ヤ',
  'ﾀ',
  '😀',
  ',',
  '"',
  '\n',
  '\r\n',
  '\t',
  ';',
  '-',
);
const cell = fc.string({ unit: cellChars, maxLength: 6 });
const headerName = fc.string({
  unit: fc.constantFrom('a', 'b', '氏', '名', '電', '話', '_', '1'),
  minLength: 1,
  maxLength: 4,
});

interface Table {
  readonly delimiter: string;
  readonly eol: string;
  readonly header: string[];
  readonly rows: { value: string; quoted: boolean }[][];
  readonly trailing: boolean;
  readonly bom: boolean;
}

const table: fc.Arbitrary<Table> = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', ';'),
    eol: fc.constantFrom('\n', '\r\n'),
    width: fc.integer({ min: 2, max: 4 }),
    trailing: fc.boolean(),
    bom: fc.boolean(),
  })
  .chain(({ width, ...rest }) =>
    fc.record({
      ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fc.constant(v)])),
      header: fc.array(headerName, { minLength: width, maxLength: width }),
      rows: fc.array(
        fc.array(fc.record({ value: cell, quoted: fc.boolean() }), { minLength: width, maxLength: width }),
        {
          maxLength: 6,
        },
      ),
    }),
  ) as fc.Arbitrary<Table>;

function needsQuotes(value: string, delimiter: string): boolean {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
}

/** The canonical text of a table: what csv-stringify writes, plus the quoting the table asks for. */
function serialise(t: Table): string {
  const line = (cells: { value: string; quoted: boolean }[]): string =>
    cells
      .map(({ value, quoted }) =>
        quoted || needsQuotes(value, t.delimiter) ? `"${value.replaceAll('"', '""')}"` : value,
      )
      .join(t.delimiter);
  const lines = [line(t.header.map((value) => ({ value, quoted: false }))), ...t.rows.map(line)];
  return (t.bom ? '\ufeff' : '') + lines.join(t.eol) + (t.trailing ? t.eol : '');
}

const options = (t: Table): CsvCodecOptions => ({ delimiter: t.delimiter });

describe('createCsvCodec', () => {
  it('round-trips canonical CSV/TSV byte for byte, keeping quoting, BOM and CRLF/LF', () => {
    fc.assert(
      fc.property(table, (t) => {
        const text = serialise(t);
        expect(once(createCsvCodec, options(t), text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('detects the delimiter from the header row', () => {
    fc.assert(
      fc.property(table, (t) => {
        const text = serialise(t);
        expect(once(createCsvCodec, {}, text)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('gives every data cell to the transform exactly once, with its column name as path', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { seen } = runCodec(createCsvCodec, options(t), serialise(t));
        const want = t.rows.flatMap((row, r) =>
          row.map((c, i) => ({ value: c.value, path: t.header[i], field: t.header[i], kind: 'cell', record: r + 1 })),
        );
        expect(seen).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('re-quotes transformed cells so the output parses to the transformed table', () => {
    fc.assert(
      fc.property(table, (t) => {
        const f = (v: string): string => `"${v},\n${v}"`;
        const { output } = runCodec(createCsvCodec, options(t), serialise(t), [], f);
        const rows = parse(output, { delimiter: t.delimiter, bom: true, relax_column_count: false }) as string[][];
        expect(rows).toEqual([t.header, ...t.rows.map((row) => row.map((c) => f(c.value)))]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives byte-identical output for any chunking, surrogate pairs and CRLF split included (ST-01)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (t, raw, auto) => {
        const text = serialise(t);
        const o = auto ? {} : options(t);
        const f = (s: string): string => s.toUpperCase();
        expect(runCodec(createCsvCodec, o, text, cutPoints(raw, text.length), f)).toEqual(
          runCodec(createCsvCodec, o, text, [], f),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is split-independent at every offset of small generated tables', () => {
    fc.assert(
      fc.property(
        table.map((t) => serialise(t)).filter((text) => text.length <= 80),
        (text) => {
          const whole = runCodec(createCsvCodec, {}, text);
          for (let i = 0; i <= text.length; i++) expect(runCodec(createCsvCodec, {}, text, [i])).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is split-independent at every offset of a small file', () => {
    const text = '\ufeff氏名,電話,メモ\r\n山田😀,"090-1234-5678","a ""b""\r\nc"\r\n佐藤,,""\r\n';
    const whole = runCodec(createCsvCodec, {}, text);
    expect(whole.output).toBe(text);
    for (let i = 0; i <= text.length; i++) {
      expect(runCodec(createCsvCodec, {}, text, [i])).toEqual(whole);
    }
  });

  it('strips the BOM before reading the header (CLI-04) and writes it back', () => {
    const { seen, output } = runCodec(createCsvCodec, {}, '\ufeff氏名,年齢\n山田,30\n', [], (v) => `*${v}`);
    expect(seen.map((s) => s.path)).toEqual(['氏名', '年齢']);
    expect(output).toBe('\ufeff氏名,年齢\n*山田,*30\n');
  });

  it('keeps empty and BOM-only input as it is', () => {
    expect(once(createCsvCodec, {}, '')).toBe('');
    expect(once(createCsvCodec, {}, '\ufeff')).toBe('\ufeff');
  });

  it('keeps header cells verbatim unless transformHeader is set', () => {
    const text = 'name,tel\nx,1\n';
    expect(runCodec(createCsvCodec, {}, text, [], (v) => `<${v}>`).output).toBe('name,tel\n<x>,<1>\n');
    const withHeader = runCodec(createCsvCodec, { transformHeader: true }, text, [], (v) => `<${v}>`);
    expect(withHeader.output).toBe('<name>,<tel>\n<x>,<1>\n');
    expect(withHeader.seen.slice(0, 2).map((s) => s.kind)).toEqual(['key', 'key']);
  });

  it('uses column numbers as paths without a header row', () => {
    const { seen } = runCodec(createCsvCodec, { header: false }, 'a,b\nc,d\n');
    expect(seen.map((s) => `${s.record}:${s.path}=${s.value}`)).toEqual(['0:#1=a', '0:#2=b', '1:#1=c', '1:#2=d']);
  });

  it('keeps CR-only record delimiters and embedded newlines (CLI-03)', () => {
    for (const text of ['a,b\r1,2\r', 'a,b\n"x\r\ny",2\n', 'a,b\n1,2']) {
      expect(once(createCsvCodec, {}, text)).toBe(text);
    }
  });

  it.each([
    ['a,b\n"1,2\n', 2, 'not closed'],
    ['a,b\n1"x,2\n', 2, 'quote inside an unquoted field'],
    ['a,b\n"1"x,2\n', 2, 'after a closing quote'],
    ['a,b\n1,2,3\n', 2, 'different number of fields'],
    ['a,b\n1,2\n3\n', 3, 'different number of fields'],
    ['a,b\n1,2\n\n', 3, 'different number of fields'],
  ])('rejects %j with KAMEN_ERR_INPUT_CSV at line %i', (text, line, detail) => {
    const err = thrown(() => once(createCsvCodec, {}, text));
    expect(err.code).toBe('KAMEN_ERR_INPUT_CSV');
    expect(err.context).toMatchObject({ line });
    expect(err.message).toContain(detail);
  });

  it('never puts cell values in error messages', () => {
    const err = thrown(() => once(createCsvCodec, {}, 'name,tel\n山田太郎,090"1234\n'));
    expect(err.message).not.toContain('山田');
    expect(err.message).not.toContain('090');
    expect((err as { cause?: unknown }).cause).toBeUndefined();
  });

  it('stops at the record size cap, even for a field without any line break (CLI-06)', () => {
    const codec = createCsvCodec({ maxStringLength: 1000 }, (v) => v);
    codec.write('a,b\n');
    const err = thrown(() => {
      for (let i = 0; i < 100; i++) codec.write('x'.repeat(100));
    });
    expect(err.code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(thrown(() => once(createCsvCodec, { maxKeys: 2 }, 'a,b,c\n')).code).toBe('KAMEN_ERR_INPUT_LIMIT');
  });

  it('TSV is CSV with a tab delimiter', () => {
    const text = '氏名\t電話\n山田\t"0,9"\n';
    expect(runCodec(createTsvCodec, {}, text, [], (v) => v).output).toBe(text);
    expect(createCsvDecoder({ delimiter: '\t' }).spec).toEqual({ format: 'csv', delimiter: '\t', quote: '"' });
  });
});
