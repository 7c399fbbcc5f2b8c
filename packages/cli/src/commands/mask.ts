import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { keyRingFromEnv, loadKeyRing, loadPolicy, type Policy } from '@kamen/core';
import { EXIT } from '../exit-codes.js';
import { openInput, openOutput, openRecords, removeTempFilesSync, type SkippedRecord } from '../io/index.js';
import { openSlices } from '../io/slice-source.js';
import { slicesInput, type SliceFormat } from '../io/slices.js';
import { sampleForDecisions, sampleValues } from '../mask/decide.js';
import { planOf, type JobKey, type MaskJob, type MaskSetup } from '../mask/job.js';
import { INLINE_BYTES, defaultWorkers, parseMaskArgs } from '../mask/options.js';
import { createProgress } from '../mask/progress.js';
import { buildReport, formatSummary, reportedFields } from '../mask/report.js';
import { createMaskRunner, type MaskRunner } from '../mask/run.js';
import { OTHER_FIELDS } from '../mask/stats.js';

export const MASK_HELP = `kamen mask [--in FILE] [--out FILE] [--format auto|csv|tsv|xml|json|ndjson|text]
           [--policy NAME|FILE] [--role ROLE] [--key-file FILE]
           [--encoding auto|utf-8|shift_jis|cp932|euc-jp] [--output-encoding utf-8|shift_jis|cp932|euc-jp]
           [--workers auto|N] [--batch N] [--on-error fail|skip] [--report FILE]

Masks a CSV, TSV, XML, JSON, NDJSON or text file as a stream (stdin to stdout by default), any size.
Columns, JSON paths and XML elements are classified once from their names and the first records' values;
typed fields get the policy's operator for their type, other strings are scanned for PII as free text.

  --in FILE            input (default stdin)
  --out FILE           output, written atomically: a temp file in the same folder, renamed when complete
                       (default stdout)
  --format F           default auto: from the --in extension, else sniffed from the first bytes
  --policy NAME|FILE   built-in policy (support, migration, analytics, admin) or a policy YAML (default support)
  --role ROLE          role in the policy (default: the role named like the policy; an unknown role gets the
                       policy's most restrictive role, with a warning)
  --key-file FILE      key file (kamen keygen); else the KAMEN_KEY variable; else a throw-away key for this
                       run only (said on stderr: pseudonyms then differ between runs and cannot be revealed)
  --encoding E         input encoding (default auto: BOM, valid UTF-8, else Shift_JIS/CP932 vs EUC-JP);
                       invalid bytes are an error, never replaced
  --output-encoding E  default: the input's; a UTF-8 BOM is kept. Surrogates are chosen to fit the encoding;
                       any other character it cannot hold is an error naming the record
  --workers N          worker threads (default auto: the main thread for inputs under 16 MB, else one per core
                       for CSV/TSV/NDJSON/text and UTF-8/EUC-JP XML, cores - 1 for JSON and Shift_JIS XML);
                       0 = main thread
  --batch N            records per batch, the unit of work of a worker (default 4000; a batch also closes
                       after 64 KiB (CSV/TSV/NDJSON/text/XML) or 64 Ki characters (JSON) of input)
  --on-error skip      drop malformed CSV/TSV rows and NDJSON lines (counted, never written); default fail
  --report FILE        write the run's report (JSON): counts per type and column, decisions, timing

A summary goes to stderr at the end; a progress line too while stderr is a terminal.
Exit codes: 0 ok, 2 usage, 3 malformed input, 4 policy/key, 5 file I/O, 6 output encoding, 7 masking failed,
130/143 interrupted. See docs/cli.md.`;

interface MaskIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function keyFor(
  keyFile: string | undefined,
  stderr: NodeJS.WritableStream,
): { key: JobKey; kind: 'key-file' | 'KAMEN_KEY' | 'ephemeral' } {
  if (keyFile !== undefined) {
    loadKeyRing(keyFile); // permission and format checks (KM-07) with file-named errors
    return { key: { kind: 'text', text: readFileSync(keyFile, 'utf8') }, kind: 'key-file' };
  }
  const env = process.env.KAMEN_KEY;
  if (env !== undefined && env !== '') {
    keyRingFromEnv('KAMEN_KEY'); // validates and removes it from the environment
    return { key: { kind: 'text', text: env }, kind: 'KAMEN_KEY' };
  }
  stderr.write(
    'kamen: no key (--key-file or KAMEN_KEY): using a throw-away key; pseudonyms are consistent within this run only\n',
  );
  return { key: { kind: 'raw', key: new Uint8Array(randomBytes(32)) }, kind: 'ephemeral' };
}

