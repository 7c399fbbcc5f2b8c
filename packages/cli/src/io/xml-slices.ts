import iconv from 'iconv-lite';
import { KamenError, createXmlDecoder, type RecordUnit } from '@kamen/core';
import { createByteDecoder, type TextEncodingName } from './encoding.js';
import { located, withContext } from './records.js';
import { concatBytes, type Slice } from './slices.js';
import { XmlRecordScanner } from './xml-scan.js';

/** Records decoded in this thread (an XML record too long to slice, and everything after it), numbered from 0. */
export interface RecordBatch {
  readonly records: RecordUnit[];
}

/** What the slice iterators yield: raw slices, or for XML after a very long record, decoded batches. */
export type SliceItem = Slice | RecordBatch;

export interface XmlSliceOptions {
  readonly encoding: Extract<TextEncodingName, 'utf-8' | 'euc-jp'>;
  readonly file: string;
  /** Elements of this depth end records (core's XML codec, default 1: the root's children). */
  readonly recordDepth?: number;
  readonly sliceBytes?: number;
  readonly sliceRecords?: number;
  /**
   * Bytes without a record end after which this thread decodes the rest itself (default 4 MiB): a huge element at
   * the record depth (all records wrapped in one container) is cut by core's RecordBuilder where its children repeat,
   * a decision that needs the decoded sizes; decoding it here keeps the whole-input records and bounds memory.
   */
  readonly switchBytes?: number;
  /** Batches of that decoding close at this many records or input characters. */
  readonly batchRecords?: number;
  readonly batchChars?: number;
}

const LF = 0x0a;
const READ_BYTES = 64 * 1024;

/** UTF-16 units in bytes that hold whole characters (the input's encoding). */
function units(bytes: Uint8Array, from: number, encoding: XmlSliceOptions['encoding']): number {
  let n = 0;
  if (encoding === 'utf-8') {
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1; // a lead byte; 4-byte characters are surrogate pairs
    }
    return n;
  }
  for (let i = from; i < bytes.length; n++) {
    const b = bytes[i] as number;
    i += b < 0x80 ? 1 : b === 0x8f ? 3 : b === 0x8e || (b >= 0xa1 && b <= 0xfe) ? 2 : 1;
  }
  return n;
}

/**
 * Cuts XML bytes into slices that end right after a record's end, each with what a worker needs to decode it alone
 * (core's XmlCodecOptions resume / continues): the elements open at its start and end and the column it starts at.
 * The last slice (possibly empty) has no `next`: its decoder runs every end-of-document check. The prelude is in
 * the first slice; the root's end tag and anything after it in the last.
 */
export async function* sliceXml(input: AsyncIterable<Uint8Array>, options: XmlSliceOptions): AsyncGenerator<SliceItem> {
  const sliceBytes = options.sliceBytes ?? 64 * 1024;
  const sliceRecords = options.sliceRecords ?? 4000;
  const switchBytes = options.switchBytes ?? 4 * 1024 * 1024;
  const { encoding } = options;
  // Names as the workers' byte decoders read them (invalid bytes fail there, in the slice that holds them).
  const utf8 = new TextDecoder('utf-8');
  const decodeName = (b: Uint8Array): string =>
    encoding === 'utf-8' ? utf8.decode(b) : iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), encoding);
  const scanner = new XmlRecordScanner(options.recordDepth ?? 1, decodeName);
  const iterator = input[Symbol.asyncIterator]();
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let records = 0;
  let lastEnd = 0; // in the pending bytes (parts, then buf): the last record end, 0 when it is the last cut
  let offset = 0;
  let lines = 0;
  let column = 1;
  let open: string[] = [];

  const cut = (bytes: Uint8Array, next: string[] | undefined): Slice => {
    const slice: Slice = { bytes, offset, lines, xml: { open, column, ...(next !== undefined ? { next } : {}) } };
    let lf = -1;
    for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) {
      lines++;
      lf = i;
    }
    // Columns count UTF-16 units after the last line feed; a BOM is no text (the byte decoder drops it).
    const bom = offset === 0 && encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    column = lf >= 0 ? 1 + units(bytes, lf + 1, encoding) : column + units(bytes, bom ? 3 : 0, encoding);
    offset += bytes.length;
    if (next !== undefined) open = next;
    records = 0;
    return slice;
  };

  for (;;) {
    const step = await iterator.next();
    if (step.done === true) break;
    let buf = step.value;
    let pos = 0;
    for (;;) {
      const end = scanner.scan(buf, pos);
      if (end < 0) break;
      pos = end;
      lastEnd = partBytes + end;
      records++;
      if (partBytes + pos >= sliceBytes || records >= sliceRecords) {
        parts.push(buf.subarray(0, pos));
        yield cut(concatBytes(parts, partBytes + pos), scanner.open());
        parts = [];
        partBytes = 0;
        lastEnd = 0;
        buf = buf.subarray(pos);
        pos = 0;
      }
    }
    if (buf.length > 0) {
      parts.push(buf);
      partBytes += buf.length;
    }
    if (partBytes - lastEnd > switchBytes) {
      const pending = concatBytes(parts, partBytes);
      if (lastEnd > 0) yield cut(pending.slice(0, lastEnd), scanner.open());
      yield* decodeRest(pending.subarray(lastEnd), iterator, { offset, lines, column, open }, options);
      return;
    }
  }
  yield cut(concatBytes(parts, partBytes), undefined);
}

