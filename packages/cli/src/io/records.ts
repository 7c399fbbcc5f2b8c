import { KamenError, type ErrorContext, type FormatSpec, type RecordDecoder, type RecordUnit } from '@kamen/core';
import type { TextEncodingName } from './encoding.js';
import { createDecoderFor } from './format.js';
import type { OpenedInput } from './input.js';
import { createResyncDecoder, type SkippedRecord } from './resync.js';
import { retargetXmlDeclaration } from './xml-declaration.js';

export interface RecordOptions {
  /** Records read ahead before the stream is handed out, for classification (default 1000). */
  readonly sampleRecords?: number;
  /** …or this many characters, whichever comes first (default 1 Mi). */
  readonly sampleChars?: number;
  /** A batch closes at this many records (default 4000)… */
  readonly batchRecords?: number;
  /**
   * …or after this many input characters (default 64 Ki: smaller live batches in the main thread and the workers,
   * whose records of one batch then die in their young generation (mask/run.ts). A batch closes only between the
   * input's chunks (64 KiB, input.ts), so both bound it. 30 MB XML, 2 workers: peak RSS ~325 MB with 256 Ki and
   * 1 MiB chunks (8 MiB semi-spaces), see bench/README.md "RSS work of 2026-12-01" for the new numbers.)
   */
  readonly batchChars?: number;
  /** 'skip': drop malformed CSV rows / NDJSON lines (counted, never written); other formats still fail. */
  readonly onError?: 'fail' | 'skip';
  /** Called for every skipped record (error code and location, never its content). */
  readonly onSkip?: (skipped: SkippedRecord) => void;
  /** XML written in another encoding: the declaration is made to name this one (retargetXmlDeclaration). */
  readonly declareEncoding?: TextEncodingName;
}

/** Records of one input: the sample read ahead, then every record (the sample included) in batches. */
export interface RecordSource {
  readonly input: OpenedInput;
  /** How to encode these records: final (the CSV delimiter is known once the first record was read). */
  readonly spec: FormatSpec;
  /** CSV/TSV column names in order (from the first data row), else []. */
  readonly columns: readonly string[];
  /** The first records (header row included for CSV), for classification; they are also yielded by batches(). */
  readonly sample: readonly RecordUnit[];
  /** Every record in order, in batches of thousands; iterate once. Throws a KamenError on malformed input. */
  batches(): AsyncIterable<RecordUnit[]>;
}

/** Reads ahead the sample and returns the record source. */
export async function openRecords(input: OpenedInput, options: RecordOptions = {}): Promise<RecordSource> {
  const sampleRecords = options.sampleRecords ?? 1000;
  const sampleChars = options.sampleChars ?? 1024 * 1024;
  const batchRecords = options.batchRecords ?? 4000;
  const batchChars = options.batchChars ?? 64 * 1024;
  const decoder: RecordDecoder =
    options.onError === 'skip' && (input.format === 'csv' || input.format === 'tsv' || input.format === 'ndjson')
      ? createResyncDecoder(input.format, options.onSkip ?? (() => undefined))
      : createDecoderFor(input.format);
  const text = input.text()[Symbol.asyncIterator]();
  const pending: RecordUnit[] = [];
  let pendingChars = 0;
  let done = false;

  const pull = async (): Promise<number> => {
    const next = await text.next();
    if (next.done === true) {
      done = true;
      pending.push(...located(() => decoder.end(), input.name));
      return 0;
    }
    const units = located(() => decoder.write(next.value), input.name);
    for (const u of units) pending.push(u);
    pendingChars += next.value.length;
    return next.value.length;
  };

  let sampleCharsRead = 0;
  while (!done && pending.length < sampleRecords && sampleCharsRead < sampleChars) sampleCharsRead += await pull();
  const first = pending[0];
  if (first !== undefined && input.format === 'xml' && options.declareEncoding !== undefined) {
    if (options.declareEncoding !== input.encoding) retargetXmlDeclaration(first, options.declareEncoding);
  }
  const sample = pending.slice(0, sampleRecords);
  const firstData = sample.find((u) => u.leaves.length > 0 && u.record > 0);
  const columns = input.format === 'csv' || input.format === 'tsv' ? (firstData?.leaves.map((l) => l.path) ?? []) : [];
  let consumed = false;

  return {
    input,
    get spec() {
      return decoder.spec;
    },
    columns,
    sample,
    async *batches() {
      if (consumed) throw new Error('kamen: records read twice');
      consumed = true;
      for (;;) {
        while (!done && pending.length < batchRecords && pendingChars < batchChars) await pull();
        if (pending.length === 0 && done) return;
        const batch = pending.splice(0, batchRecords);
        pendingChars = 0; // records left over already fill the next batch
        yield batch;
      }
    },
  };
}

/** Codec errors know line and column but not the file: add it, so the message reads `(file:line:column, record n)`. */
export function located(step: () => RecordUnit[], file: string): RecordUnit[] {
  try {
    return step();
  } catch (err) {
    if (!(err instanceof KamenError) || err.context.file !== undefined) throw err;
    throw withContext(err, { ...err.context, file });
  }
}

/**
 * The same error with another context (a file added, a record number made absolute): KamenError appends its
 * context to the message, so the old suffix comes off before the new one is added.
 */
export function withContext(
  err: { readonly code: string; readonly message: string; readonly context: ErrorContext },
  context: ErrorContext,
): KamenError {
  const suffix = new KamenError(err.code, '', err.context).message;
  const base = suffix !== '' && err.message.endsWith(suffix) ? err.message.slice(0, -suffix.length) : err.message;
  return new KamenError(err.code, base, context, err instanceof Error ? { cause: err } : undefined);
}
