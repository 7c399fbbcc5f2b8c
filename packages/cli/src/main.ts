import { KamenError } from '@kamen/core';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { UsageError } from './commands/detect.js';

export const HELP = `kamen — mask Japanese and English PII without seeing it

Usage: kamen <command> [options]

Commands:
  mask       mask a CSV, TSV, XML, JSON, NDJSON or text stream (stdin to stdout, or --in/--out)
  scan       profile an input: which fields hold which PII (JSON and HTML reports, a suggested policy)
  detect     free text in, one JSON line per finding out
  demo       detect and mask a bundled synthetic HR memo
  keygen     write a new key file (mode 0600)
  reveal     for key holders: pseudonym tokens and fpe fields back to the original
  policy     policy validate FILE|BUILTIN: check a masking policy before use
  proxy      run the masking reverse proxy in front of an HTTP application
  grant      issue a signed, short-lived reveal grant for the proxy (tenant key file)
  audit      audit verify FILE: check the proxy's hash-chained audit log

Run 'kamen <command> --help' for a command's options.`;

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const defaultIo: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** Runs one kamen invocation and returns its exit code. Errors print one line, never input values. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // Each command's modules load only when it runs: \`kamen mask\` no longer loads the proxy (ajv, its config
    // schemas, undici...), ~20 MB of RSS and ~0.2 s of CPU in every run.
    switch (command) {
      case 'mask':
        return await (await import('./commands/mask.js')).maskCommand(rest, io);
      case 'scan':
        return await (await import('./commands/scan.js')).scanCommand(rest, io);
      case 'detect':
        return await (await import('./commands/detect.js')).detectCommand(rest, io);
      case 'demo':
        return await (await import('./commands/demo.js')).demoCommand(io);
      case 'keygen':
        return (await import('./commands/keygen.js')).keygenCommand(rest, io);
      case 'policy':
        return (await import('./commands/policy.js')).policyCommand(rest, io);
      case 'reveal':
        return await (await import('./commands/reveal.js')).revealCommand(rest, io);
      case 'proxy':
        return await (await import('./commands/proxy.js')).proxyCommand(rest, io);
      case 'grant':
        return await (await import('./commands/grant.js')).grantCommand(rest, io);
      case 'audit':
        return await (await import('./commands/audit.js')).auditCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? EXIT.USAGE : EXIT.OK;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    return reportError(err, io);
  }
}

function reportError(err: unknown, io: Io): number {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') return EXIT.OK;
  if (err instanceof UsageError || (typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS'))) {
    io.stderr.write(`kamen: ${e.message}\nRun 'kamen --help' for usage.\n`);
    return EXIT.USAGE;
  }
  if (err instanceof KamenError) {
    io.stderr.write(`kamen: ${err.code}: ${err.message}\n`);
    return exitCodeFor(err.code);
  }
  if (e?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    io.stderr.write(`kamen: input is not valid UTF-8\n`);
    return EXIT.INPUT;
  }
  if (typeof e?.code === 'string' && typeof e.syscall === 'string') {
    io.stderr.write(`kamen: ${e.code}: ${e.syscall}${e.path ? ` ${e.path}` : ''}\n`);
    return EXIT.IO;
  }
  io.stderr.write(`kamen: internal error: ${e?.message ?? String(err)}\n`);
  return EXIT.INTERNAL;
}
