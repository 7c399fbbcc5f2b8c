import fc from 'fast-check';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KamenError, encodeRecords, type RecordUnit } from '@kamen/core';
import { createDecoderFor } from '../../packages/cli/src/io/index.js';
import {
  endsRecordsAtLineFeeds,
  sliceRecords,
  type Slice,
  type SliceFormat,
} from '../../packages/cli/src/io/slices.js';
import { decodeSlice, type SliceStream } from '../../packages/cli/src/mask/slice.js';
import { runKamen } from '../helpers/run-kamen.js';
import { tmp } from './mask-helpers.js';

// Raw slices (kamen mask with workers, line-based formats): the main thread cuts the input's bytes after record
// ends and each worker decodes its slice alone. Decoding the slices one by one must give exactly the records,
// output and errors of decoding the whole input as one stream.

const cellChars = fc.constantFrom('a', 'Z', '0', '山', '田', 'ｱ', '😀', ',', '"', '\n', '\r\n', ' ', '-');
const cell = fc.string({ unit: cellChars, maxLength: 5 });

interface Doc {
  readonly format: Exclude<SliceFormat, 'xml'>; // the line-based formats this file tests (XML: xml-slices.spec.ts)
  readonly text: string;
  readonly eol: string;
}

function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/u.test(c) || c === '' ? `"${c.replace(/"/gu, '""')}"` : c)).join(',');
}

const csvDoc: fc.Arbitrary<Doc> = fc
  .record({
    width: fc.integer({ min: 1, max: 3 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    trailing: fc.boolean(),
  })
  .chain(({ width, eol, bom, trailing }) =>
    fc
      .array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 })
      .map((rows): Doc => {
        const header = Array.from({ length: width }, (_, i) => `列${i}`);
        const body = [header, ...rows].map(csvLine).join(eol);
        return { format: 'csv', eol, text: `${bom ? '\ufeff' : ''}${body}${trailing ? eol : ''}` };
      }),
  );

