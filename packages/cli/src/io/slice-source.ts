import type { FormatSpec, RecordUnit } from '@kamen/core';
import { createByteDecoder } from './encoding.js';
import { createDecoderFor } from './format.js';
import type { OpenedInput } from './input.js';
import { located } from './records.js';
import { sliceRecords, type Slice, type SliceFormat } from './slices.js';

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
  /** Every slice in order, the sampled ones first; iterate once. */
  slices(): AsyncIterable<Slice>;
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
  const iterator = sliceRecords(input.bytes(), {
    format: options.format,
    file: input.name,
    ...(options.sliceBytes !== undefined ? { sliceBytes: options.sliceBytes } : {}),
    ...(options.sliceRecords !== undefined ? { sliceRecords: options.sliceRecords } : {}),
  })[Symbol.asyncIterator]();
  const bytes = createByteDecoder(input.encoding, input.name);
  const decoder = createDecoderFor(options.format);
  const held: Slice[] = [];
  const sample: RecordUnit[] = [];
  let chars = 0;
  let done = false;
  const hasData = (): boolean => sample.some((u) => u.record > 0 && u.leaves.length > 0);
  while (!done && ((sample.length < sampleRecords && chars < sampleChars) || (csv && !hasData()))) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      const rest = bytes.end();
      sample.push(...located(() => [...decoder.write(rest), ...decoder.end()], input.name));
      break;
    }
    held.push(next.value);
    const text = bytes.write(next.value.bytes);
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
