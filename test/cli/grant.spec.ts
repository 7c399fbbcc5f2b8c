import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile, loadKeyRing } from '@kamen/core';
import { createMemoryReplayStore, verifyGrant } from '@kamen/proxy';
import { describe, expect, it } from 'vitest';
import { main } from '@kamen/cli';
import { PassThrough } from 'node:stream';
import { runKamen } from '../helpers/run-kamen.js';

/** In-process run of the same main() the binary calls: used for the option-validation table (spawns are slow). */
async function runInProcess(args: string[]) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (d: Buffer) => out.push(d));
  const stderr = new PassThrough().on('data', (d: Buffer) => err.push(d));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

const dir = mkdtempSync(join(tmpdir(), 'kamen-grant-'));
const keyFile = join(dir, 'tenant-keys.json');
generateKeyFile(keyFile);
const base = [
  'grant',
  '--key-file',
  keyFile,
  '--tenant',
  'acme',
  '--subject',
  'eng-7',
  '--routes',
  'GET /api/employees/*',
  '--records',
  'E-1001,E-1002',
  '--fields',
  'name,phone',
  '--reason',
  'customer asked to check a payroll address',
  '--ticket',
  'SUP-4711',
  '--ttl',
  '10m',
];

describe('kamen grant', () => {
  it('prints a token the proxy verifier accepts for exactly that scope', async () => {
    const res = await runKamen(base);
    expect(res.code).toBe(0);
    const token = res.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.stderr).toMatch(
      /grant \S+ for eng-7 \(tenant acme\) until .*1 route\(s\), 2 record\(s\), fields name,phone, 1 use/,
    );
    expect(res.stderr).not.toContain('E-1001');
    const scope = await verifyGrant(token, {
      keys: loadKeyRing(keyFile),
      tenant: 'acme',
      subject: 'eng-7',
      method: 'GET',
      path: '/api/employees/E-1001',
      replayStore: createMemoryReplayStore(),
    });
    expect(scope).toMatchObject({ records: ['E-1001', 'E-1002'], fields: ['name', 'phone'], ticket: 'SUP-4711' });
    expect(scope.expiresAt.getTime() - scope.issuedAt.getTime()).toBe(600_000);
  });

  it('writes --out with mode 0600 and refuses to overwrite', async () => {
    const out = join(dir, 'grant.jwt');
    const res = await runKamen([...base, '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect((await runKamen([...base, '--out', out])).code).toBe(5);
  });

  it.each([
    [
      'a missing --reason',
      base.filter((_, i) => i !== base.indexOf('--reason') && i !== base.indexOf('--reason') + 1),
      /--reason/,
    ],
    ['a ttl above the maximum', [...base, '--ttl', '2h'], /ttl/],
    ['a bad duration', [...base, '--ttl', 'soon'], /--ttl/],
    ['no fields or entities', base.filter((a) => a !== '--fields' && a !== 'name,phone'), /fields/],
    ['records and --all-records', [...base, '--all-records'], /records/],
    ['an unknown entity type', [...base, '--entities', 'SHOE_SIZE'], /entities/],
    ['a bad ticket', [...base, '--ticket', 'SUP 1; rm -rf'], /ticket/],
  ])('exits 2 on %s', async (_name, args, message) => {
    const res = await runInProcess(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  });

  it('exits 4 on a key file readable by others and prints --help', async () => {
    const loose = join(dir, 'loose.json');
    writeFileSync(loose, readFileSync(keyFile), { mode: 0o644 });
    const args = [...base];
    args[2] = loose;
    expect((await runKamen(args)).code).toBe(4);
    const help = await runInProcess(['grant', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--all-records');
  });
});
