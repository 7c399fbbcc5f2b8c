import { applyTransform } from './apply.js';
import { encodeRecords } from './encode.js';
import type { RecordDecoder, TextCodec, FormatTransform } from './types.js';

/**
 * Text in, text out: decode → transform → encode, record by record. Output for a record is returned as soon as the
 * record is complete, so memory stays bounded by the record size, not the input size.
 * @internal
 */
export function textCodec(decoder: RecordDecoder, transform: FormatTransform): TextCodec {
  let failed = false;
  const run = (step: () => ReturnType<RecordDecoder['write']>): string => {
    // After a failure the codec stays failed: no output can follow a rejected record (fail closed).
    if (failed) throw new Error('kamen codec: used after an error');
    try {
      const units = step();
      if (units.length === 0) return '';
      applyTransform(units, transform);
      return encodeRecords(decoder.spec, units);
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  return {
    write: (chunk) => run(() => decoder.write(chunk)),
    end: () => run(() => decoder.end()),
  };
}
