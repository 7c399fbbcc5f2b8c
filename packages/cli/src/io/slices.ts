import { DEFAULT_LIMITS } from '@kamen/core';
import { kamenError } from './errors.js';
import type { TextEncodingName } from './encoding.js';
import type { InputFormat } from './format.js';

/**
 * A run of whole records of the input, as raw bytes: what a worker decodes, masks and encodes by itself, so the
 * main thread only looks for record ends (a byte scan) instead of decoding every record for the workers.
 */
export interface Slice {
  /** Owned bytes (a whole ArrayBuffer of their own): moved to the worker, not copied. */
  readonly bytes: Uint8Array;
  /** Bytes of the input before this slice. */
  readonly offset: number;
  /** Line feeds of the input before this slice (its first line is line lines + 1). */
  readonly lines: number;
  /** XML: where in the document the slice starts and ends (xml-slices.ts). */
  readonly xml?: XmlSliceState;
}

/** Where an XML slice sits in the document: what its decoder resumes from and checks at its end. */
export interface XmlSliceState {
  /** Elements open at the slice's first byte, the root first ([] for the first slice). */
  readonly open: readonly string[];
  /** Column (UTF-16 units, 1-based) of the slice's first character on its line. */
  readonly column: number;
  /** Elements open at its end (right after a record's end); absent for the input's last slice. */
  readonly next?: readonly string[];
}

/** Formats cut into raw slices: records ending at a line feed (CSV/TSV: outside quotes), and XML (xml-slices.ts). */
export type SliceFormat = Extract<InputFormat, 'csv' | 'tsv' | 'ndjson' | 'text' | 'xml'>;

export interface SliceOptions {
  readonly format: Exclude<SliceFormat, 'xml'>;
  /**
   * A slice closes at the first record end after this many bytes… (default 64 KiB: a worker's live records of one
   * slice then fit its young generation (2 MiB semi-spaces, mask/run.ts) and die there. With 256 KiB slices in that
   * young generation a worker used ~10 % more CPU on 10 MB of NDJSON (records promoted); 64 KiB slices cost what
   * 256 KiB slices with 8 MiB semi-spaces did, within run-to-run spread, at ~16 MiB less RSS per worker.)
   */
  readonly sliceBytes?: number;
  /** …or after this many records, whichever comes first (default 4000). */
  readonly sliceRecords?: number;
  /**
   * Bytes without a record end after which the input is rejected (default: 3 × the codecs' longest record, in
   * UTF-16 units, so every record the codecs accept fits): memory stays bounded on a quote that never closes.
   */
  readonly maxRecordBytes?: number;
  /** For messages. */
  readonly file?: string;
}

const LF = 0x0a;
const QUOTE = 0x22;

/**
 * Whether workers can take this input as raw slices: line-based inputs (endsRecordsAtLineFeeds), and XML in UTF-8
 * or EUC-JP, whose byte scan is exact (a Shift_JIS/CP932 trail byte can be ']', faking a ']]>' in CDATA).
 */
export function slicesInput(format: InputFormat, encoding: TextEncodingName, head: Uint8Array): format is SliceFormat {
  if (format === 'xml') return encoding === 'utf-8' || encoding === 'euc-jp';
  return endsRecordsAtLineFeeds(format, head);
}

/** Whether every record end of this input is a line feed: CSV/TSV whose first row ends in LF or CRLF, not CR alone. */
export function endsRecordsAtLineFeeds(format: InputFormat, head: Uint8Array): format is Exclude<SliceFormat, 'xml'> {
  if (format === 'ndjson' || format === 'text') return true;
  if (format !== 'csv' && format !== 'tsv') return false;
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted && b === LF) return true;
    else if (!quoted && b === 0x0d) return i + 1 < head.length && head[i + 1] === LF;
  }
  return false; // no record end in the head: one long record, or CR endings further on; decode it as a stream
}

