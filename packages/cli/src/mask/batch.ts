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
  const text = encodeRecords(spec, records);
  try {
    return encodeText(text, encoding);
  } catch (err) {
    if (!(err instanceof KamenError) || err.code !== 'KAMEN_ERR_OUTPUT_ENCODING') throw err;
    for (const r of records) encodeText(encodeRecords(spec, [r]), encoding, r.record);
    throw err;
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
