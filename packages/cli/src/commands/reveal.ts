import { parseArgs } from 'node:util';
import {
  KamenError,
  applyTransform,
  compilePolicy,
  encodeRecords,
  keyRingFromEnv,
  liftJsonNumbers,
  loadKeyRing,
  lowerJsonNumbers,
  loadPolicy,
  type KeyRing,
} from '@kamen/core';
import { EXIT } from '../exit-codes.js';
import {
  FORMATS,
  encodeText,
  kamenError,
  openInput,
  openOutput,
  openRecords,
  parseEncodingName,
  type InputFormat,
  type OutputSink,
} from '../io/index.js';
import { decideFields, sampleForDecisions } from '../mask/decide.js';
import { decisionsFromMaskReport } from '../reveal/decisions.js';
import { createRevealer, type RevealStats } from '../reveal/revealer.js';
import { UsageError } from './detect.js';

export const REVEAL_HELP = `kamen reveal --key-file FILE [--policy NAME|FILE --role ROLE] [--mask-report FILE]
             [--in FILE] [--out FILE] [--format F] [--encoding E] [--output-encoding E]
             [--on-error fail|skip] [--report FILE]

For key holders: turns masked output back into the original where the masking was reversible.
  - pseudonym tokens (PSN:TYPE:kid:…) anywhere — cells, values, free text, keys, comments — become the original
    (AES-SIV: an altered token, or one for another key, fails authentication)
  - with --policy (and --role), fields the policy masks with fpe are decrypted with the binding mask used
    (entity type + field + key); fields are typed as kamen mask types them, or exactly as it did with
    --mask-report (the JSON of 'kamen mask --report')
  - everything else (hash, mask, redact, surrogate, generalize output) is left as it is: nothing to reverse.
    FPE values inside free text are not revealed: nothing tells them from numbers that were never masked.
The structure, quoting, line ends and encoding of the input are kept (as kamen mask keeps them).

  --key-file FILE      the key file the data was masked with (else the KAMEN_KEY variable); required:
                       there is no throw-away key for reveal
  --policy P --role R  the policy and role the data was masked with (needed for fpe fields)
  --mask-report FILE   field types from 'kamen mask --report FILE'
  --in/--out FILE      default stdin/stdout; --out is written atomically
  --format, --encoding, --output-encoding   as for kamen mask
  --on-error fail      (default) the first value that cannot be revealed stops the run: exit 3, nothing written
                       to --out; 'skip' leaves such values as they are and counts them
  --report FILE        counts as JSON (revealed, left, failures by code with record and field, never values)

Exit codes: 0 ok, 2 usage, 3 malformed input or a tampered value (KAMEN_ERR_REVEAL_TAMPERED), 4 no key, bad
key or policy, unknown key id (KAMEN_ERR_KEY_UNKNOWN), 5 file I/O, 6 output encoding.`;

function keyRing(keyFile: string | undefined): KeyRing {
  if (keyFile !== undefined) return loadKeyRing(keyFile);
  const env = keyRingFromEnv('KAMEN_KEY');
  if (env !== undefined) return env;
  throw kamenError('KAMEN_ERR_KEY_REQUIRED', 'reveal needs the key the data was masked with (--key-file or KAMEN_KEY)');
}

function summary(stats: RevealStats): string {
  const failed = Object.entries(stats.failed)
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ');
  return `kamen: revealed ${stats.pseudonyms} pseudonyms and ${stats.fpe} fpe values in ${stats.records} records; ${stats.irreversible} irreversible values left as they were${failed ? `; NOT revealed (left as they were): ${failed}` : ''}\n`;
}

/** Exit code for an error of one value: an altered or foreign value is bad input; a missing key id is config. */
const exitFor = (code: string): number =>
  code === 'KAMEN_ERR_REVEAL_TAMPERED' || code === 'KAMEN_ERR_FPE_DOMAIN' || code.startsWith('KAMEN_ERR_INPUT_')
    ? EXIT.INPUT
    : code === 'KAMEN_ERR_OUTPUT_ENCODING'
      ? EXIT.OUTPUT_ENCODING
      : EXIT.CONFIG;