const lineDoc = (format: 'ndjson' | 'text'): fc.Arbitrary<Doc> =>
  fc
    .record({
      eol: fc.constantFrom('\n', '\r\n'),
      lines: fc.array(fc.string({ unit: cellChars, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      trailing: fc.boolean(),
    })
    .map(({ eol, lines, trailing }) => {
      const body = lines.map((l) => (format === 'ndjson' ? JSON.stringify({ v: l, n: 1 }) : l.replace(/\n/gu, ' ')));
      return { format, eol, text: body.join(eol) + (trailing ? eol : '') };
    });

async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    yield bytes.subarray(at, c);
    at = c;
  }
  yield bytes.subarray(at);
}

async function collect(it: AsyncIterable<Slice>): Promise<Slice[]> {
  const out: Slice[] = [];
  for await (const s of it) out.push(s);
  return out;
}

function wholeDecode(format: SliceFormat, text: string): { units: RecordUnit[]; spec: SliceStream['spec'] } {
  const d = createDecoderFor(format);
  const units = [...d.write(text.replace(/^\ufeff/u, '')), ...d.end()];
  return { units, spec: d.spec };
}

function streamOf(doc: Doc, spec: SliceStream['spec'], columns: readonly string[]): SliceStream {
  return { file: 'in', format: doc.format, encoding: 'utf-8', spec, columns, recordDelimiter: doc.eol };
}

describe('raw slices of line-based inputs', () => {
  it('cut only after record ends: slices decoded alone give the records and output of one whole decode', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(csvDoc, lineDoc('ndjson'), lineDoc('text')),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        async (doc, cuts, records, bytes) => {
          const input = new Uint8Array(Buffer.from(doc.text, 'utf8'));
          const slices = await collect(
            sliceRecords(chunked(input, cuts), { format: doc.format, sliceRecords: records, sliceBytes: bytes }),
          );
          // Every byte exactly once, in order, with the offsets and line counts of the whole input.
          expect(Buffer.concat(slices.map((s) => s.bytes))).toEqual(Buffer.from(input));
          let offset = 0;
          for (const s of slices) {
            expect(s.offset).toBe(offset);
            expect(s.lines).toBe(input.subarray(0, offset).filter((b) => b === 0x0a).length);
            expect(s.bytes.byteOffset === 0 && s.bytes.byteLength === s.bytes.buffer.byteLength).toBe(true);
            offset += s.bytes.length;
          }
          const whole = wholeDecode(doc.format, doc.text);
          const columns =
            doc.format === 'csv'
              ? doc.text
                  .replace(/^\ufeff/u, '')
                  .split(doc.eol)[0]!
                  .split(',')
              : [];
          const stream = streamOf(doc, whole.spec, columns);
          const parts = slices.map((s) => decodeSlice(stream, s));
          const units = parts.flat();
          expect(units.length).toBe(whole.units.length);
          expect(units.map((u) => u.leaves.map((l) => [l.value, l.path, l.kind]))).toEqual(
            whole.units.map((u) => u.leaves.map((l) => [l.value, l.path, l.kind])),
          );
          expect(parts.map((p) => encodeRecords(whole.spec, p)).join('')).toBe(encodeRecords(whole.spec, whole.units));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('slices only inputs whose records end at line feeds: CSV/TSV rows ending in LF or CRLF, NDJSON, text', () => {
    const head = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
    expect(endsRecordsAtLineFeeds('csv', head('a,b\n1,2\n'))).toBe(true);
    expect(endsRecordsAtLineFeeds('tsv', head('a\tb\r\n1\t2\r\n'))).toBe(true);
    // A line feed inside the quoted header cell is not its end; the CR after the closing quote is (CR-only file).
    expect(endsRecordsAtLineFeeds('csv', head('"a\nx",b\r1,2\r'))).toBe(false);
    expect(endsRecordsAtLineFeeds('csv', head('"a\nx",b\n1,2\n'))).toBe(true);
    expect(endsRecordsAtLineFeeds('csv', head('a,b'))).toBe(false); // no record end seen: decoded as a stream
    expect(endsRecordsAtLineFeeds('ndjson', head('{}'))).toBe(true);
    expect(endsRecordsAtLineFeeds('text', head(''))).toBe(true);
    expect(endsRecordsAtLineFeeds('xml', head('<a/>\n'))).toBe(false);
    expect(endsRecordsAtLineFeeds('json', head('[1]\n'))).toBe(false);
  });

  it('a malformed row in a later slice fails with the line, column and (rebased) record of a whole decode', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `r${i},v${i}`);
    rows[8] = 'r8,v"8';
    const text = `a,b\n${rows.join('\n')}\n`;
    let wholeError: KamenError | undefined;
    try {
      wholeDecode('csv', text);
    } catch (err) {
      wholeError = err as KamenError;
    }
    expect(wholeError).toBeInstanceOf(KamenError);
    const lines = text.split('\n');
    const offset = Buffer.byteLength(lines.slice(0, 6).join('\n')) + 1; // slice starts at line 7
    const stream = streamOf({ format: 'csv', eol: '\n', text }, { format: 'csv', delimiter: ',', quote: '"' }, [
      'a',
      'b',
    ]);
    const bytes = new Uint8Array(Buffer.from(text.slice(offset)));
    let sliceError: KamenError | undefined;
    try {
      decodeSlice(stream, { bytes, offset, lines: 6 });
    } catch (err) {
      sliceError = err as KamenError;
    }
    expect(sliceError).toBeInstanceOf(KamenError);
    expect(sliceError!.code).toBe(wholeError!.code);
    expect(sliceError!.context.line).toBe(wholeError!.context.line);
    expect(sliceError!.context.column).toBe(wholeError!.context.column);
    // Records are numbered within the slice; the main thread adds the 6 records (header included) before it.
    expect(sliceError!.context.record! + 6).toBe(wholeError!.context.record);
  });

  it('a quote that never closes is rejected once it outgrows the record limit, not buffered without end', async () => {
    const text = `a,b\n1,"${'x'.repeat(5000)}`;
    const slices = sliceRecords(chunked(new Uint8Array(Buffer.from(text)), [100, 2000]), {
      format: 'csv',
      maxRecordBytes: 1000,
      file: 'big.csv',
    });
    const err = await collect(slices).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KamenError);
    expect((err as KamenError).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect((err as KamenError).message).toContain('big.csv:2');
  });
});

describe('kamen mask with workers on raw slices', { timeout: 180_000 }, () => {
  const rows = Array.from({ length: 60 }, (_, i) => `E${1000 + i},山田 太郎${i},090-1234-${String(5000 + i)},営業部`);

  it('an error in a later slice reads as with the main thread: same exit code and message', async () => {
    const bad = [...rows];
    bad[41] = 'E1041,"山田,090-1234-5041,営業部'.replace('"山田', '山"田');
    const file = join(tmp(), 'bad.csv');
    writeFileSync(file, `社員番号,氏名,電話番号,部署\n${bad.join('\n')}\n`);
    const inline = await runKamen(['mask', '--in', file, '--workers', '0', '--batch', '5']);
    const pooled = await runKamen(['mask', '--in', file, '--workers', '2', '--batch', '5']);
    expect(inline.code).toBe(3);
    expect(pooled.code).toBe(3);
    const message = (s: string): string => s.split('\n').find((l) => l.includes('KAMEN_ERR_INPUT_CSV')) ?? '';
    expect(message(pooled.stderr)).toContain('bad.csv:43:');
    expect(message(pooled.stderr)).toContain('record 42');
    expect(message(pooled.stderr)).toBe(message(inline.stderr));
    expect(pooled.stdout).toBe('');
  });

  it('NDJSON and text: workers give the main thread bytes, in order', async () => {
    const dir = tmp();
    const key = join(dir, 'k.json');
    await runKamen(['keygen', '--out', key]);
    const ndjson = join(dir, 'a.ndjson');
    writeFileSync(ndjson, rows.map((r) => JSON.stringify({ row: r.split(',') })).join('\n') + '\n');
    const text = join(dir, 'a.txt');
    writeFileSync(text, rows.map((r) => `連絡先: ${r.replace(/,/gu, ' ')}`).join('\r\n'));
    for (const file of [ndjson, text]) {
      const run = (w: string) => runKamen(['mask', '--in', file, '--key-file', key, '--workers', w, '--batch', '7']);
      const [inline, pooled] = [await run('0'), await run('2')];
      expect(inline.code, inline.stderr).toBe(0);
      expect(pooled.code, pooled.stderr).toBe(0);
      expect(pooled.stdout).toBe(inline.stdout);
      expect(pooled.stdout).not.toContain('090-1234-5');
      expect(pooled.stdout.split(/\n/u).length).toBe(inline.stdout.split(/\n/u).length);
    }
  });

  it('Shift_JIS (CP932) slices: the main thread bytes back in CP932; invalid bytes named as without workers', async () => {
    const dir = tmp();
    const key = join(dir, 'k.json');
    await runKamen(['keygen', '--out', key]);
    const csv = `社員番号,氏名,電話番号,部署\r\n${rows.join('\r\n')}\r\n`;
    const good = join(dir, 'sjis.csv');
    writeFileSync(good, iconv.encode(csv, 'cp932'));
    // Named: the whole file is within the 64 KiB that detection reads, and the broken one fits no encoding.
    const run = (file: string, w: string) =>
      runKamen(['mask', '--in', file, '--encoding', 'cp932', '--key-file', key, '--workers', w, '--batch', '4']);
    const [inline, pooled] = [await run(good, '0'), await run(good, '2')];
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stdout).toBe(inline.stdout);
    const bytes = iconv.encode(csv, 'cp932');
    const at = bytes.indexOf(iconv.encode('山田 太郎50', 'cp932'));
    bytes[at] = 0xff; // not a Shift_JIS lead byte, far past the first slice
    const bad = join(dir, 'bad-sjis.csv');
    writeFileSync(bad, bytes);
    const [badInline, badPooled] = [await run(bad, '0'), await run(bad, '2')];
    expect(badPooled.code).toBe(3);
    const message = (r: { stderr: string }): string =>
      r.stderr.split('\n').find((l) => l.includes('KAMEN_ERR_INPUT_ENCODING')) ?? '';
    expect(message(badPooled)).toContain(`byte ${at}`);
    expect(message(badPooled)).toBe(message(badInline));
    expect(badPooled.stdout).toBe('');
  });

  it('an output encoding error names the same record with and without workers (slices and packed batches)', async () => {
    const dir = tmp();
    const csv = join(dir, 'u.csv');
    const lines = [...rows];
    lines[37] = lines[37]!.replace('営業部', '𠮷野営業部');
    writeFileSync(csv, `社員番号,氏名,電話番号,部署\n${lines.join('\n')}\n`);
    const xml = join(dir, 'u.xml');
    const items = rows.map(
      (r, i) => `<emp><no>${r.split(',')[0]}</no><dept>${i === 37 ? '𠮷野' : ''}営業部</dept></emp>`,
    );
    writeFileSync(xml, `<?xml version="1.0" encoding="UTF-8"?>\n<root>\n${items.join('\n')}\n</root>\n`);
    for (const file of [csv, xml]) {
      const run = (w: string) =>
        runKamen(['mask', '--in', file, '--output-encoding', 'cp932', '--workers', w, '--batch', '5']);
      const [inline, pooled] = [await run('0'), await run('2')];
      expect(pooled.code, pooled.stderr).toBe(6);
      const message = (r: { stderr: string }): string =>
        r.stderr.split('\n').find((l) => l.includes('KAMEN_ERR_OUTPUT_ENCODING')) ?? '';
      expect(message(pooled)).toMatch(/U\+20BB7.*record \d+\)$/u);
      expect(message(pooled)).toBe(message(inline));
    }
  });
});