interface At {
  readonly offset: number;
  readonly lines: number;
  readonly column: number;
  readonly open: readonly string[];
}

/**
 * Decodes the rest of the input here, from a record's end (or the input's start), as one whole-input decode would
 * from there. Batches are numbered from 0 each, and a decoding error counts records from the end of the last batch
 * yielded: whoever consumes them knows how many records came before.
 */
async function* decodeRest(
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  at: At,
  options: XmlSliceOptions,
): AsyncGenerator<RecordBatch> {
  const batchRecords = options.batchRecords ?? 4000;
  const batchChars = options.batchChars ?? 64 * 1024;
  const file = options.file;
  const bytes = createByteDecoder(options.encoding, file, { offset: at.offset, lines: at.lines });
  const decoder = createXmlDecoder(
    at.offset === 0 ? {} : { resume: { open: at.open, line: at.lines + 1, column: at.column } },
  );
  let pending: RecordUnit[] = [];
  let chars = 0;
  let yielded = 0;
  const relative = (step: () => RecordUnit[]): RecordUnit[] => {
    try {
      return located(step, file);
    } catch (err) {
      if (!(err instanceof KamenError) || err.context.record === undefined) throw err;
      throw withContext(err, { ...err.context, record: err.context.record - yielded });
    }
  };
  const take = (): RecordBatch => {
    const records = pending;
    pending = [];
    chars = 0;
    const base = yielded;
    for (const u of records) renumber(u, base);
    yielded += records.length;
    return { records };
  };
  // The bytes held when the switch came (megabytes) go in read-sized parts, so batches close as often as later.
  const parts = (function* () {
    for (let at = 0; at < first.length; at += READ_BYTES) yield first.subarray(at, at + READ_BYTES);
  })();
  for (;;) {
    const held = parts.next();
    const step = held.done === true ? await rest.next() : held;
    if (step.done === true) break;
    const text = bytes.write(step.value);
    chars += text.length;
    for (const u of relative(() => decoder.write(text))) pending.push(u);
    // Never an empty batch: the first record of the first one may hold the declaration (mask/run.ts retargets it).
    if (pending.length > 0 && (pending.length >= batchRecords || chars >= batchChars)) yield take();
  }
  const tail = bytes.end();
  for (const u of relative(() => [...decoder.write(tail), ...decoder.end()])) pending.push(u);
  if (pending.length > 0) yield take();
}

/** Record numbers from the batch's first record (a worker's errors name them so; the main thread adds the rest). */
function renumber(unit: RecordUnit, base: number): void {
  const record = unit.record - base;
  (unit as { record: number }).record = record;
  for (const leaf of unit.leaves) (leaf as { record: number }).record = record;
}
