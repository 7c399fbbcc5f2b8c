import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { KamenError, encodeRecords } from '@kamen/core';
import {
  createByteDecoder,
  detectEncoding,
  encodeText,
  openInput,
  openRecords,
  sniffFormat,
  type SkippedRecord,
} from '../../packages/cli/src/io/index.js';

const JA = 'あいうえおかきくけこ山田太郎佐藤花子東京都新宿区西新宿ｱｲｳｴｵ株式会社〒１６０－００２３ー〜・';
const jaText = fc
  .array(fc.oneof(fc.constantFrom(...JA.replace('〜', '')), fc.constantFrom('a', 'Z', '0', ',', '\n', ' ')), {
    maxLength: 200,
  })
  .map((cs) => cs.join(''));

/** Cuts bytes at the given points (sorted, deduplicated) into chunks. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  return out;
}

function decodeAll(encoding: 'utf-8' | 'cp932' | 'euc-jp', chunks: Uint8Array[]): string {
  const d = createByteDecoder(encoding, 'in');
  return chunks.map((c) => d.write(c)).join('') + d.end();
}

describe('io: encodings', () => {
  it('detects UTF-8 (with and without BOM, ASCII), CP932 and EUC-JP from the first bytes', () => {
    const text =
      '氏名,フリガナ,電話\n山田 太郎,ヤマダ タロウ,090-1234-5678\nさとう はなこ,サトウ ハナコ,03-1234-5678\n';
    expect(detectEncoding(Buffer.from(text), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from(`\ufeff${text}`), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('plain,ascii\n'), true)).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'cp932'), true)).toBe('cp932');
    expect(detectEncoding(iconv.encode(text, 'euc-jp'), true)).toBe('euc-jp');
    // A sample cut inside a character still decides.
    const sjis = iconv.encode(text.repeat(20), 'cp932');
    expect(detectEncoding(sjis.subarray(0, 101), false)).toBe('cp932');
    expect(detectEncoding(Buffer.from([0xff, 0xff, 0x80, 0x80]), true)).toBeUndefined();
  });

  for (const encoding of ['utf-8', 'cp932', 'euc-jp'] as const) {
    it(`${encoding}: decoding is independent of where chunks are cut (ST-01)`, () => {
      fc.assert(
        fc.property(jaText, fc.array(fc.nat(), { maxLength: 8 }), (text, points) => {
          const bytes = encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding);
          expect(decodeAll(encoding, cut(bytes, points))).toBe(text);
        }),
      );
    });

    it(`${encoding}: an invalid byte is an error at its offset and line, however the input is cut (CLI-05)`, () => {
      fc.assert(
        fc.property(jaText, jaText, fc.array(fc.nat(), { maxLength: 6 }), (a, b, points) => {
          const enc = (s: string) => (encoding === 'utf-8' ? Buffer.from(s) : iconv.encode(s, encoding));
          const head = enc(a);
          const bytes = Buffer.concat([head, Buffer.from([0xff]), enc(b)]);
          const line = a.split('\n').length;
          try {
            decodeAll(encoding, cut(bytes, points));
            expect.unreachable('invalid byte accepted');
          } catch (err) {
            expect(err).toBeInstanceOf(KamenError);
            expect((err as KamenError).code).toBe('KAMEN_ERR_INPUT_ENCODING');
            expect((err as KamenError).message).toContain(`at byte ${head.length} (in:${line})`);
          }
        }),
      );
    });
  }

  it('a truncated multibyte character at the end is an error, not dropped', () => {
    const bytes = iconv.encode('山田', 'cp932').subarray(0, 3);
    expect(() => decodeAll('cp932', [bytes])).toThrow(/at byte 2/u);
    expect(() => decodeAll('utf-8', [Buffer.from('山').subarray(0, 2)])).toThrow(/at byte 0/u);
  });

  it('encodeText: a character the encoding lacks names the record and the code point', () => {
    expect([...encodeText('山田', 'cp932')]).toEqual([...iconv.encode('山田', 'cp932')]);
    expect(() => encodeText('a〜b', 'cp932', 7)).toThrow(/U\+301C cannot be written in cp932 \(record 7\)/u);
    expect(() => encodeText('𠮷', 'euc-jp')).toThrow(/U\+20BB7/u);
    expect(() => encodeText('a\ud800', 'utf-8')).toThrow(/U\+D800/u);
  });
});

describe('io: formats', () => {
  it('sniffs XML, JSON, NDJSON, CSV, TSV and text', () => {
    expect(sniffFormat('  <?xml version="1.0"?><r/>', true)).toBe('xml');
    expect(sniffFormat('[{"a":1},\n{"a":2}]', true)).toBe('json');
    expect(sniffFormat('{"a":1}\n{"a":2}\n', true)).toBe('ndjson');
    expect(sniffFormat('{\n  "a": 1\n}\n', true)).toBe('json');
    expect(sniffFormat('a,b,c\n1,"x,y",3\n4,5,6\n', true)).toBe('csv');
    expect(sniffFormat('a\tb\n1\t2\n', true)).toBe('tsv');
    expect(sniffFormat('a;b\n1;2\n', true)).toBe('csv');
    expect(sniffFormat('山田さんから電話。\n折り返し、お願いします。\n', true)).toBe('text');
    expect(sniffFormat('one line only', true)).toBe('text');
  });

  it('openInput: the extension wins over sniffing; stdin is sniffed; a small stdin is marked small', async () => {
    const input = await openInput({ stdin: Readable.from([Buffer.from('a,b\n1,2\n')]) });
    expect([input.format, input.encoding, input.bom, input.small, input.name]).toEqual([
      'csv',
      'utf-8',
      false,
      true,
      '<stdin>',
    ]);
    const source = await openRecords(input);
    expect(source.columns).toEqual(['a', 'b']);
    const out: string[] = [];
    for await (const batch of source.batches()) out.push(encodeRecords(source.spec, batch));
    expect(out.join('')).toBe('a,b\n1,2\n');
  });
});

describe('io: --on-error skip', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `${i},name${i},"note ""${i}"""`);
  const header = 'id,name,note';

  it('drops exactly the bad CSV rows, keeps the rest in order, however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (bad, points) => {
          const lines = rows.map((r, i) => (bad.includes(i) ? `${r},extra` : r));
          const bytes = Buffer.from(`${header}\r\n${lines.join('\r\n')}\r\n`);
          const skipped: SkippedRecord[] = [];
          const input = await openInput({ stdin: Readable.from(cut(bytes, points)), format: 'csv' });
          const source = await openRecords(input, { onError: 'skip', onSkip: (s) => skipped.push(s), batchRecords: 4 });
          let out = '';
          for await (const batch of source.batches()) out += encodeRecords(source.spec, batch);
          const good = rows.filter((_, i) => !bad.includes(i));
          expect(out).toBe(`${header}\r\n${good.map((r) => `${r}\r\n`).join('')}`);
          expect(skipped.map((s) => s.record).sort((a, b) => a - b)).toEqual(
            [...bad].sort((a, b) => a - b).map((i) => i + 1),
          );
          expect(skipped.every((s) => s.line === s.record + 1 && s.code === 'KAMEN_ERR_INPUT_CSV')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops exactly the bad NDJSON lines (blank lines kept with the next record), however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 19 }), { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (bad, blanks, points) => {
          const lines = Array.from({ length: 20 }, (_, i) => (bad.includes(i) ? `{"n":${i},}` : `{"n":${i}}`));
          const text = lines.map((l, i) => (blanks.includes(i) ? `\n${l}\n` : `${l}\n`)).join('');
          const skipped: SkippedRecord[] = [];
          const input = await openInput({ stdin: Readable.from(cut(Buffer.from(text), points)), format: 'ndjson' });
          const source = await openRecords(input, { onError: 'skip', onSkip: (s) => skipped.push(s), batchRecords: 3 });
          let out = '';
          for await (const batch of source.batches()) out += encodeRecords(source.spec, batch);
          const kept = out.split('\n').filter((l) => l !== '');
          expect(kept).toEqual(lines.filter((_, i) => !bad.includes(i)));
          expect(skipped.map((s) => s.record)).toEqual([...bad].sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an unclosed quote cannot be resynchronised: still an error', async () => {
    const input = await openInput({ stdin: Readable.from([Buffer.from('a,b\n1,"2\n3,4\n')]), format: 'csv' });
    await expect(async () => {
      const source = await openRecords(input, { onError: 'skip' });
      for await (const batch of source.batches()) void batch;
    }).rejects.toThrow(/KAMEN_ERR_INPUT_CSV|not closed/u);
  });
});
