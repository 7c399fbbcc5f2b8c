import type { RecordUnit } from '@kamen/core';
import type { TextEncodingName } from '../io/index.js';
import { Utf8Output, maskBatch, maskRecords } from './batch.js';
import type { Masker } from './masker.js';
import { decodeSlice, sliceDecoder, sliceText, type SliceAt, type SliceStream } from './slice.js';

/**
 * Characters of a slice decoded, masked and encoded at a time. A worker's young generation is small (run.ts): a whole
 * 256 KiB slice decoded at once (~1,000 HR rows of leaves, values and pieces, a few MB) outlives several scavenges and
 * is promoted, so the old generation's collector (with its marking threads) ends up collecting every record; the
 * records of a part die young.
 */
export const PART_CHARS = 16 * 1024;

/** A slice's output bytes and the number of records it decoded. */
export interface MaskedSlice {
  readonly bytes: Uint8Array;
  readonly units: number;
}

/**
 * Decodes, masks and encodes a slice: what maskBatch(decodeSlice(…)) gives, bytes, record count and the masker's
 * counts alike, or the error it throws. UTF-8 output goes part by part, cut after a line feed (the decoders are
 * incremental: any cut gives the same records); anything else, and any part-wise run that fails or whose bytes hold
 * U+FFFD, is done again whole from the slice's bytes, with the counts of the part-wise run dropped.
 */
export function maskSlice(
  stream: SliceStream,
  at: SliceAt,
  masker: Masker,
  encoding: TextEncodingName,
  partChars = PART_CHARS,
): MaskedSlice {
  if (encoding === 'utf-8') {
    let done: MaskedSlice | undefined;
    try {
      done = maskInParts(stream, at, masker, partChars);
    } catch {
      // The whole-slice run below throws the error a run without parts throws (decoding errors before masking).
      done = undefined;
    }
    if (done !== undefined) return done;
    masker.take();
  }
  const records = decodeSlice(stream, at);
  return { bytes: maskBatch(records, stream.spec, masker, encoding), units: records.length };
}

function maskInParts(stream: SliceStream, at: SliceAt, masker: Masker, partChars: number): MaskedSlice | undefined {
  const text = sliceText(stream, at);
  const decoder = sliceDecoder(stream, at);
  const out = new Utf8Output();
  let units = 0;
  const part = (records: RecordUnit[]): void => {
    maskRecords(records, stream.spec, masker);
    out.add(stream.spec, records);
    units += records.length;
  };
  for (let from = 0; from < text.length;) {
    const lf = text.indexOf('\n', from + partChars);
    const to = lf < 0 ? text.length : lf + 1;
    part(decoder.write(text.slice(from, to)));
    from = to;
  }
  part(decoder.end());
  const bytes = out.finish();
  return bytes === undefined ? undefined : { bytes, units };
}
