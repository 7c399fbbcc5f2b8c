import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NON_PII_COLUMNS,
  generateHrRecords,
  linesOf,
  survivingPii,
  toCsv,
  toNdjson,
  toXml,
  xmlRecordsOf,
} from '../helpers/hr-records.js';
import { maskFile, tmp, writeKeyFile } from './mask-helpers.js';

const records = generateHrRecords(40, 11);

/** Decodes strictly: the bytes must be exactly what the text encodes to (no '?' or U+FFFD stand-ins). */
function decodeStrict(bytes: Buffer, encoding: string): string {
  const text = iconv.decode(bytes, encoding);
  expect(text).not.toContain('\ufffd');
  expect(Buffer.compare(iconv.encode(text, encoding), bytes)).toBe(0);
  return text;
}

function expectCsvPreserved(input: string, out: string): void {
  const before = parse(input) as string[][];
  const after = parse(out) as string[][];
  expect(after.length).toBe(before.length);
  expect(after[0]).toEqual(before[0]);
  for (let i = 1; i < before.length; i++) for (const c of NON_PII_COLUMNS) expect(after[i]![c]).toBe(before[i]![c]);
}

describe('kamen mask: encodings', { timeout: 120_000 }, () => {
  it('UTF-8 with a BOM: detected, the BOM is written back, the header read without it (CLI-04)', async () => {
    const input = toCsv(records);
    const res = await maskFile(tmp(), 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(input)]));
    expect(res.code, res.stderr).toBe(0);
    expect([...res.out!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const out = res.out!.subarray(3).toString('utf8');
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
    expect(survivingPii(records, out)).toEqual([]);
    expectCsvPreserved(input, out);
    expect(res.stderr).toMatch(/氏名: PERSON_NAME/u);
  });

  for (const encoding of ['cp932', 'euc-jp'] as const) {
    it(`${encoding} CSV, migration policy (surrogates, FPE): detected, written back in ${encoding}, surrogates representable`, async () => {
      const dir = tmp();
      const input = toCsv(records, { eol: '\r\n' });
      const res = await maskFile(dir, `hr-${encoding}.csv`, iconv.encode(input, encoding), [
        '--policy',
        'migration',
        '--key-file',
        writeKeyFile(dir),
      ]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain(`csv, ${encoding}`);
      const out = decodeStrict(res.out!, encoding);
      expect(survivingPii(records, linesOf(out, 1))).toEqual([]);
      expectCsvPreserved(input, out);
    });
  }

  it('Shift_JIS XML: stays CP932, well-formed, no PII', async () => {
    const input = toXml(records, 'Shift_JIS');
    const dir = tmp();
    const res = await maskFile(dir, 'hr.xml', iconv.encode(input, 'cp932'), [
      '--policy',
      'migration',
      '--key-file',
      writeKeyFile(dir),
    ]);
    expect(res.code, res.stderr).toBe(0);
    const out = decodeStrict(res.out!, 'cp932');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(survivingPii(records, xmlRecordsOf(out))).toEqual([]);
  });

  it('Shift_JIS XML to UTF-8: the declaration names the new encoding', async () => {
    const input = toXml(records.slice(0, 3), 'Shift_JIS');
    const res = await maskFile(tmp(), 'sj.xml', iconv.encode(input, 'cp932'), ['--output-encoding', 'utf-8']);
    expect(res.code, res.stderr).toBe(0);
    const out = new TextDecoder('utf-8', { fatal: true }).decode(res.out!);
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<employees xmlns="urn:example:hr">')).toBe(true);
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it('EUC-JP NDJSON to UTF-8 with --output-encoding', async () => {
    const input = toNdjson(records);
    const res = await maskFile(tmp(), 'hr.ndjson', iconv.encode(input, 'euc-jp'), ['--output-encoding', 'utf-8']);
    expect(res.code, res.stderr).toBe(0);
    const out = new TextDecoder('utf-8', { fatal: true }).decode(res.out!);
    expect(survivingPii(records, out)).toEqual([]);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { grade: string }).grade),
    ).toEqual(records.map((r) => r.grade));
  });

  it('invalid bytes: exit 3, the byte offset and line named, no output file (CLI-05)', async () => {
    const good = Buffer.from(toCsv(records.slice(0, 3)));
    const bad = Buffer.concat([good, Buffer.from([0xe3, 0x81]), Buffer.from(',x\n')]);
    const res = await maskFile(tmp(), 'bad.csv', bad, ['--encoding', 'utf-8']);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('KAMEN_ERR_INPUT_ENCODING');
    expect(res.stderr).toContain(`at byte ${good.length}`);
    expect(res.stderr).toMatch(/bad\.csv:5/u);
    expect(res.out).toBeUndefined();
  });

  it('a character the output encoding lacks: exit 6 naming the record, no output file', async () => {
    const input = toCsv(records.slice(0, 3)).replace('営業部', '𠮷野営業部').replace('総務部', '𠮷野総務部');
    const res = await maskFile(tmp(), 'u.csv', input, ['--output-encoding', 'cp932']);
    expect(res.code).toBe(6);
    expect(res.stderr).toMatch(/KAMEN_ERR_OUTPUT_ENCODING.*U\+20BB7.*record \d/u);
    expect(res.out).toBeUndefined();
    expect(existsSync(res.outPath)).toBe(false);
  });
});