function roleFor(policy: Policy, asked: string | undefined, stderr: NodeJS.WritableStream): string | undefined {
  if (asked !== undefined) {
    if (!Object.hasOwn(policy.roles, asked))
      stderr.write(
        `kamen: policy '${policy.name}' has no role '${asked}'; using its most restrictive role '${policy.mostRestrictive}'\n`,
      );
    return asked;
  }
  return Object.hasOwn(policy.roles, policy.name) ? policy.name : policy.mostRestrictive;
}

export async function maskCommand(argv: string[], io: MaskIo): Promise<number> {
  const opts = parseMaskArgs(argv);
  if (opts.help) {
    io.stdout.write(`${MASK_HELP}\n`);
    return EXIT.OK;
  }
  const started = performance.now();
  const policy = loadPolicy(opts.policy);
  const role = roleFor(policy, opts.role, io.stderr);
  const { key, kind } = keyFor(opts.keyFile, io.stderr);
  const skipped: SkippedRecord[] = [];
  let skippedCount = 0;
  const input = await openInput({ path: opts.in, stdin: io.stdin, encoding: opts.encoding, format: opts.format });
  const onSignal = (signal: NodeJS.Signals): void => {
    removeTempFilesSync();
    process.exit(signal === 'SIGINT' ? EXIT.INTERRUPTED : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = createProgress(io.stderr, () => input.bytesRead, input.size);
  let out: Awaited<ReturnType<typeof openOutput>> | undefined;
  let runner: MaskRunner | undefined;
  try {
    const setup: MaskSetup = { policy, role, key, outputEncoding: opts.outputEncoding ?? input.encoding };
    // Compiles in the main thread first: a bad policy or key fails before any worker. Only the policy and key: the
    // rules load where text is scanned (with workers, only there).
    const plan = planOf(setup);
    const small = input.small || (input.size !== undefined && input.size < INLINE_BYTES);
    // Workers start now and load the rules while the input is sampled and its fields decided.
    const sliceable = opts.onError === 'fail' && slicesInput(input.format, input.encoding, input.head);
    runner = createMaskRunner(setup, opts.workers ?? (small ? 0 : defaultWorkers(sliceable)));
    // With workers, line-based formats and XML go to them as raw slices of whole records (the main thread only finds record
    // ends); --on-error skip resynchronises in one decoder, so it decodes here.
    const source =
      runner.workers > 0 && sliceable
        ? await openSlices(input, { format: input.format as SliceFormat, sliceRecords: opts.batch })
        : await openRecords(input, {
            batchRecords: opts.batch,
            declareEncoding: opts.outputEncoding ?? input.encoding,
            onError: opts.onError,
            onSkip: (s) => {
              skippedCount++;
              if (skipped.length < 1000) skipped.push(s);
            },
          });
    const decisions = await runner.decide(sampleValues(sampleForDecisions(source)));
    const job: MaskJob = { ...setup, decisions, spec: source.spec };
    out = await openOutput(opts.out, io.stdout);
    const stats = await runner.run({ source, job, out, onProgress: (n) => progress.update(n) });
    await out.commit();
    progress.done();
    // Field names are masked like free text before they are printed (a JSON key can be personal data).
    const names = reportedFields(stats, job.decisions).filter((name) => name !== OTHER_FIELDS);
    const masked = await runner.safeNames(names);
    const safe = new Map(names.map((name, i) => [name, masked[i]]));
    const report = buildReport(
      {
        input: {
          name: input.name,
          format: input.format,
          encoding: input.encoding,
          bom: input.bom,
          bytes: input.bytesRead,
        },
        output: { name: opts.out ?? '<stdout>', encoding: job.outputEncoding },
        policy: policy.name,
        role: plan.role,
        key: kind,
        workers: runner.workers,
        skipped: skippedCount,
        skippedRecords: skipped,
        seconds: (performance.now() - started) / 1000,
      },
      stats,
      job.decisions,
      (field) => {
        const name = safe.get(field);
        if (name === undefined) throw new Error('kamen: a field name was not made safe to print');
        return name;
      },
    );
    io.stderr.write(formatSummary(report));
    if (opts.report !== undefined) {
      const sink = await openOutput(opts.report, io.stdout);
      await sink.write(Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
      await sink.commit();
    }
    return EXIT.OK;
  } catch (err) {
    progress.done();
    await out?.abort();
    throw err;
  } finally {
    await runner?.close();
    await input.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
