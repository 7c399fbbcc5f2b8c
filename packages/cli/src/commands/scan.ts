import { parseArgs } from 'node:util';
import { loadPolicy, suggestPolicy } from '@kamen/core';
import { EXIT } from '../exit-codes.js';
import { FORMATS, openOutput, parseEncodingName, type InputFormat, type OutputSink } from '../io/index.js';
import { availableParallelism } from 'node:os';
import { INLINE_BYTES } from '../mask/options.js';
import { htmlReport } from '../scan/html-report.js';
import { piiFields } from '../scan/report.js';
import { runScan } from '../scan/run-scan.js';
import { UsageError } from './detect.js';

export const SCAN_HELP = `kamen scan [--in FILE] [--format FORMAT] [--encoding ENC] [--report FILE.json] [--html FILE.html]
           [--suggest-policy FILE.yaml] [--base-policy NAME|FILE] [--sample N] [--max-records N] [--workers auto|N]

Profiles an input without changing it: for every CSV column, JSON field ($.employees[*].tel), XML path
(/r/e/@id) and free-text field it reports what classifyField makes of the name and a sample of the values (type,
confidence), the PII types detected in the values with counts and scores, the share of values holding PII, and a
few examples masked with the built-in support policy (values without PII only by their shape: 漢漢 999-9999).
No raw input value is ever written.

  --in FILE              input file (default: stdin)
  --format FORMAT        csv | tsv | xml | json | ndjson | text | auto (default: from the file extension, else sniffed)
  --encoding ENC         auto | utf-8 | shift_jis | cp932 | euc-jp (default auto; invalid bytes are an error)
  --report FILE.json     write the JSON report to FILE instead of stdout
  --html FILE.html       also write a self-contained HTML report (inline CSS and SVG charts, no script)
  --suggest-policy FILE  also write a policy: the base policy plus a field override per classified field, every
                         role (check it with 'kamen policy validate FILE', use it with 'kamen mask --policy FILE')
  --base-policy P        the policy the suggestion builds on (built-in name or file; default support)
  --sample N             values per field sampled for classification and examples (default 100)
  --max-records N        stop after N records (default: read the whole input)
  --workers N            detection threads (default auto: the main thread for inputs under 4 MB, else one per
                         core: the main thread only keeps counts); 0 = main thread. The report is the same.

Files are written atomically (temp file, fsync, rename). A one-line summary goes to stderr.
Exit codes: 0 done, 2 usage, 3 malformed input or invalid bytes, 4 bad base policy, 5 I/O.`;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer`);
  return n;
}

async function writeFile(path: string, text: string, stdout: NodeJS.WritableStream): Promise<void> {
  const out: OutputSink = await openOutput(path, stdout);
  try {
    await out.write(Buffer.from(text, 'utf8'));
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
}

export async function scanCommand(
  argv: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      report: { type: 'string' },
      html: { type: 'string' },
      'suggest-policy': { type: 'string' },
      'base-policy': { type: 'string' },
      sample: { type: 'string' },
      'max-records': { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${SCAN_HELP}\n`);
    return EXIT.OK;
  }
  const format = values.format ?? 'auto';
  if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of auto, ${FORMATS.join(', ')}`);
  }
  const encoding = values.encoding === undefined ? 'auto' : parseEncodingName(values.encoding);
  if (encoding === undefined) throw new UsageError('--encoding must be auto, utf-8, shift_jis, cp932 or euc-jp');
  const sample = positiveInt('--sample', values.sample) ?? 100;
  const maxRecords = positiveInt('--max-records', values['max-records']);
  let workers: number | undefined;
  if (values.workers !== undefined && values.workers !== 'auto') {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 256)
      throw new UsageError('--workers must be auto or an integer from 0 (main thread) to 256');
  }
  // Load the base policy before reading anything: a bad policy fails fast (exit 4).
  const base = values['suggest-policy'] !== undefined ? loadPolicy(values['base-policy'] ?? 'support') : undefined;
  const report = await runScan({
    path: values.in,
    stdin: io.stdin,
    format: format as InputFormat | 'auto',
    encoding,
    sample,
    maxRecords,
    workers: (size, small) =>
      workers ?? (small || (size !== undefined && size < INLINE_BYTES) ? 0 : availableParallelism()),
  });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (values.report !== undefined) await writeFile(values.report, json, io.stdout);
  if (values.html !== undefined) await writeFile(values.html, htmlReport(report), io.stdout);
  if (base !== undefined && values['suggest-policy'] !== undefined) {
    await writeFile(values['suggest-policy'], suggestPolicy(report, { base }), io.stdout);
  }
  if (values.report === undefined) {
    const out = await openOutput(undefined, io.stdout);
    await out.write(Buffer.from(json, 'utf8'));
    await out.commit();
  }
  io.stderr.write(
    `kamen: scanned ${report.records} records (${report.input.format}, ${report.input.encoding}): ${report.fields.length} fields, ${piiFields(report)} with PII${report.truncated ? ' (stopped at --max-records)' : ''}, ${(report.elapsedMs / 1000).toFixed(1)} s\n`,
  );
  return EXIT.OK;
}
