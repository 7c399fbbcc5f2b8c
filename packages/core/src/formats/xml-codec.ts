import { textCodec } from './codec.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { RecordBuilder } from './record-builder.js';
import { XmlTokenizer } from './xml-tokenizer.js';
import type { RecordDecoder, TextCodec, FormatTransform } from './types.js';

/** Options of the XML codec. */
export interface XmlCodecOptions extends FormatLimits {
  /** Depth of the elements that form records; default 1 (each child of the root element). */
  readonly recordDepth?: number;
  /** The text starts mid-document, right after a record's end (a slice of a file, decoded by itself). */
  readonly resume?: XmlResume;
  /**
   * The document continues after this text, which ends right after a record's end with these elements open (the
   * root first): end() checks that instead of the end-of-document rules (unclosed elements, missing root).
   */
  readonly continues?: readonly string[];
}

/** Where a slice of an XML document starts (see XmlCodecOptions.resume). @public */
export interface XmlResume {
  /** Names of the elements open at the slice's first character, the root first (at least the root). */
  readonly open: readonly string[];
  /** 1-based line and column (UTF-16 units) of that character in the whole document. */
  readonly line: number;
  readonly column: number;
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
  const { resume, continues } = options;
  if (resume !== undefined) tokenizer.resumeAt(resume.open, resume.line, resume.column);
  return {
    spec: { format: 'xml' },
    write(chunk) {
      tokenizer.write(chunk);
      return builder.take();
    },
    end() {
      if (continues !== undefined) tokenizer.endPart(continues);
      else tokenizer.end();
      return builder.take();
    },
  };
}

/** Streaming XML codec (see createXmlDecoder); output values are re-escaped. @public */
export function createXmlCodec(options: XmlCodecOptions, transform: FormatTransform): TextCodec {
  return textCodec(createXmlDecoder(options), transform);
}
