import { readFile } from 'node:fs/promises';
import { compilePolicy, detect, ephemeralKeyRing, loadPolicy, maskText } from '@kamen/core';
import { EXIT } from '../exit-codes.js';

export const SAMPLE_FILE = new URL('../../samples/hr-memo.txt', import.meta.url);

export const DEMO_HELP = `kamen demo

Runs kamen on a bundled synthetic HR memo: the findings, then the memo as the built-in 'support' policy shows it
(partial masks, My Number fully hidden) and as the 'migration' policy writes it (realistic surrogates, My Number
by format-preserving encryption with a valid check digit). No setup, no network. The demo uses a throw-away key,
so surrogates differ from run to run; with a key file they are the same in every run and file.`;

export async function demoCommand(io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const text = await readFile(SAMPLE_FILE, 'utf8');
  const findings = detect(text, { conflicts: 'merge' });
  const keys = ephemeralKeyRing();
  const lines: string[] = [];
  const w = (s: string): void => {
    lines.push(s);
  };
  w('── input (synthetic) ──');
  w(text.trimEnd());
  w('');
  w(`── ${findings.length} findings ──`);
  for (const f of findings) {
    w(
      `${f.type.padEnd(28)} ${String(f.start).padStart(4)}-${String(f.end).padEnd(4)} score ${f.score.toFixed(2)}  ${f.ruleId}`,
    );
  }
  for (const role of ['support', 'migration'] as const) {
    w('');
    w(`── as the '${role}' policy shows it ──`);
    w(maskText(text, compilePolicy(loadPolicy(role), role, { keys })).text.trimEnd());
  }
  // A reader that leaves early (`kamen demo | head`) ends the demo quietly, like `kamen mask`; the write callback
  // reports the error, and the listener keeps the stream's 'error' event from becoming an uncaught exception.
  io.stdout.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    io.stdout.write(`${lines.join('\n')}\n`, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
      else resolve();
    });
  });
  return EXIT.OK;
}
