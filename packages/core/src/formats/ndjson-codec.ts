import { textCodec } from './codec.js';
import { JsonTokenizer } from './json-tokenizer.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { RecordBuilder } from './record-builder.js';
import type { RecordDecoder, TextCodec, FormatTransform } from './types.js';

/** Options of the NDJSON decoder. */
export interface NdjsonDecoderOptions extends FormatLimits {
  /**
   * Line number of the input's first line (default 1). Above 1 the input is a slice starting at a line boundary
   * mid-stream (a worker's share of a file): messages name lines of the file, and a leading U+FEFF is not a BOM.
   */
  readonly firstLine?: number;
}

/**
 * Incremental NDJSON decoder: one JSON value per line, one record per line. Blank lines and line ends (`\n` or
 * `\r\n`) are kept verbatim; a value spanning two lines or two values on one line is an error with its line number.
 * @public
 */
export function createNdjsonDecoder(options: NdjsonDecoderOptions = {}): RecordDecoder {
  const limits = resolveLimits(options);
  // Depth -1: records end at line ends, not at values (a long line is still split at its children).
  const builder = new RecordBuilder(-1, limits.recordChars);
  const tokenizer = new JsonTokenizer(builder, limits, 'ndjson', undefined, options.firstLine);
  return {
    spec: { format: 'ndjson' },
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

/** Streaming NDJSON codec (see createNdjsonDecoder). @public */
export function createNdjsonCodec(options: FormatLimits, transform: FormatTransform): TextCodec {
  return textCodec(createNdjsonDecoder(options), transform);
}
