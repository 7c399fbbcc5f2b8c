import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKeyRing } from '@kamen/core';
import { auditKeyFromRing, verifyAuditLog, type AuditCheckpoint } from '@kamen/proxy';
import { EXIT } from '../exit-codes.js';
import { UsageError } from './detect.js';

export const AUDIT_HELP = `kamen audit verify FILE [--key-file FILE] [--head FILE | --no-head] [--checkpoint FILE]…

Verifies a kamen proxy audit log: every line's hash (edits), the sequence and previous-hash chain (deletions,
insertions, reordering), every HMAC when --key-file is given (forgery by someone who can rewrite the file), and
the end of the log against its head file (FILE.head by default) and any checkpoints you exported earlier (copies
of the head file kept off-host: tail truncation). Prints 'OK N entries' and exits 0, or names the first bad line
and exits ${EXIT.AUDIT_INVALID}.

  --key-file     the proxy's key file (or audit.keyFile); without it only the hash chain is checked
  --head         head file to check against (default FILE.head if it exists); --no-head to skip it
  --checkpoint   an earlier copy of the head file; repeatable`;

export async function auditCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'key-file': { type: 'string' },
      head: { type: 'string' },
      'no-head': { type: 'boolean' },
      checkpoint: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${AUDIT_HELP}\n`);
    return EXIT.OK;
  }
  const [sub, file, ...extra] = positionals;
  if (sub !== 'verify')
    throw new UsageError(sub === undefined ? 'audit needs a subcommand: verify' : `unknown audit subcommand '${sub}'`);
  if (file === undefined || extra.length > 0) throw new UsageError('audit verify needs exactly one FILE');
  if (values.head !== undefined && values['no-head'] === true)
    throw new UsageError('--head and --no-head exclude each other');
  const key = values['key-file'] === undefined ? undefined : auditKeyFromRing(loadKeyRing(values['key-file']));
  const checkpoints = (values.checkpoint ?? []).map((p) => readCheckpoint(p));
  // A missing log is an I/O error (exit 5), not a verification failure.
  statSync(file);
  const result = await verifyAuditLog(file, {
    ...(key !== undefined ? { key } : {}),
    ...(values['no-head'] === true ? { headFile: false } : values.head !== undefined ? { headFile: values.head } : {}),
    checkpoints,
  });
  if (result.ok) {
    io.stdout.write(
      `OK ${result.entries} entries${result.macsChecked ? ' (hash chain and HMACs verified)' : ' (hash chain only: no --key-file, HMACs not checked)'}\n`,
    );
    return EXIT.OK;
  }
  const where = result.line === 0 ? 'head/checkpoint' : `line ${result.line}`;
  io.stdout.write(`FAILED ${where}: ${result.reason}\n`);
  io.stderr.write(
    `kamen: audit log ${file}: ${where}: ${result.reason} (${result.entries} entries verified before it)\n`,
  );
  return EXIT.AUDIT_INVALID;
}

function readCheckpoint(path: string): AuditCheckpoint {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== undefined) throw err;
    throw new UsageError(`--checkpoint ${path} is not JSON`);
  }
  return doc as AuditCheckpoint;
}