export async function revealCommand(
  argv: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'key-file': { type: 'string' },
      policy: { type: 'string' },
      role: { type: 'string' },
      'mask-report': { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      'output-encoding': { type: 'string' },
      'on-error': { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${REVEAL_HELP}\n`);
    return EXIT.OK;
  }
  const format = values.format ?? 'auto';
  if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of auto, ${FORMATS.join(', ')}`);
  }
  const encoding = parseEncodingName(values.encoding ?? 'auto');
  if (encoding === undefined) throw new UsageError('--encoding must be auto, utf-8, shift_jis, cp932 or euc-jp');
  const outputEncoding =
    values['output-encoding'] === undefined ? undefined : parseEncodingName(values['output-encoding']);
  if (outputEncoding === 'auto' || (values['output-encoding'] !== undefined && outputEncoding === undefined)) {
    throw new UsageError('--output-encoding must be utf-8, shift_jis, cp932 or euc-jp');
  }
  const onError = values['on-error'] ?? 'fail';
  if (onError !== 'fail' && onError !== 'skip') throw new UsageError('--on-error must be fail or skip');
  if (values.role !== undefined && values.policy === undefined) throw new UsageError('--role needs --policy');
  if (values.out !== undefined && values.out === values.in) throw new UsageError('--out must not be the --in file');

  // Key, policy and mask report are checked before any input is read or output opened.
  const keys = keyRing(values['key-file']);
  const policy = values.policy === undefined ? undefined : loadPolicy(values.policy);
  const role =
    values.role ?? (policy !== undefined && Object.hasOwn(policy.roles, policy.name) ? policy.name : undefined);
  if (policy !== undefined && role !== undefined && !Object.hasOwn(policy.roles, role)) {
    throw new UsageError(`policy '${policy.name}' has no role '${role}'`);
  }
  const plan = policy === undefined ? undefined : compilePolicy(policy, role, { keys });
  const reported = values['mask-report'] === undefined ? undefined : decisionsFromMaskReport(values['mask-report']);

  const input = await openInput({
    path: values.in,
    stdin: io.stdin,
    encoding,
    format: format as InputFormat | 'auto',
  });
  let out: OutputSink | undefined;
  try {
    const source = await openRecords(input);
    const decisions = reported ?? decideFields(sampleForDecisions(source));
    const revealer = createRevealer({ plan, decisions, keys, onError });
    const outEncoding = outputEncoding ?? input.encoding;
    out = await openOutput(values.out, io.stdout);
    if (input.bom && outEncoding === 'utf-8') await out.write(new Uint8Array([0xef, 0xbb, 0xbf]));
    const json = source.spec.format === 'json' || source.spec.format === 'ndjson';
    for await (const batch of source.batches()) {
      // JSON member numbers are leaves for kamen mask (an fpe My Number written as a number): the same here.
      const lifted = json ? liftJsonNumbers(batch) : undefined;
      applyTransform(batch, revealer.hooks);
      if (lifted !== undefined) lowerJsonNumbers(batch, lifted);
      await out.write(encodeText(encodeRecords(source.spec, batch), outEncoding));
    }
    await out.commit();
    io.stderr.write(summary(revealer.stats));
    if (values.report !== undefined) {
      const sink = await openOutput(values.report, io.stdout);
      await sink.write(Buffer.from(`${JSON.stringify(revealer.stats, null, 2)}\n`));
      await sink.commit();
    }
    return EXIT.OK;
  } catch (err) {
    await out?.abort();
    if ((err as NodeJS.ErrnoException)?.code === 'EPIPE') return EXIT.OK;
    if (!(err instanceof KamenError)) throw err;
    io.stderr.write(`kamen: ${err.code}: ${err.message}\n`);
    return exitFor(err.code);
  } finally {
    await input.close();
  }
}
