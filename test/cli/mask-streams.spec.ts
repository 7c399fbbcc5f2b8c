import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHrRecords, linesOf, survivingPii, toCsv, toNdjson } from '../helpers/hr-records.js';
import { KAMEN_BIN, runKamen } from '../helpers/run-kamen.js';
import { tmp, writeKeyFile } from './mask-helpers.js';

const records = generateHrRecords(240, 5);

describe('kamen mask: workers, determinism, sharding, pipes, atomic output', { timeout: 180_000 }, () => {
  it('workers: the main thread and a pool of 2 give byte-identical output; a key file makes it repeatable', async () => {
    const dir = tmp();
    const key = writeKeyFile(dir);
    const input = join(dir, 'hr.ndjson');
    writeFileSync(input, toNdjson(records));
    const run = (workers: string) =>
      runKamen([
        'mask',
        '--in',
        input,
        '--policy',
        'migration',
        '--key-file',
        key,
        '--workers',
        workers,
        '--batch',
        '40',
      ]);
    const [inline, pooled] = await Promise.all([run('0'), run('2')]);
    expect(inline.code, inline.stderr).toBe(0);
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stderr).toContain('2 workers');
    expect(pooled.stdout).toBe(inline.stdout);
    expect(survivingPii(records, linesOf(inline.stdout))).toEqual([]);
    expect(linesOf(inline.stdout).length).toBe(records.length + 1);
  });

  it('sharding: shards masked in separate processes with one key concatenate to the whole run', async () => {
    const dir = tmp();
    const key = writeKeyFile(dir);
    const all = toCsv(records).split('\n');
    const [header, rows] = [all[0]!, all.slice(1, -1)];
    writeFileSync(join(dir, 'all.csv'), `${header}\n${rows.join('\n')}\n`);
    const shards = [0, 1, 2].map((k) => {
      const file = join(dir, `shard${k}.csv`);
      writeFileSync(file, `${header}\n${rows.slice(k * 80, (k + 1) * 80).join('\n')}\n`);
      return file;
    });
    const args = (file: string) => ['mask', '--in', file, '--policy', 'migration'];
    // The whole run reads the key file, the shards get the same key through KAMEN_KEY (as a job's secret would).
    const env = { ...process.env, KAMEN_KEY: readFileSync(key, 'utf8') };
    const [whole, ...parts] = await Promise.all([
      runKamen([...args(join(dir, 'all.csv')), '--key-file', key]),
      ...shards.map((file) => runKamen(args(file), undefined, env)),
    ]);
    for (const r of [whole, ...parts]) expect(r.code, r.stderr).toBe(0);
    for (const p of parts) expect(p.stderr).not.toContain('throw-away key');
    // Every shard carries the header; the concatenation keeps the first one only.
    const joined = parts.map((p, i) => (i === 0 ? p.stdout : p.stdout.slice(p.stdout.indexOf('\n') + 1))).join('');
    expect(joined).toBe(whole.stdout);
  });

  it('EPIPE: `kamen mask | head -n 1` ends quietly with 0', () => {
    const dir = tmp();
    const input = join(dir, 'hr.csv');
    writeFileSync(input, toCsv(generateHrRecords(1500, 9)));
    const res = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${KAMEN_BIN}" mask --in "${input}" --batch 20 | head -n 1`],
      { encoding: 'utf8' },
    );
    expect(res.stdout).toBe('氏名,フリガナ,電話番号,メール,個人番号,生年月日,部署,等級,備考\n');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).not.toMatch(/error/iu);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`--out under ${signal}: the target never appears, the temp file is removed`, async () => {
      const dir = tmp();
      const input = join(dir, 'hr.csv');
      const target = join(dir, 'masked.csv');
      writeFileSync(input, toCsv(generateHrRecords(3000, 13)));
      const child = spawn(process.execPath, [KAMEN_BIN, 'mask', '--in', input, '--out', target, '--batch', '5'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Wait until the temp file exists: the run is writing.
      const temp = (): string[] => readdirSync(dir).filter((f) => f.includes('.kamen-'));
      for (let i = 0; i < 600 && temp().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(temp().length).toBe(1);
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(readdirSync(dir).sort()).toEqual(['hr.csv']);
    });
  }

  it('--report FILE: counts per type and column, decisions, no values', async () => {
    const dir = tmp();
    const input = join(dir, 'hr.csv');
    const report = join(dir, 'report.json');
    writeFileSync(input, toCsv(records.slice(0, 20)));
    const res = await runKamen(['mask', '--in', input, '--out', join(dir, 'out.csv'), '--report', report]);
    expect(res.code, res.stderr).toBe(0);
    const text = readFileSync(report, 'utf8');
    const r = JSON.parse(text) as {
      records: number;
      key: string;
      maskedByType: Record<string, number>;
      fields: Record<string, { type: string | null; masked: Record<string, number> }>;
    };
    expect(r.records).toBe(20);
    expect(r.key).toBe('ephemeral');
    expect(r.fields['個人番号']).toMatchObject({ type: 'MY_NUMBER', masked: { MY_NUMBER: 20 } });
    expect(r.fields['部署']!.type).toBeNull();
    expect(r.maskedByType.PHONE).toBeGreaterThanOrEqual(20);
    expect(survivingPii(records.slice(0, 20), text)).toEqual([]);
  });

  it('field names that are personal data (JSON keyed by e-mail) are masked in the summary and the report', async () => {
    const dir = tmp();
    const input = join(dir, 'by-mail.ndjson');
    const report = join(dir, 'report.json');
    const few = records.slice(0, 5);
    writeFileSync(input, few.map((r) => JSON.stringify({ [r.email]: r.note, name: r.name })).join('\n') + '\n');
    const res = await runKamen(['mask', '--in', input, '--out', join(dir, 'out.ndjson'), '--report', report]);
    expect(res.code, res.stderr).toBe(0);
    const emails = few.map((r) => r.email);
    for (const text of [res.stderr, readFileSync(report, 'utf8'), readFileSync(join(dir, 'out.ndjson'), 'utf8')]) {
      for (const e of emails) expect(text).not.toContain(e);
    }
  });
});
