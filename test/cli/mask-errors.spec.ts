import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHrRecords, linesOf, survivingPii, toCsv, toNdjson } from '../helpers/hr-records.js';
import { runKamen } from '../helpers/run-kamen.js';
import { maskFile, tmp } from './mask-helpers.js';

const records = generateHrRecords(12, 21);

/** Breaks row `i` (1-based data row) of a CSV by adding a field. */
const ragged = (csv: string, rows: readonly number[]): string =>
  csv
    .split('\n')
    .map((l, i) => (rows.includes(i) ? `${l},extra` : l))
    .join('\n');

describe('kamen mask: malformed input and failures (CLI-01..CLI-07)', { timeout: 120_000 }, () => {
  const cases: [string, string, string, RegExp][] = [
    ['ragged CSV row', 'r.csv', ragged(toCsv(records), [5]), /KAMEN_ERR_INPUT_CSV.*r\.csv:6, record 5\)/u],
    ['unclosed CSV quote', 'q.csv', 'a,b\n1,"2\n3,4\n', /KAMEN_ERR_INPUT_CSV.*not closed.*q\.csv:3:2, record 1\)/u],
    ['mismatched XML tag', 'b.xml', '<r>\n<e>x</f>\n</r>', /KAMEN_ERR_INPUT_XML.*b\.xml:2:5, record 0, at \/r\/e\)/u],
    [
      'XML with a DOCTYPE (CLI-07: never expanded)',
      'd.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]>\n<r>&a;</r>',
      /KAMEN_ERR_INPUT_XML.*DOCTYPE.*d\.xml:2:1/u,
    ],
    [
      'broken JSON',
      'b.json',
      '{"e":[{"a":"x"},{"a":tru}]}',
      /KAMEN_ERR_INPUT_JSON.*b\.json:1:25, record 1, at \$\.e\[1\]\.a\)/u,
    ],
  ];
  for (const [what, name, input, message] of cases) {
    it(`${what}: exit 3, file:line:column and record in the message, no output file`, async () => {
      const dir = tmp();
      const res = await maskFile(dir, name, input);
      expect(res.code).toBe(3);
      expect(res.stderr).toMatch(message);
      expect(res.out).toBeUndefined();
      expect(readdirSync(dir)).toEqual([name]);
    });
  }

  it('--on-error skip: bad CSV rows are counted and never written, the rest is masked in order', async () => {
    const input = ragged(toCsv(records), [3, 8]);
    const res = await maskFile(tmp(), 'skip.csv', input, ['--on-error', 'skip', '--batch', '2']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('skipped: 2 malformed records');
    const out = res.out!.toString('utf8');
    const kept = records.filter((_, i) => i !== 2 && i !== 7);
    expect(linesOf(out, 1).slice(0, -1).length).toBe(kept.length);
    expect(survivingPii(records, out)).toEqual([]);
    expect(out.split('\n')[0]).toBe(input.split('\n')[0]);
    expect(out).not.toContain('extra');
  });

  it('--on-error skip: a bad NDJSON line is dropped, its neighbours kept', async () => {
    const lines = toNdjson(records).split('\n');
    lines[4] = lines[4]!.replace(/\}$/u, ',}');
    const res = await maskFile(tmp(), 'skip.ndjson', lines.join('\n'), ['--on-error', 'skip']);
    expect(res.code, res.stderr).toBe(0);
    const out = res.out!.toString('utf8').trimEnd().split('\n');
    expect(out.length).toBe(records.length - 1);
    expect(out.map((l) => (JSON.parse(l) as { grade: string }).grade)).toEqual(
      records.filter((_, i) => i !== 4).map((r) => r.grade),
    );
  });

  it('--on-error skip does not resync XML: still exit 3', async () => {
    const res = await maskFile(tmp(), 'b.xml', '<r><e>x</f></r>', ['--on-error', 'skip']);
    expect(res.code).toBe(3);
  });

  it('stdout output that fails midway ends non-zero', async () => {
    const input = ragged(toCsv(generateHrRecords(200, 3)), [190]);
    const res = await runKamen(['mask', '--batch', '10'], input);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('KAMEN_ERR_INPUT_CSV');
  });

  it('an unknown role gets the most restrictive one, with a warning', async () => {
    const input = toCsv(records.slice(0, 2));
    const res = await runKamen(['mask', '--role', 'nobody'], input);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain("no role 'nobody'; using its most restrictive role 'restricted'");
    expect(res.stderr).toContain('role restricted');
    expect(survivingPii(records.slice(0, 2), res.stdout)).toEqual([]);
  });

  it('a masking error in a worker fails the run (WP-01): exit 7, no output file, nothing unmasked', async () => {
    const dir = tmp();
    const policy = join(dir, 'strict.yaml');
    // fpe needs digits: 部署 values have none, so the operator throws inside the workers.
    writeFileSync(
      policy,
      'name: strict\nmostRestrictive: r\ndefault: { operator: redact }\nroles:\n  r:\n    fields:\n      部署: { operator: fpe, entity: PHONE }\n',
    );
    const res = await maskFile(dir, 'hr.csv', toCsv(records), ['--policy', policy, '--workers', '2', '--batch', '3']);
    expect(res.code).toBe(7);
    expect(res.stderr).toMatch(/KAMEN_ERR_MASK_FAILED.*fpe on PHONE.*field 部署/u);
    expect(res.out).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['hr.csv', 'strict.yaml']);
  });

  it('usage, policy and file errors: exit 2, 4 and 5', async () => {
    const dir = tmp();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'name: p\nmostRestrictive: x\nroles: {}\ndefault: { operator: nope }\n');
    const [usage, config, io] = await Promise.all([
      runKamen(['mask', '--format', 'bogus']),
      runKamen(['mask', '--policy', policy], 'a\n'),
      runKamen(['mask', '--in', join(dir, 'missing.csv')]),
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format must be one of');
    expect(config.code).toBe(4);
    expect(config.stderr).toContain('KAMEN_ERR_POLICY');
    expect(io.code).toBe(5);
    expect(io.stderr).toContain('ENOENT');
  });
});
