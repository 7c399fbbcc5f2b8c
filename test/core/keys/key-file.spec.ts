import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyFile, KamenError, keyRingFromEnv, loadKeyRing } from '@kamen/core';

const dir = mkdtempSync(join(tmpdir(), 'kamen-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyJson = JSON.stringify({
  version: 1,
  primary: 'k1',
  keys: [{ id: 'k1', key: Buffer.alloc(32, 5).toString('base64'), created: '2026-01-01T00:00:00Z' }],
});
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KamenError);
    return (err as KamenError).code;
  }
  return 'no error';
};

describe('key files (KM-07)', () => {
  it('keygen writes mode 0600, loads back, and refuses to overwrite', () => {
    const path = join(dir, 'new.key');
    generateKeyFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { version: number; primary: string; keys: { key: string }[] };
    expect(doc.version).toBe(1);
    expect(Buffer.from(doc.keys[0]!.key, 'base64')).toHaveLength(32);
    expect(loadKeyRing(path).primaryId).toBe(doc.primary);
    expect(codeOf(() => generateKeyFile(path))).toBe('KAMEN_ERR_KEY_FILE');
    expect(readFileSync(path, 'utf8')).toContain(doc.keys[0]!.key); // untouched
  });

  it('two keygens give different keys', () => {
    generateKeyFile(join(dir, 'a.key'));
    generateKeyFile(join(dir, 'b.key'));
    const a = loadKeyRing(join(dir, 'a.key')).subkey('t');
    const b = loadKeyRing(join(dir, 'b.key')).subkey('t');
    expect(Buffer.from(a)).not.toEqual(Buffer.from(b));
  });

  it.each([0o644, 0o640, 0o604, 0o620, 0o602, 0o666])('refuses a key file with mode %o', (mode) => {
    const path = join(dir, `m${mode.toString(8)}.key`);
    writeFileSync(path, keyJson, { mode: 0o600 });
    chmodSync(path, mode);
    expect(codeOf(() => loadKeyRing(path))).toBe('KAMEN_ERR_KEY_PERMISSIONS');
  });

  it('refuses a symlink even to a good file', () => {
    const target = join(dir, 'good.key');
    writeFileSync(target, keyJson, { mode: 0o600 });
    chmodSync(target, 0o600);
    expect(loadKeyRing(target).ids).toEqual(['k1']);
    const link = join(dir, 'link.key');
    symlinkSync(target, link);
    expect(codeOf(() => loadKeyRing(link))).toBe('KAMEN_ERR_KEY_PERMISSIONS');
  });

  it('a missing or malformed file is KAMEN_ERR_KEY_FILE without its content in the message', () => {
    expect(codeOf(() => loadKeyRing(join(dir, 'absent.key')))).toBe('KAMEN_ERR_KEY_FILE');
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, '{"version":1,"keys":[{"id":"k1","key":"dG9vLXNob3J0"}]}', { mode: 0o600 });
    try {
      loadKeyRing(bad);
      expect.unreachable();
    } catch (err) {
      expect((err as KamenError).code).toBe('KAMEN_ERR_KEY_FILE');
      expect((err as Error).message).not.toContain('dG9vLXNob3J0');
    }
  });
});

describe('keyRingFromEnv', () => {
  it('reads JSON or one base64 key and deletes the variable', () => {
    process.env.KAMEN_TEST_KEY = keyJson;
    expect(keyRingFromEnv('KAMEN_TEST_KEY')?.ids).toEqual(['k1']);
    expect(process.env.KAMEN_TEST_KEY).toBeUndefined();
    process.env.KAMEN_TEST_KEY = Buffer.alloc(32, 5).toString('base64');
    const ring = keyRingFromEnv('KAMEN_TEST_KEY');
    expect(ring?.primaryId).toBe('k1');
    expect('KAMEN_TEST_KEY' in process.env).toBe(false);
    expect(keyRingFromEnv('KAMEN_TEST_KEY')).toBeUndefined();
  });
});
