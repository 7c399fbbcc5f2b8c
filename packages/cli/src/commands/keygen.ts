import { parseArgs } from 'node:util';
import { generateKeyFile } from '@kamen/core';
import { EXIT } from '../exit-codes.js';
import { UsageError } from './detect.js';

export const KEYGEN_HELP = `kamen keygen --out FILE [--id KEY_ID]

Writes a new key file holding one random 256-bit key (mode 0600, never overwrites an existing file).
Keep it away from the people whose view it masks: whoever holds it can reveal pseudonyms and FPE values.
The key is never printed.`;

export function keygenCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): number {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${KEYGEN_HELP}\n`);
    return EXIT.OK;
  }
  if (values.out === undefined) throw new UsageError('keygen needs --out FILE');
  generateKeyFile(values.out, values.id ?? 'k1');
  io.stderr.write(`kamen: wrote key file ${values.out} (key id ${values.id ?? 'k1'}, mode 0600)\n`);
  return EXIT.OK;
}
