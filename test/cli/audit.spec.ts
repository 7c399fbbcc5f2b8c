import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile, loadKeyRing } from '@kamen/core';
import { auditKeyFromRing, createAuditLog, type AuditEvent } from '@kamen/proxy';
import { describe, expect, it } from 'vitest';
import { runKamen } from '../helpers/run-kamen.js';

const dir = mkdtempSync(join(tmpdir(), 'kamen-audit-cli-'));
const keyFile = join(dir, 'keys.json');
generateKeyFile(keyFile);
const key = auditKeyFromRing(loadKeyRing(keyFile));
const event = (i: number): AuditEvent => ({
  type: 'reveal.start',
  outcome: 'allowed',
  subject: `eng-${i}`,
  role: 'support',
  fields: ['name'],
});

async function makeLog(name: string, n: number) {
  const path = join(dir, name);
  const log = await createAuditLog({ path, key, fsync: 'never' });
  for (let i = 1; i <= n; i++) await log.append(event(i));
  await log.close();
  return path;
}

describe('kamen audit verify', () => {
  it('prints OK with the entry count (HMACs checked with --key-file)', async () => {
    const path = await makeLog('ok.jsonl', 7);
    const res = await runKamen(['audit', 'verify', path, '--key-file', keyFile]);
    expect(res).toMatchObject({ code: 0, stdout: 'OK 7 entries (hash chain and HMACs verified)\n' });
  });

  it('names the first bad line and exits 8 on an edit', async () => {
    const path = await makeLog('edited.jsonl', 5);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = (lines[3] as string).replace('eng-4', 'eng-9');
    writeFileSync(path, lines.join('\n'));
    const res = await runKamen(['audit', 'verify', path, '--key-file', keyFile]);
    expect(res.code).toBe(8);
    expect(res.stdout).toMatch(/^FAILED line 4: hash mismatch/);
    expect(res.stderr).toContain('line 4');
  });

  it('catches truncation with an exported checkpoint even when the head is skipped', async () => {
    const path = await makeLog('cut.jsonl', 5);
    const cp = join(dir, 'cut.checkpoint');
    copyFileSync(`${path}.head`, cp);
    writeFileSync(path, readFileSync(path, 'utf8').split('\n').slice(0, 3).join('\n') + '\n');
    const res = await runKamen(['audit', 'verify', path, '--key-file', keyFile, '--no-head', '--checkpoint', cp]);
    expect(res.code).toBe(8);
    expect(res.stdout).toMatch(/FAILED line 4: checkpoint names entry 5; the log ends at 3 \(truncated\)/);
    // Without --key-file only the chain is checked, but the head file still catches the cut.
    const noKey = await runKamen(['audit', 'verify', path]);
    expect(noKey.code).toBe(8);
    expect(noKey.stdout).toContain('head file names entry 5');
  });

  it('usage errors exit 2, a missing file exits 5', async () => {
    expect((await runKamen(['audit', 'check', 'x'])).code).toBe(2);
    const missing = await runKamen(['audit', 'verify', join(dir, 'none.jsonl'), '--help']);
    expect(missing.stdout).toContain('kamen audit verify FILE');
    expect((await runKamen(['audit', 'verify', join(dir, 'none.jsonl')])).code).toBe(5);
  });
});
