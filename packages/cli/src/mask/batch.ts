import {
  KamenError,
  applyTransform,
  encodeRecords,
  liftJsonNumbers,
  lowerJsonNumbers,
  type FormatSpec,
  type RecordUnit,
} from '@kamen/core';
import { encodeText, type TextEncodingName } from '../io/index.js';
import type { Masker } from './masker.js';

/**
 * Masks one batch in place and returns its output bytes. Used inline and in workers alike, so both give the same
 * bytes. A character the output encoding lacks fails the batch, naming the first record that holds one.
 */
export function maskBatch(
  records: RecordUnit[],
  spec: FormatSpec,
  masker: Masker,
  encoding: TextEncodingName,
): Uint8Array {
  maskRecords(records, spec, masker);
  if (encoding === 'utf-8') {
    const out = new Utf8Output();
    out.add(spec, records);
    const direct = out.finish();
    if (direct !== undefined) return direct;
  }
  const text = encodeRecords(spec, records);
  try {
    return encodeText(text, encoding);
  } catch (err) {
    if (!(err instanceof KamenError) || err.code !== 'KAMEN_ERR_OUTPUT_ENCODING') throw err;
    for (const r of records) encodeText(encodeRecords(spec, [r]), encoding, r.record);
    throw err;
  }
}

/** Masks records in place (JSON numbers lifted to leaves and put back). */
export function maskRecords(records: RecordUnit[], spec: FormatSpec, masker: Masker): void {
  const json = spec.format === 'json' || spec.format === 'ndjson';
  const lifted = json ? liftJsonNumbers(records) : undefined;
  applyTransform(records, masker.hooks);
  if (lifted !== undefined) lowerJsonNumbers(records, lifted);
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
const SCRATCH_SIZE = 1 << 20;
/** A batch's output above this size gets a scratch buffer of its own that is not kept for the next batch. */
const SCRATCH_KEEP = 4 << 20;
// Reused by every batch of the thread (maskBatch is synchronous): encoded output, copied out at the end.
let scratch = Buffer.allocUnsafe(SCRATCH_SIZE);

/**
 * A batch's UTF-8 bytes, added record by record into the scratch buffer. Concatenating a batch's records into one
 * string and encoding that costs about twice as much CPU (V8 first flattens a rope of thousands of pieces). Bytes
 * that hold U+FFFD give undefined: a lone surrogate (the whole text decides whether it pairs across records, and
 * encodeText fails closed on one) or a real U+FFFD, both left to the whole-text path, which gives the same bytes.
 * One at a time per thread (they share the scratch buffer), added to and finished synchronously.
 */
export class Utf8Output {
  private buf = scratch;
  private at = 0;
  private readonly one: RecordUnit[] = [];

  add(spec: FormatSpec, records: readonly RecordUnit[]): void {
    for (const r of records) {
      this.one[0] = r;
      const s = encodeRecords(spec, this.one);
      // A UTF-16 unit takes at most 3 bytes (a surrogate pair, two units, takes 4): write never cuts a character.
      const need = this.at + s.length * 3;
      if (need > this.buf.length) {
        const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
        this.buf.copy(grown, 0, 0, this.at);
        this.buf = grown;
      }
      this.at += this.buf.write(s, this.at);
    }
  }

  /** The bytes in a buffer of their own, or undefined when they hold U+FFFD. */
  finish(): Uint8Array | undefined {
    if (this.buf.length <= SCRATCH_KEEP) scratch = this.buf;
    const bytes = this.buf.subarray(0, this.at);
    if (bytes.indexOf(REPLACEMENT) >= 0) return undefined;
    // Its own ArrayBuffer, exactly the output's size: a worker transfers it (see ownBuffer).
    const out = Buffer.allocUnsafeSlow(this.at);
    bytes.copy(out);
    return out;
  }
}

/** A fresh ArrayBuffer holding exactly `bytes`: small Buffers share Node's pool, which must never be transferred. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    !(bytes.buffer instanceof SharedArrayBuffer)
    ? bytes
    : new Uint8Array(bytes);
}
