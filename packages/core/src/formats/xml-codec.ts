import { textCodec } from './codec.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { RecordBuilder } from './record-builder.js';
import { XmlTokenizer } from './xml-tokenizer.js';
import type { RecordDecoder, TextCodec, FormatTransform } from './types.js';

/** Options of the XML codec. */
export interface XmlCodecOptions extends FormatLimits {
  /** Depth of the elements that form records; default 1 (each child of the root element). */
  readonly recordDepth?: number;
}

/**
 * Incremental XML decoder: text, attribute values, CDATA and comments become leaves (references decoded);
 * markup, processing instructions and the XML declaration are kept verbatim. Any DOCTYPE is rejected.
 * Malformed input throws KAMEN_ERR_INPUT_XML with line and column.
 * @public
 */
export function createXmlDecoder(options: XmlCodecOptions = {}): RecordDecoder {
  const limits = resolveLimits(options);
  const builder = new RecordBuilder(options.recordDepth ?? 1, limits.recordChars);
  const tokenizer = new XmlTokenizer(builder, limits);
  return {
    spec: { format: 'xml' },
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

/** Streaming XML codec (see createXmlDecoder); output values are re-escaped. @public */
export function createXmlCodec(options: XmlCodecOptions, transform: FormatTransform): TextCodec {
  return textCodec(createXmlDecoder(options), transform);
}
