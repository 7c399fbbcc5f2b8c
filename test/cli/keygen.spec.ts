import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeyRing } from '@kamen/core';
import { runKamen } from '../helpers/run-kamen.js';

describe('kamen keygen', () => {
  it('writes a loadable key file with mode 0600 and never prints the key', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kamen-keygen-')), 'keys.json');
    const res = await runKamen(['keygen', '--out', file, '--id', 'hr2026']);
    expect(res.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const ring = loadKeyRing(file);
    expect(ring.primaryId).toBe('hr2026');
    const key = (JSON.parse(readFileSync(file, 'utf8')) as { keys: { key: string }[] }).keys[0]!.key;
    expect(res.stdout + res.stderr).not.toContain(key);
  });

  it('refuses to overwrite an existing file (exit 4)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kamen-keygen-')), 'keys.json');
    writeFileSync(file, 'precious');
    const res = await runKamen(['keygen', '--out', file]);
    expect(res.code).not.toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('needs --out (exit 2)', async () => {
    expect((await runKamen(['keygen'])).code).toBe(2);
  });
});
