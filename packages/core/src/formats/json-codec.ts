import { textCodec } from './codec.js';
import { JsonTokenizer } from './json-tokenizer.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { RecordBuilder } from './record-builder.js';
import type { RecordDecoder, TextCodec, FormatTransform } from './types.js';

/** Options of the JSON and NDJSON codecs. */
export interface JsonCodecOptions extends FormatLimits {
  /**
   * Depth of the values that form records (0 = the top-level value). Default: each element of an array reached
   * through objects only (a top-level array, `$.employees`, `$.data.items`), and the whole document when there is
   * no such array. Large records are split further either way (docs/formats.md).
   */
  readonly recordDepth?: number;
}

/**
 * Incremental JSON decoder: strict RFC 8259, constant memory for any document size.
 * Malformed input throws KAMEN_ERR_INPUT_JSON with line, column and JSON path; limits throw KAMEN_ERR_INPUT_LIMIT.
 * @public
 */
export function createJsonDecoder(options: JsonCodecOptions = {}): RecordDecoder {
  const limits = resolveLimits(options);
  const builder = new RecordBuilder(options.recordDepth ?? 0, limits.recordChars);
  const tokenizer = new JsonTokenizer(builder, limits, 'json', options.recordDepth);
  return {
    spec: { format: 'json' },
    write(chunk) {
      tokenizer.write(chunk);
      return builder.take();
    },
    end() {
      tokenizer.end();
      return builder.take();
    },
  };
}

/**
 * Streaming JSON codec: every string value and key is decoded, given to the transform and re-serialised.
 * Numbers, literals, punctuation and whitespace are copied verbatim.
 * @public
 */
export function createJsonCodec(options: JsonCodecOptions, transform: FormatTransform): TextCodec {
  return textCodec(createJsonDecoder(options), transform);
}
