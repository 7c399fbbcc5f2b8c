import { readFile } from 'node:fs/promises';
import { detect, type Finding } from '@kamen/core';
import { EXIT } from '../exit-codes.js';

export const SAMPLE_FILE = new URL('../../samples/hr-memo.txt', import.meta.url);

export const DEMO_HELP = `kamen demo

Runs detection on a bundled synthetic HR memo and prints the findings and the text with every finding
replaced by its [TYPE]. No setup, no network.`;

/** Replaces each finding, end to start, by a [TYPE] placeholder. */
export function redactWithPlaceholders(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, f.start)}[${f.type}]${out.slice(f.end)}`;
  return out;
}

export async function demoCommand(io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const text = await readFile(SAMPLE_FILE, 'utf8');
  const findings = detect(text, { conflicts: 'merge' });
  const w = (s: string): boolean => io.stdout.write(`${s}\n`);
  w('── input (synthetic) ──');
  w(text.trimEnd());
  w('');
  w(`── ${findings.length} findings ──`);
  for (const f of findings) {
    w(
      `${f.type.padEnd(28)} ${String(f.start).padStart(4)}-${String(f.end).padEnd(4)} score ${f.score.toFixed(2)}  ${f.ruleId}`,
    );
  }
  w('');
  w('── redacted ──');
  w(redactWithPlaceholders(text, findings).trimEnd());
  return EXIT.OK;
}
