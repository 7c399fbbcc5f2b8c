import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRegistry, createScanner, type Finding } from '@kamen/core';
import { EXIT } from '../exit-codes.js';

export const DETECT_HELP = `kamen detect [--in FILE] [--rules FILE]... [--disable RULE_ID]... [--threshold N] [--explain]

Reads free text (stdin by default) and writes one JSON line per finding:
  {"type":"PHONE","start":12,"end":25,"score":0.95,"rule":"jp.phone"}
Offsets are UTF-16 code-unit indices into the input text. The text itself is never printed.`;

export async function detectCommand(
  argv: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' },
      rules: { type: 'string', multiple: true },
      disable: { type: 'string', multiple: true },
      threshold: { type: 'string' },
      explain: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${DETECT_HELP}\n`);
    return EXIT.OK;
  }
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new UsageError('--threshold must be a number from 0 to 1');
  const registry = createRegistry({ ruleFiles: values.rules ?? [], disable: values.disable ?? [] });
  const scanner = createScanner(registry, {
    ...(threshold !== undefined ? { threshold } : {}),
    explain: values.explain ?? false,
  });
  const emit = (findings: Finding[]): void => {
    for (const f of findings) {
      const line: Record<string, unknown> = {
        type: f.type,
        start: f.start,
        end: f.end,
        score: round(f.score),
        rule: f.ruleId,
      };
      if (f.explanation) line.explanation = f.explanation;
      io.stdout.write(`${JSON.stringify(line)}\n`);
    }
  };
  // fatal: invalid bytes are an error, never U+FFFD passed on (CLI-05).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (values.in !== undefined) {
    emit(scanner.write(decoder.decode(await readFile(values.in))));
  } else {
    for await (const chunk of io.stdin) emit(scanner.write(decoder.decode(chunk as Buffer, { stream: true })));
    emit(scanner.write(decoder.decode()));
  }
  emit(scanner.end());
  return EXIT.OK;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export class UsageError extends Error {
  override name = 'UsageError';
}
