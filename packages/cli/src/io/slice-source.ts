import { KamenError, type FormatSpec, type RecordUnit } from '@kamen/core';
import { createByteDecoder } from './encoding.js';
import { createDecoderFor } from './format.js';
import type { OpenedInput } from './input.js';
import { located, withContext } from './records.js';
import { sliceRecords, type SliceFormat } from './slices.js';
import { sliceXml, type SliceItem } from './xml-slices.js';

/** An input cut into raw slices of whole records, with the first records decoded here for classification. */
export interface SliceSource {
  readonly input: OpenedInput;
  readonly format: SliceFormat;
  readonly spec: FormatSpec;
  /** CSV/TSV column names (the header row), else []. */
  readonly columns: readonly string[];
  /** CSV/TSV: how the header row ended (`\n` or `\r\n`); else `\n`. */
  readonly recordDelimiter: string;
  /** The first records (header row included for CSV), decoded in this thread: their slices are still sent. */
  readonly sample: readonly RecordUnit[];
  /**
   * Every slice in order, the sampled ones first; iterate once. XML can turn into batches decoded here (see
   * sliceXml). An error thrown with a record number counts records from the end of the last item yielded.
   */
  slices(): AsyncIterable<SliceItem>;
}

export interface SliceSourceOptions {
  readonly format: SliceFormat;
  readonly sampleRecords?: number;
  readonly sampleChars?: number;
  readonly sliceRecords?: number;
  readonly sliceBytes?: number;
}

/**
 * Reads and decodes slices until the sample is complete (for CSV: and the header row and a data row were seen, so
 * the column names are known). Decoding them from the input's first byte, as one stream, gives the sample exactly
 * the records, errors and spec a whole-file decoder would.
 */
export async function openSlices(input: OpenedInput, options: SliceSourceOptions): Promise<SliceSource> {
  const sampleRecords = options.sampleRecords ?? 1000;
  const sampleChars = options.sampleChars ?? 1024 * 1024;
  const csv = options.format === 'csv' || options.format === 'tsv';
  const sizes = {
    ...(options.sliceBytes !== undefined ? { sliceBytes: options.sliceBytes } : {}),
    ...(options.sliceRecords !== undefined ? { sliceRecords: options.sliceRecords } : {}),
  };
  const iterator = (options.format === 'xml' ? xmlSlices(input, sizes) : lineSlices(input, options.format, sizes))[
    Symbol.asyncIterator
  ]();
  const bytes = createByteDecoder(input.encoding, input.name);
  const decoder = createDecoderFor(options.format);
  const held: SliceItem[] = [];
  const sample: RecordUnit[] = [];
  let chars = 0;
  let done = false;
  let decoded = true; // the sample decoder has seen every byte of the items held (no batch decoded elsewhere yet)
  const hasData = (): boolean => sample.some((u) => u.record > 0 && u.leaves.length > 0);
  const relative = <T>(step: () => Promise<T>): Promise<T> =>
    step().catch((err: unknown) => {
      // The iterator counts records from its last item; the sample holds every record of the items before.
      if (!(err instanceof KamenError) || err.context.record === undefined) throw err;
      throw withContext(err, { ...err.context, record: err.context.record + sample.length });
    });
  while (!done && ((sample.length < sampleRecords && chars < sampleChars) || (csv && !hasData()))) {
    const next = await relative(() => iterator.next());
    if (next.done === true) {
      done = true;
      if (!decoded) break;
      const rest = bytes.end();
      sample.push(...located(() => [...decoder.write(rest), ...decoder.end()], input.name));
      break;
    }
    const item = next.value;
    held.push(item);
    if ('records' in item) {
      decoded = false;
      for (const u of item.records) {
        sample.push({ ...u, record: sample.length });
        for (const p of u.pieces) chars += p.length;
      }
      continue;
    }
    const text = bytes.write(item.bytes);
    chars += text.length;
    for (const u of located(() => decoder.write(text), input.name)) sample.push(u);
  }
  const header = sample[0];
  const firstData = sample.find((u) => u.record > 0 && u.leaves.length > 0);
  const ending = csv && header !== undefined ? /\r?\n$/u.exec(header.pieces[0] ?? '')?.[0] : undefined;
  let consumed = false;
  return {
    input,
    format: options.format,
    spec: decoder.spec,
    columns: csv ? (firstData?.leaves.map((l) => l.path) ?? []) : [],
    recordDelimiter: ending ?? '\n',
    sample: sample.slice(0, sampleRecords),
    async *slices() {
      if (consumed) throw new Error('kamen: slices read twice');
      consumed = true;
      yield* held.splice(0);
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    },
  };
}

interface Sizes {
  readonly sliceBytes?: number;
  readonly sliceRecords?: number;
}

function lineSlices(input: OpenedInput, format: Exclude<SliceFormat, 'xml'>, sizes: Sizes): AsyncIterable<SliceItem> {
  return sliceRecords(input.bytes(), { format, file: input.name, ...sizes });
}

function xmlSlices(input: OpenedInput, sizes: Sizes): AsyncIterable<SliceItem> {
  const encoding = input.encoding;
  if (encoding !== 'utf-8' && encoding !== 'euc-jp') throw new Error(`kamen: XML in ${encoding} is not sliced`);
  return sliceXml(input.bytes(), { encoding, file: input.name, ...sizes });
}
