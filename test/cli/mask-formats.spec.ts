import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  NON_PII_COLUMNS,
  generateHrRecords,
  survivingPii,
  toCsv,
  toJson,
  toNdjson,
  toText,
  toXml,
} from '../helpers/hr-records.js';
import { maskFile, tmp } from './mask-helpers.js';

const records = generateHrRecords(60, 7);

describe(
  'kamen mask: every format end to end (UTF-8, built-in support policy, throw-away key)',
  { timeout: 120_000 },
  () => {
    it('CSV: no PII survives, non-PII columns byte-identical, same rows and columns, CRLF and quoting kept', async () => {
      const input = toCsv(records, { eol: '\r\n', quoted: [8] });
      const res = await maskFile(tmp(), 'hr.csv', input);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain('throw-away key');
      const out = res.out!.toString('utf8');
      expect(survivingPii(records, out)).toEqual([]);
      const before = parse(input) as string[][];
      const after = parse(out) as string[][];
      expect(after.length).toBe(before.length);
      expect(after[0]).toEqual(before[0]);
      for (let i = 1; i < before.length; i++) {
        expect(after[i]!.length).toBe(before[i]!.length);
        for (const c of NON_PII_COLUMNS) expect(after[i]![c]).toBe(before[i]![c]);
      }
      // CRLF everywhere, the quoted 備考 column still quoted
      expect(out.split('\r\n').length).toBe(input.split('\r\n').length);
      expect(out.replaceAll('\r\n', '')).not.toContain('\n');
      expect(out.split('\r\n')[1]!.endsWith('"')).toBe(true);
      expect(res.stderr).toMatch(/60 records/u);
    });

    it('TSV (detected from the extension): tab delimiter and LF kept', async () => {
      const input = toCsv(records, { delimiter: '\t' });
      const res = await maskFile(tmp(), 'hr.tsv', input);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      expect(survivingPii(records, out)).toEqual([]);
      const lines = out.split('\n');
      expect(lines.length).toBe(input.split('\n').length);
      for (const [i, line] of lines.entries()) {
        if (line === '') continue;
        const cells = line.split('\t');
        expect(cells.length).toBe(9);
        if (i > 0) for (const c of NON_PII_COLUMNS) expect(cells[c]).toBe(input.split('\n')[i]!.split('\t')[c]);
      }
    });

    it('NDJSON (sniffed, no extension): every line is JSON of the same shape', async () => {
      const input = toNdjson(records);
      const res = await maskFile(tmp(), 'hr-lines', input);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      expect(survivingPii(records, out)).toEqual([]);
      const a = input
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const b = out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) {
        expect(Object.keys(b[i]!)).toEqual(Object.keys(a[i]!));
        expect([b[i]!.department, b[i]!.grade, b[i]!.years]).toEqual([a[i]!.department, a[i]!.grade, a[i]!.years]);
      }
    });

    it('JSON: a record array under an object, same shape, indentation kept, numeric My Numbers masked', async () => {
      const input = toJson(records);
      const res = await maskFile(tmp(), 'hr.json', input);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      expect(survivingPii(records, out)).toEqual([]);
      const a = JSON.parse(input) as { company: string; employees: Record<string, unknown>[] };
      const b = JSON.parse(out) as typeof a;
      expect(b.company).toBe(a.company);
      expect(b.employees.length).toBe(a.employees.length);
      for (let i = 0; i < a.employees.length; i++) {
        expect(Object.keys(b.employees[i]!)).toEqual(Object.keys(a.employees[i]!));
        expect(b.employees[i]!.department).toBe(a.employees[i]!.department);
        expect(b.employees[i]!.years).toBe(a.employees[i]!.years);
        expect(b.employees[i]!.myNumber).toBe('************');
      }
      expect(out.split('\n').length).toBe(input.split('\n').length);
    });

    it('XML: well-formed, declaration and namespace kept, attributes, CDATA and comments masked', async () => {
      const input = toXml(records);
      const res = await maskFile(tmp(), 'hr.xml', input);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      expect(XMLValidator.validate(out)).toBe(true);
      expect(survivingPii(records, out)).toEqual([]);
      expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<employees xmlns="urn:example:hr">')).toBe(true);
      const tags = (s: string, t: string): string[] =>
        [...s.matchAll(new RegExp(`<${t}>([^<]*)</${t}>`, 'gu'))].map((m) => m[1]!);
      expect(tags(out, 'department')).toEqual(tags(input, 'department'));
      expect(tags(out, 'grade')).toEqual(tags(input, 'grade'));
      expect(out.match(/<!\[CDATA\[/gu)?.length).toBe(records.length);
    });

    it('text: line-oriented free-text masking, same lines', async () => {
      const input = toText(records);
      const res = await maskFile(tmp(), 'memo.txt', input);
      expect(res.code, res.stderr).toBe(0);
      const out = res.out!.toString('utf8');
      expect(survivingPii(records, out)).toEqual([]);
      expect(out.split('\n').length).toBe(input.split('\n').length);
    });

    it('reads stdin and writes stdout by default', async () => {
      const { runKamen } = await import('../helpers/run-kamen.js');
      const input = toCsv(records.slice(0, 5));
      const res = await runKamen(['mask'], input);
      expect(res.code, res.stderr).toBe(0);
      expect(survivingPii(records.slice(0, 5), res.stdout)).toEqual([]);
      expect(res.stdout.split('\n')[0]).toBe(input.split('\n')[0]);
    });
  },
);
