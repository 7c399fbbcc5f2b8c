import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@kamen/core';
import { hrTable, leaked, toCsv } from '../helpers/hr-dataset.js';
import { runKamen } from '../helpers/run-kamen.js';

interface Report {
  kind: string;
  records: number;
  truncated: boolean;
  input: { format: string; encoding: string; bom: boolean };
  fields: { field: string; classification: { type: string } | null; piiShare: number; examples: string[] }[];
}

const dir = mkdtempSync(join(tmpdir(), 'kamen-scan-'));
const table = hrTable(40, 11);
const csvFile = join(dir, 'hr.csv');
writeFileSync(csvFile, toCsv(table));

const typesOf = (r: Report): Record<string, string | null> =>
  Object.fromEntries(r.fields.map((f) => [f.field, f.classification?.type ?? null]));

// Each case starts the real binary a few times: on a loaded 2-core box that takes seconds, not milliseconds.
describe('kamen scan', { timeout: 120_000 }, () => {
  it('profiles a CSV file to a JSON report on stdout, without any raw value', async () => {
    const res = await runKamen(['scan', '--in', csvFile]);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as Report;
    expect(report.kind).toBe('kamen-scan-report');
    expect(report.records).toBe(40);
    expect(report.input).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: false });
    expect(typesOf(report)).toEqual({
      社員番号: 'EMPLOYEE_ID',
      氏名: 'PERSON_NAME',
      フリガナ: 'NAME_KANA',
      電話番号: 'PHONE',
      メール: 'EMAIL',
      個人番号: 'MY_NUMBER',
      部署: null,
      備考: 'FREE_TEXT',
    });
    expect(leaked(res.stdout + res.stderr, table.pii)).toEqual([]);
    expect(res.stderr).toMatch(/scanned 40 records \(csv, utf-8\): 8 fields, 7 with PII/u);
    expect(readFileSync(csvFile, 'utf8')).toBe(toCsv(table)); // the input is never touched
  });

  it('writes the JSON report, a self-contained HTML report and a policy that validates', async () => {
    const out = { report: join(dir, 'r.json'), html: join(dir, 'r.html'), policy: join(dir, 'p.yaml') };
    const res = await runKamen([
      'scan',
      '--in',
      csvFile,
      '--report',
      out.report,
      '--html',
      out.html,
      '--suggest-policy',
      out.policy,
      '--base-policy',
      'migration',
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    const html = readFileSync(out.html, 'utf8');
    for (const text of [readFileSync(out.report, 'utf8'), html, readFileSync(out.policy, 'utf8')]) {
      expect(leaked(text, table.pii)).toEqual([]);
    }
    // Self-contained and inert: no script, no external asset, charts inline.
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/iu);
    expect(html).toContain('<svg');
    expect(html).toContain('<code>個人番号</code>');
    const policy = parsePolicy(readFileSync(out.policy, 'utf8'), out.policy);
    expect(policy.name).toBe('migration-suggested');
    expect(policy.roles.migration?.fields?.['個人番号']).toEqual({ operator: 'fpe', entity: 'MY_NUMBER' });
    const check = await runKamen(['policy', 'validate', out.policy]);
    expect(check.code).toBe(0);
    // The suggested policy drives kamen mask: every column it names is masked as its type.
    const masked = await runKamen(['mask', '--policy', out.policy, '--in', csvFile]);
    expect(masked.code).toBe(0);
    expect(leaked(masked.stdout, table.pii)).toEqual([]);
    const rows = masked.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows).toHaveLength(41);
    rows.slice(1).forEach((row, i) => expect(row[6]).toBe(table.rows[i]?.[6])); // 部署 untouched
  });

  it('escapes every string in the HTML report', async () => {
    const file = join(dir, 'markup.csv');
    writeFileSync(
      file,
      `"<b onmouseover=x>氏名</b>&'""",memo\n${table.rows[0]?.[1]},<i>hi</i> ${table.rows[0]?.[3]}\n`,
    );
    const html = join(dir, 'markup.html');
    const res = await runKamen(['scan', '--in', file, '--html', html, '--report', join(dir, 'markup.json')]);
    expect(res.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<b onmouseover');
    expect(text).not.toContain('<i>');
    expect(text).toContain('&lt;b onmouseover=x&gt;氏名&lt;/b&gt;&amp;&#39;&quot;');
    expect(leaked(text, [table.rows[0]?.[3] as string])).toEqual([]);
  });

  it('reads CP932 input and JSON and XML records by path', async () => {
    const sjis = join(dir, 'hr-sjis.csv');
    writeFileSync(sjis, iconv.encode(toCsv(table), 'cp932'));
    const a = await runKamen(['scan', '--in', sjis]);
    expect(a.code).toBe(0);
    const ra = JSON.parse(a.stdout) as Report;
    expect(['cp932', 'shift_jis']).toContain(ra.input.encoding);
    expect(typesOf(ra)['個人番号']).toBe('MY_NUMBER');

    const rows = table.rows.slice(0, 10);
    // A My Number sent as a JSON number is profiled like a string value (kamen mask masks member numbers too).
    const digits = (s: string | undefined): string => (s ?? '').normalize('NFKC').replace(/\D/gu, '');
    const json = JSON.stringify({
      employees: rows.map((r) => ({
        name: r[1],
        contact: { tel: r[3], mail: r[4] },
        ...(/^[1-9]/u.test(digits(r[5])) ? { mn: Number(digits(r[5])) } : {}),
      })),
    });
    const b = await runKamen(['scan', '--format', 'json'], json);
    expect(b.code).toBe(0);
    const rb = JSON.parse(b.stdout) as Report;
    expect(typesOf(rb)).toMatchObject({
      '$.employees[*].name': 'PERSON_NAME',
      '$.employees[*].contact.tel': 'PHONE',
      '$.employees[*].contact.mail': 'EMAIL',
      '$.employees[*].mn': 'MY_NUMBER',
    });
    expect(
      leaked(
        b.stdout,
        rows.flatMap((r) => [r[1], r[3], r[4], r[5]] as string[]),
      ),
    ).toEqual([]);

    const xml = `<?xml version="1.0"?><staff>${rows.map((r) => `<emp no="${r[0]}"><name>${r[1]}</name><tel>${r[3]}</tel></emp>`).join('')}</staff>`;
    const c = await runKamen(['scan'], xml);
    expect(c.code).toBe(0);
    const rc = JSON.parse(c.stdout) as Report;
    expect(rc.input.format).toBe('xml');
    expect(rc.records).toBe(10);
    expect(typesOf(rc)).toMatchObject({ '/staff/emp/name': 'PERSON_NAME', '/staff/emp/tel': 'PHONE' });
  });

  it('gives the same report with detection on worker threads', async () => {
    const inline = await runKamen(['scan', '--in', csvFile, '--workers', '0']);
    const pooled = await runKamen(['scan', '--in', csvFile, '--workers', '2']);
    expect(inline.code).toBe(0);
    expect(pooled.code).toBe(0);
    type Full = Report & { fields: { field: string; examples: string[] }[] };
    // Keyed-hash examples use a throw-away key per run; everything else is the same.
    const strip = (r: Full) => r.fields.map((f) => ({ ...f, examples: f.field === '社員番号' ? [] : f.examples }));
    expect(strip(JSON.parse(pooled.stdout) as Full)).toEqual(strip(JSON.parse(inline.stdout) as Full));
  });

  it('stops at --max-records and says so', async () => {
    const res = await runKamen(['scan', '--in', csvFile, '--max-records', '5', '--sample', '3', '--workers', '1']);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as Report;
    expect(report.records).toBe(5);
    expect(report.truncated).toBe(true);
  });

  it('fails on malformed input (exit 3) and writes no report', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '氏名,電話\n"山田,090\n');
    const report = join(dir, 'bad.json');
    const res = await runKamen(['scan', '--in', bad, '--report', report, '--html', join(dir, 'bad.html')]);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('KAMEN_ERR_INPUT_CSV');
    expect(existsSync(report)).toBe(false);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });

  it('rejects bad options (exit 2) and a bad base policy (exit 4) before reading', async () => {
    expect((await runKamen(['scan', '--sample', '0'], 'a\n')).code).toBe(2);
    expect((await runKamen(['scan', '--format', 'yaml'], 'a\n')).code).toBe(2);
    expect((await runKamen(['scan', '--encoding', 'latin1'], 'a\n')).code).toBe(2);
    const res = await runKamen(
      ['scan', '--suggest-policy', join(dir, 'x.yaml'), '--base-policy', join(dir, 'none.yaml')],
      'a\n',
    );
    expect(res.code).toBe(4);
    const help = await runKamen(['scan', '--help']);
    expect(help.stdout).toContain('--suggest-policy FILE');
  });
});
