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
  const json = spec.format === 'json' || spec.format === 'ndjson';
  const lifted = json ? liftJsonNumbers(records) : undefined;
  applyTransform(records, masker.hooks);
  if (lifted !== undefined) lowerJsonNumbers(records, lifted);
  const direct = encoding === 'utf-8' ? utf8Records(spec, records) : undefined;
  if (direct !== undefined) return direct;
  const text = encodeRecords(spec, records);
  try {
    return encodeText(text, encoding);
  } catch (err) {
    if (!(err instanceof KamenError) || err.code !== 'KAMEN_ERR_OUTPUT_ENCODING') throw err;
    for (const r of records) encodeText(encodeRecords(spec, [r]), encoding, r.record);
    throw err;
  }
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
const SCRATCH_SIZE = 1 << 20;
/** A batch's output above this size gets a scratch buffer of its own that is not kept for the next batch. */
const SCRATCH_KEEP = 4 << 20;
// Reused by every batch of the thread (maskBatch is synchronous): encoded output, copied out at the end.
let scratch = Buffer.allocUnsafe(SCRATCH_SIZE);

/**
 * The UTF-8 bytes of the batch, record by record into the scratch buffer. Concatenating a batch's records into one
 * string and encoding that costs about twice as much CPU (V8 first flattens a rope of thousands of pieces). Bytes
 * that hold U+FFFD give undefined: a lone surrogate (the whole text decides whether it pairs across records, and
 * encodeText fails closed on one) or a real U+FFFD, both left to the whole-text path, which gives the same bytes.
 */
function utf8Records(spec: FormatSpec, records: readonly RecordUnit[]): Uint8Array | undefined {
  let buf = scratch;
  let at = 0;
  const one: RecordUnit[] = [];
  for (const r of records) {
    one[0] = r;
    const s = encodeRecords(spec, one);
    // A UTF-16 unit takes at most 3 bytes (a surrogate pair, two units, takes 4): write never cuts a character.
    const need = at + s.length * 3;
    if (need > buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, buf.length * 2));
      buf.copy(grown, 0, 0, at);
      buf = grown;
    }
    at += buf.write(s, at);
  }
  if (buf.length <= SCRATCH_KEEP) scratch = buf;
  const bytes = buf.subarray(0, at);
  if (bytes.indexOf(REPLACEMENT) >= 0) return undefined;
  // Its own ArrayBuffer, exactly the output's size: a worker transfers it (see ownBuffer).
  const out = Buffer.allocUnsafeSlow(at);
  bytes.copy(out);
  return out;
}

/** A fresh ArrayBuffer holding exactly `bytes`: small Buffers share Node's pool, which must never be transferred. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    !(bytes.buffer instanceof SharedArrayBuffer)
    ? bytes
    : new Uint8Array(bytes);
}
