import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '@kamen/core';
import { runKamen, type RunResult } from '../helpers/run-kamen.js';

/** A fresh temp directory for one test's input and output files. */
export const tmp = (): string => mkdtempSync(join(tmpdir(), 'kamen-mask-'));

/** An in-process mask job set-up (planOf): the built-in support policy and a fixed raw key, UTF-8 output. */
export const SUPPORT_SETUP = {
  policy: loadPolicy('support'),
  role: 'support',
  key: { kind: 'raw', key: new Uint8Array(32).fill(7) },
  outputEncoding: 'utf-8',
} as const;

/** Writes a key file the way `kamen keygen` does (mode 0600), without spawning it. */
export function writeKeyFile(dir: string): string {
  const file = join(dir, 'key.json');
  const doc = { version: 1, primary: 'k1', keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }] };
  writeFileSync(file, JSON.stringify(doc), { mode: 0o600 });
  return file;
}

/** Runs `kamen mask` on `input` written to `dir/name`; returns the run and the output file's bytes (if any). */
export async function maskFile(
  dir: string,
  name: string,
  input: string | Buffer,
  args: readonly string[] = [],
): Promise<RunResult & { out: Buffer | undefined; outPath: string }> {
  const inPath = join(dir, name);
  const outPath = join(dir, `masked-${name}`);
  writeFileSync(inPath, input);
  const res = await runKamen(['mask', '--in', inPath, '--out', outPath, ...args]);
  let out: Buffer | undefined;
  try {
    out = readFileSync(outPath);
  } catch {
    out = undefined;
  }
  return { ...res, out, outPath };
}
