import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from '../commands/detect.js';
import { FORMATS, parseEncodingName, type InputFormat, type TextEncodingName } from '../io/index.js';

export interface MaskOptions {
  readonly format: InputFormat | 'auto';
  readonly policy: string;
  readonly role: string | undefined;
  readonly keyFile: string | undefined;
  readonly in: string | undefined;
  readonly out: string | undefined;
  readonly encoding: TextEncodingName | 'auto';
  readonly outputEncoding: TextEncodingName | undefined;
  /** undefined: automatic (main thread for small inputs, else defaultWorkers). */
  readonly workers: number | undefined;
  readonly report: string | undefined;
  readonly onError: 'fail' | 'skip';
  /** Records per batch (one worker task); default 4000. */
  readonly batch: number;
  readonly help: boolean;
}

/**
 * Inputs below this size are masked in the main thread. Measured on a 2-core box (HR CSV, support policy): a worker
 * needs about 2.3 s of CPU to start (rules, dictionaries, policy) and masks about 2 MB/s, so a pool only pays off
 * beyond roughly 10-15 MB.
 */
export const INLINE_BYTES = 16 * 1024 * 1024;

/**
 * Workers when not told: one per core when the input goes to them as raw slices (the main thread then only scans
 * bytes for record ends: CSV/TSV, NDJSON, text, UTF-8/EUC-JP XML), else cores − 1 (the main thread decodes every
 * record for them: JSON, Shift_JIS/CP932 XML, --on-error skip).
 */
export const defaultWorkers = (slices: boolean): number =>
  slices ? availableParallelism() : Math.max(1, availableParallelism() - 1);

export function parseMaskArgs(argv: string[]): MaskOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      policy: { type: 'string' },
      role: { type: 'string' },
      'key-file': { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      encoding: { type: 'string' },
      'output-encoding': { type: 'string' },
      workers: { type: 'string' },
      report: { type: 'string' },
      'on-error': { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const format = (values.format ?? 'auto').toLowerCase();
  if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of auto, ${FORMATS.join(', ')}`);
  const encoding = parseEncodingName(values.encoding ?? 'auto');
  if (encoding === undefined) throw new UsageError('--encoding must be auto, utf-8, shift_jis, cp932 or euc-jp');
  const outputEncoding =
    values['output-encoding'] === undefined ? undefined : parseEncodingName(values['output-encoding']);
  if (outputEncoding === 'auto' || (values['output-encoding'] !== undefined && outputEncoding === undefined))
    throw new UsageError('--output-encoding must be utf-8, shift_jis, cp932 or euc-jp');
  let workers: number | undefined;
  if (values.workers !== undefined && values.workers !== 'auto') {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 256)
      throw new UsageError('--workers must be auto or an integer from 0 (main thread) to 256');
  }
  const onError = values['on-error'] ?? 'fail';
  if (onError !== 'fail' && onError !== 'skip') throw new UsageError('--on-error must be fail or skip');
  const batch = Number(values.batch ?? 4000);
  if (!Number.isInteger(batch) || batch < 1 || batch > 1_000_000)
    throw new UsageError('--batch must be an integer from 1 to 1000000');
  if (values.out !== undefined && values.in !== undefined && values.out === values.in)
    throw new UsageError('--out must not be the --in file');
  return {
    format: format as InputFormat | 'auto',
    policy: values.policy ?? 'support',
    role: values.role,
    keyFile: values['key-file'],
    in: values.in,
    out: values.out,
    encoding,
    outputEncoding,
    workers,
    report: values.report,
    onError,
    batch,
    help: values.help ?? false,
  };
}