/**
 * Cuts a byte stream into slices that end right after a record end. Shift_JIS, CP932, EUC-JP and UTF-8 never use
 * 0x0A or 0x22 inside a multibyte character, so the byte scan is exact in every input encoding; a CSV quote toggles
 * the state (a doubled quote toggles twice). Malformed quoting can only move a cut inside the slice that holds the
 * malformed record, whose decoding then fails first: results are delivered in order.
 */
export async function* sliceRecords(input: AsyncIterable<Uint8Array>, options: SliceOptions): AsyncGenerator<Slice> {
  const sliceBytes = options.sliceBytes ?? 64 * 1024;
  const sliceRecords = options.sliceRecords ?? 4000;
  const maxRecordBytes = options.maxRecordBytes ?? 3 * DEFAULT_LIMITS.maxStringLength;
  const csv = options.format === 'csv' || options.format === 'tsv';
  const file = options.file;
  let parts: Uint8Array[] = []; // bytes after the last cut, in arrival order
  let partBytes = 0;
  let records = 0; // record ends since the last cut
  let quoted = false;
  let tail = 0; // bytes since the last record end
  let offset = 0;
  let lines = 0;

  const cut = (last: Uint8Array, end: number): Slice => {
    parts.push(last.subarray(0, end));
    const bytes = concatBytes(parts, partBytes + end);
    const slice: Slice = { bytes, offset, lines };
    offset += bytes.length;
    for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) lines++;
    parts = [];
    partBytes = 0;
    records = 0;
    return slice;
  };

  for await (const chunk of input) {
    let buf = chunk;
    let pos = 0; // scanned up to here
    let q = csv ? buf.indexOf(QUOTE) : -1;
    let n = buf.indexOf(LF);
    let lastEnd = -1; // in buf
    for (;;) {
      if (quoted) {
        if (q < 0) break;
        quoted = false;
        pos = q + 1;
        q = buf.indexOf(QUOTE, pos);
        if (n >= 0 && n < pos) n = buf.indexOf(LF, pos); // line feeds inside the quotes end no record
        continue;
      }
      if (q >= 0 && (n < 0 || q < n)) {
        quoted = true;
        pos = q + 1;
        q = buf.indexOf(QUOTE, pos);
        continue;
      }
      if (n < 0) break;
      // A record end.
      pos = n + 1;
      lastEnd = pos;
      records++;
      if (partBytes + pos >= sliceBytes || records >= sliceRecords) {
        yield cut(buf, pos);
        buf = buf.subarray(pos);
        q = q >= 0 ? q - pos : -1;
        pos = 0;
        lastEnd = 0;
        n = buf.indexOf(LF);
      } else n = buf.indexOf(LF, pos);
    }
    if (buf.length > 0) {
      parts.push(buf);
      partBytes += buf.length;
    }
    tail = lastEnd >= 0 ? buf.length - lastEnd : tail + buf.length;
    if (tail > maxRecordBytes) {
      throw kamenError(
        'KAMEN_ERR_INPUT_LIMIT',
        `record length exceeds the limit of ${DEFAULT_LIMITS.maxStringLength}`,
        {
          ...(file !== undefined ? { file } : {}),
          line: lines + 1 + linesBeforeTail(parts, tail),
        },
      );
    }
  }
  if (partBytes > 0) yield cut(new Uint8Array(0), 0);
}

/** `parts` copied into one owned buffer of `total` bytes (their sum): a slice's bytes, moved to a worker whole. */
export function concatBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/** Line feeds in `parts` before their last `tail` bytes (the record that never ended starts there). */
function linesBeforeTail(parts: readonly Uint8Array[], tail: number): number {
  let total = 0;
  for (const p of parts) total += p.length;
  const before = total - tail;
  let n = 0;
  let at = 0;
  for (const p of parts) {
    const end = Math.min(p.length, before - at);
    for (let i = p.indexOf(LF); i >= 0 && i < end; i = p.indexOf(LF, i + 1)) n++;
    at += p.length;
    if (at >= before) break;
  }
  return n;
}
