import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KAMEN_BIN, runKamen } from '../helpers/run-kamen.js';

describe('kamen detect', () => {
  it('writes one JSON line per finding with offsets into the input, never the text', async () => {
    const input = 'メール: taro.yamada@example.co.jp まで\n';
    const res = await runKamen(['detect'], input);
    expect(res.code).toBe(0);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; start: number; end: number; rule: string });
    const email = lines.find((l) => l.type === 'EMAIL');
    expect(email).toBeDefined();
    expect(input.slice(email!.start, email!.end)).toBe('taro.yamada@example.co.jp');
    expect(res.stdout).not.toContain('taro.yamada');
  });

  it('reads --in FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamen-cli-'));
    const file = join(dir, 'memo.txt');
    writeFileSync(file, 'contact a@example.com');
    const res = await runKamen(['detect', '--in', file]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout.trim().split('\n')[0]!)).toMatchObject({ type: 'EMAIL', start: 8, end: 21 });
  });

  it('exits 2 with a usage message on an unknown option', async () => {
    const res = await runKamen(['detect', '--bogus']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bogus/);
  });

  it('exits 3 on input that is not valid UTF-8', async () => {
    const res = await runKamen(['detect'], Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/UTF-8/);
  });

  it('exits 4 with the file name on a broken rule file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamen-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'rules: []\n');
    const res = await runKamen(['detect', '--rules', file], 'x');
    expect(res.code).toBe(4);
    expect(res.stderr).toContain('KAMEN_ERR_RULE_SCHEMA');
    expect(res.stderr).toContain(file);
  });

  it('exits 5 when --in does not exist', async () => {
    const res = await runKamen(['detect', '--in', '/nonexistent/kamen.txt']);
    expect(res.code).toBe(5);
    expect(res.stderr).toContain('ENOENT');
  });
});

describe('kamen', () => {
  it('prints help and exits 0 on --help, 2 with no command', async () => {
    expect((await runKamen(['--help'])).code).toBe(0);
    const none = await runKamen([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: kamen');
  });

  it('exits 2 on an unknown command', async () => {
    const res = await runKamen(['frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("unknown command 'frobnicate'");
  });

  it('EPIPE: `kamen demo | head -n 1` ends quietly with 0', () => {
    const res = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${KAMEN_BIN}" demo | head -n 1`], {
      encoding: 'utf8',
    });
    expect(res.stdout).toBe('── input (synthetic) ──\n');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).not.toMatch(/error/iu);
  });

  it('runs the bundled demo without setup: the support view hides the sample PII', async () => {
    const res = await runKamen(['demo']);
    expect(res.code).toBe(0);
    const support = res.stdout.split("── as the 'support' policy shows it ──")[1]!.split('── as the')[0]!;
    for (const pii of [
      '健一',
      'k.sasaki',
      '1234 5678 9018',
      '１２３４',
      'Carter',
      '4111 1111 1111 1111',
      '536-22-8917',
    ]) {
      expect(support).not.toContain(pii);
    }
    expect(support).toContain('０９０－＊＊＊＊－５６７８');
    expect(support).toContain('注文番号 123456789012');
  });
});

describe('kamen detect --in with invalid bytes', () => {
  it('exits 3 instead of decoding to U+FFFD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamen-cli-'));
    const file = join(dir, 'sjis.txt');
    writeFileSync(file, Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67])); // テスト in Shift_JIS
    const res = await runKamen(['detect', '--in', file]);
    expect(res.code).toBe(3);
  });
});
