import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hrTable, leaked, toCsv } from '../helpers/hr-dataset.js';
import { runKamen } from '../helpers/run-kamen.js';

const digitsOf = (s: string | undefined): string => (s ?? '').normalize('NFKC').replace(/\D/gu, '');

const dir = mkdtempSync(join(tmpdir(), 'kamen-reveal-'));
const table = hrTable(30, 23);
const original = toCsv(table);
const csvFile = join(dir, 'hr.csv');
writeFileSync(csvFile, original);
const keyFile = join(dir, 'keys.json');
const otherKeys = join(dir, 'other.json');
const policyFile = join(dir, 'etl.yaml');
// Every personal column reversible: pseudonyms (also in free text) and FPE for My Number.
writeFileSync(
  policyFile,
  [
    'name: etl',
    'default: { operator: redact }',
    'mostRestrictive: restricted',
    'roles:',
    '  etl:',
    '    default: { operator: redact }',
    '    entities:',
    ...['PERSON_NAME', 'NAME_KANA', 'PHONE', 'EMAIL', 'EMPLOYEE_ID'].map((t) => `      ${t}: { operator: pseudonym }`),
    '      MY_NUMBER: { operator: fpe }',
    '  restricted:',
    '    default: { operator: redact }',
    '',
  ].join('\n'),
);

async function setup(): Promise<string> {
  if (!existsSync(keyFile)) {
    expect((await runKamen(['keygen', '--out', keyFile])).code).toBe(0);
    expect((await runKamen(['keygen', '--out', otherKeys, '--id', 'k2'])).code).toBe(0);
  }
  const masked = join(dir, 'masked.csv');
  if (!existsSync(masked)) {
    const res = await runKamen([
      'mask',
      ...['--policy', policyFile, '--role', 'etl', '--key-file', keyFile, '--in', csvFile, '--out', masked],
    ]);
    expect(res.code).toBe(0);
  }
  return masked;
}

