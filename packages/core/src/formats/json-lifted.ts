import { applyTransform } from './apply.js';
import { JSON_NUMBER, type LiftedNumbers } from './json-numbers.js';
import { JsonTokenizer, type JsonMode } from './json-tokenizer.js';
import { resolveLimits } from './limits.js';
import type { JsonCodecOptions } from './json-codec.js';
import { RecordBuilder } from './record-builder.js';
import type { FormatTransform, Leaf, RecordUnit, TextCodec } from './types.js';

// Anything JSON.stringify would escape or might treat specially (quotes, backslashes, controls, surrogates).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
export const JSON_SPECIAL = /["\\\0-\x1F\uD800-\uDFFF]/;

/**
 * lowerJsonNumbers followed by encodeRecords, in one pass: the same text, without rebuilding the records' arrays. A
 * lifted leaf's entry leaves `lifted` as it is written, so the map keeps only the numbers of records still being
 * decoded. The text is built by concatenation (a rope V8 flattens once, when the caller writes it out): on the
 * proxy's 20 KB page that cost ~2/3 of an array join of its ~2,500 pieces.
 */
export function encodeJsonWithNumbers(units: readonly RecordUnit[], lifted: LiftedNumbers): string {
  let out = '';
  for (const unit of units) {
    const { pieces, leaves } = unit;
    out += pieces[0] as string;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i] as Leaf;
      const value = leaf.value;
      const original = lifted.size === 0 ? undefined : lifted.get(leaf);
      if (original !== undefined) lifted.delete(leaf);
      // As lowerJsonNumbers: an unchanged or still numeric number is written bare, anything else as a JSON string.
      if (original !== undefined && (value === original || JSON_NUMBER.test(value))) out += value;
      else if (JSON_SPECIAL.test(value)) out += JSON.stringify(value);
      else {
        out += '"';
        out += value;
        out += '"';
      }
      out += pieces[i + 1] as string;
    }
  }
  return out;
}

/**
 * A JSON or NDJSON codec whose numbers take part in masking: codecWithJsonNumbers over liftJsonNumbers, byte for
 * byte, but the tokenizer makes the numbers leaves as it reads them (no second walk over every record's text) and
 * lowering is part of encoding. Records, leaves, paths and output are the same (test/core/formats/json-lifted.spec.ts,
 * with the other path as the oracle). After an error the codec stays failed.
 * @public
 */
export function createJsonNumbersCodec(
  options: JsonCodecOptions,
  transform: FormatTransform,
  mode: JsonMode = 'json',
): TextCodec {
  const limits = resolveLimits(options);
  const lifted: LiftedNumbers = new Map();
  // As createJsonDecoder / createNdjsonDecoder: NDJSON records end at line ends (depth -1).
  const depth = mode === 'json' ? options.recordDepth : undefined;
  const builder = new RecordBuilder(mode === 'json' ? (depth ?? 0) : -1, limits.recordChars);
  const tokenizer = new JsonTokenizer(builder, limits, mode, depth, 1, lifted);
  let failed = false;
  const run = (step: () => void): string => {
    if (failed) throw new Error('kamen codec: used after an error');
    try {
      step();
      const units = builder.take();
      if (units.length === 0) return '';
      applyTransform(units, transform);
      return encodeJsonWithNumbers(units, lifted);
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  return { write: (chunk) => run(() => tokenizer.write(chunk)), end: () => run(() => tokenizer.end()) };
}