// Each case starts the real binary a few times: on a loaded 2-core box that takes seconds, not milliseconds.
describe('kamen reveal', { timeout: 120_000 }, () => {
  it('restores every reversible value: mask then reveal gives the original bytes back', async () => {
    const masked = await setup();
    const maskedText = readFileSync(masked, 'utf8');
    expect(leaked(maskedText, table.pii)).toEqual([]);
    const out = join(dir, 'revealed.csv');
    const res = await runKamen([
      'reveal',
      '--key-file',
      keyFile,
      '--policy',
      policyFile,
      '--role',
      'etl',
      '--in',
      masked,
      '--out',
      out,
    ]);
    expect(res.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(original);
    expect(res.stderr).toMatch(/revealed \d+ pseudonyms and 30 fpe values in 30 records/u);
    expect(leaked(res.stderr, table.pii)).toEqual([]);
  });

  it('round-trips NDJSON and XML: tokens in nested values, keys, attributes and comments', async () => {
    await setup();
    const rows = table.rows.slice(0, 8);
    const ndjson = rows
      .map((r) =>
        JSON.stringify({
          id: r[0],
          person: { name: r[1], kana: r[2] },
          contacts: { tel: r[3], mail: r[4] },
          [r[4] as string]: r[7],
          no: r[5],
          // A My Number sent as a JSON number (kamen mask lifts member numbers into values): fpe, then back.
          ...(/^[1-9]/u.test(digitsOf(r[5])) ? { mn: Number(digitsOf(r[5])) } : {}),
        }),
      )
      .join('\n')
      .concat('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<staff>\n${rows
      .map((r) => `  <emp tel="${r[3]}"><name>${r[1]}</name><!-- ${r[4]} --><memo>${r[7]}</memo></emp>\n`)
      .join('')}</staff>\n`;
    for (const [name, text] of [
      ['staff.ndjson', ndjson],
      ['staff.xml', xml],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const masked = join(dir, `masked-${name}`);
      const m = await runKamen([
        'mask',
        '--policy',
        policyFile,
        '--role',
        'etl',
        '--key-file',
        keyFile,
        '--in',
        file,
        '--out',
        masked,
      ]);
      expect(m.code).toBe(0);
      // What masking leaves is for kamen mask's tests; here: every token and fpe value comes back.
      expect(readFileSync(masked, 'utf8')).toContain('PSN:PERSON_NAME:k1:');
      const res = await runKamen([
        'reveal',
        '--key-file',
        keyFile,
        '--policy',
        policyFile,
        '--role',
        'etl',
        '--in',
        masked,
      ]);
      expect(res.code, res.stderr).toBe(0);
      // One documented difference: FPE digits with a leading zero are no JSON number, so kamen mask wrote that
      // My Number as a string ("mn":"0…") and reveal gives the original digits back as a string. The key is
      // random per run, so whether a row hits this varies; every other byte must match.
      const maskedLines = readFileSync(masked, 'utf8').split('\n');
      const revealedLines = res.stdout.split('\n');
      expect(revealedLines).toHaveLength(text.split('\n').length);
      text.split('\n').forEach((line, i) => {
        const got = revealedLines[i] as string;
        if (got === line) return;
        expect(maskedLines[i]).toMatch(/"mn":"0\d{11}"/u);
        expect(got.replace(/"mn":"(\d{12})"/u, '"mn":$1')).toBe(line);
      });
    }
  });

  it('reveals tokens without a policy, leaving fpe values as they are', async () => {
    const masked = await setup();
    const res = await runKamen(['reveal', '--key-file', keyFile], readFileSync(masked));
    expect(res.code).toBe(0);
    const rows = res.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const maskedRows = readFileSync(masked, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    table.rows.forEach((row, i) => {
      expect(rows[i + 1]?.slice(0, 5)).toEqual(row.slice(0, 5));
      expect(rows[i + 1]?.[5]).toBe(maskedRows[i + 1]?.[5]); // My Number stays encrypted
    });
  });

  it('round-trips the built-in migration policy: My Number restored, surrogates left as they are', async () => {
    await setup();
    const masked = join(dir, 'migration.csv');
    const report = join(dir, 'migration-report.json');
    const m = await runKamen([
      'mask',
      '--policy',
      'migration',
      '--key-file',
      keyFile,
      '--in',
      csvFile,
      '--out',
      masked,
      '--report',
      report,
    ]);
    expect(m.code).toBe(0);
    const res = await runKamen([
      'reveal',
      '--key-file',
      keyFile,
      '--policy',
      'migration',
      '--mask-report',
      report,
      '--in',
      masked,
    ]);
    expect(res.code).toBe(0);
    const rows = res.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const maskedRows = readFileSync(masked, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    table.rows.forEach((row, i) => {
      expect(rows[i + 1]?.[5]).toBe(row[5]); // 個人番号: fpe, reversible
      expect(rows[i + 1]?.[1]).toBe(maskedRows[i + 1]?.[1]); // 氏名: surrogate, irreversible
    });
    expect(res.stderr).toMatch(/30 fpe values .*; \d+ irreversible values left as they were/u);
  });

  it('refuses a tampered token (exit 3, stable code, no output file), or counts it with --on-error skip', async () => {
    const masked = await setup();
    const text = readFileSync(masked, 'utf8');
    const at = text.indexOf('PSN:PERSON_NAME:k1:') + 'PSN:PERSON_NAME:k1:'.length + 3;
    const flipped = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const tampered = join(dir, 'tampered.csv');
    writeFileSync(tampered, flipped);
    const out = join(dir, 'never.csv');
    const res = await runKamen(['reveal', '--key-file', keyFile, '--in', tampered, '--out', out]);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('KAMEN_ERR_REVEAL_TAMPERED');
    expect(res.stderr).toContain('record 1');
    expect(res.stderr).toContain('field 氏名');
    expect(existsSync(out)).toBe(false);

    const report = join(dir, 'reveal-report.json');
    const skip = await runKamen([
      'reveal',
      '--key-file',
      keyFile,
      '--in',
      tampered,
      '--on-error',
      'skip',
      '--report',
      report,
    ]);
    expect(skip.code).toBe(0);
    expect(skip.stderr).toContain('NOT revealed (left as they were): KAMEN_ERR_REVEAL_TAMPERED ×1');
    const firstRow = skip.stdout.split('\n')[1]?.split(',');
    expect(firstRow?.[1]?.startsWith('PSN:PERSON_NAME:k1:')).toBe(true);
    expect(firstRow?.[2]).toBe(table.rows[0]?.[2]);
    const counts = JSON.parse(readFileSync(report, 'utf8')) as { failed: Record<string, number>; failures: unknown[] };
    expect(counts.failed).toEqual({ KAMEN_ERR_REVEAL_TAMPERED: 1 });
    expect(counts.failures).toEqual([{ code: 'KAMEN_ERR_REVEAL_TAMPERED', record: 1, field: '氏名' }]);
  });

  it('needs the right key: none (exit 4), another key id (exit 4), never a throw-away key', async () => {
    const masked = await setup();
    const env = { ...process.env };
    delete env.KAMEN_KEY;
    const none = await runKamen(['reveal', '--in', masked], undefined, env);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('KAMEN_ERR_KEY_REQUIRED');
    expect(none.stdout).toBe('');
    const other = await runKamen(['reveal', '--key-file', otherKeys, '--in', masked]);
    expect(other.code).toBe(4);
    expect(other.stderr).toContain('KAMEN_ERR_KEY_UNKNOWN');
    const keyText = readFileSync(keyFile, 'utf8');
    const viaEnv = await runKamen(['reveal', '--in', masked], undefined, { ...env, KAMEN_KEY: keyText });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stdout.split('\n')[1]?.split(',')[1]).toBe(table.rows[0]?.[1]);
    expect(viaEnv.stdout + viaEnv.stderr).not.toContain(JSON.parse(keyText).keys[0].key as string);
  });

  it('checks its options', async () => {
    expect((await runKamen(['reveal', '--key-file', keyFile, '--role', 'etl'], '')).code).toBe(2);
    expect((await runKamen(['reveal', '--key-file', keyFile, '--on-error', 'maybe'], '')).code).toBe(2);
    expect(
      (await runKamen(['reveal', '--key-file', keyFile, '--policy', policyFile, '--role', 'nobody'], '')).code,
    ).toBe(2);
    const help = await runKamen(['reveal', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--mask-report FILE');
  });
});
