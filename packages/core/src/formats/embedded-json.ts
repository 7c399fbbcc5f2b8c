import { applyTransform } from './apply.js';
import { encodeRecords } from './encode.js';
import { createJsonDecoder } from './json-codec.js';
import { lowerJsonNumbers, type LiftedNumbers } from './json-numbers.js';
import type { FormatLimits } from './limits.js';
import type { FormatTransform, Leaf, RecordDecoder, RecordUnit, TextCodec } from './types.js';

/** A JSON document decoded into leaves and the verbatim pieces around them (`pieces.length === leaves.length + 1`). */
export interface EmbeddedJson {
  readonly pieces: string[];
  readonly leaves: Leaf[];
}

/**
 * Decodes a JSON document embedded in another format (an SSE data line, an HTML `<script type=application/json>`)
 * into one flat piece/leaf sequence with leaves numbered as `record`. Returns undefined when the text is not one
 * valid JSON document: the caller then treats it as text.
 */
export function decodeEmbeddedJson(text: string, record: number, limits: FormatLimits): EmbeddedJson | undefined {
  const decoder = createJsonDecoder(limits);
  let units;
  try {
    units = [...decoder.write(text), ...decoder.end()];
  } catch {
    return undefined;
  }
  const pieces: string[] = [''];
  const leaves: Leaf[] = [];
  for (const unit of units) {
    pieces[pieces.length - 1] += unit.pieces[0] as string;
    unit.leaves.forEach((leaf, i) => {
      leaves.push({ ...leaf, record });
      pieces.push(unit.pieces[i + 1] as string);
    });
  }
  return { pieces, leaves };
}

/** `window.__DATA__ = `, `var state = `, `const x=` before a JSON object or array: the start of a data script. */
const ASSIGNMENT = /^\s*(?:(?:var|let|const)\s+)?[A-Z_$][\w$]*(?:\s*\.\s*[A-Z_$][\w$]*)*\s*=\s*(?=[[{])/iu;

/**
 * Decodes an inline script that only assigns one JSON document (`window.__STATE__ = {...};`, as server-rendered
 * pages embed their data) like a JSON script: its members get JSON paths, so they are masked by field name like a
 * JSON body, numbers included. Returns undefined for any other script (then scanned as code).
 */
export function decodeJsAssignment(script: string, record: number, limits: FormatLimits): EmbeddedJson | undefined {
  const prefix = ASSIGNMENT.exec(script)?.[0];
  if (prefix === undefined) return undefined;
  let end = script.trimEnd().length;
  if (script[end - 1] === ';') end = script.slice(0, end - 1).trimEnd().length;
  const json = decodeEmbeddedJson(script.slice(prefix.length, end), record, limits);
  if (json === undefined) return undefined;
  json.pieces[0] = prefix + (json.pieces[0] as string);
  json.pieces[json.pieces.length - 1] += script.slice(end);
  return json;
}

/**
 * Text codec over a decoder whose JSON numbers take part in masking: `lift` returns the numbers lifted into leaves
 * (liftJsonNumbers — or the map the decoder filled while decoding embedded JSON); after the transform they are lowered
 * back (lowerJsonNumbers), so an unchanged or still numeric result is written as a number and anything else as a JSON
 * string. `apply` runs the transform (default applyTransform; SSE wraps it to clean changed ids). Shared by the HTML,
 * SSE and the proxy's JSON/NDJSON codecs. After an error the codec stays failed: nothing can follow a rejected record.
 * @public
 */
export function codecWithJsonNumbers(
  decoder: RecordDecoder,
  lift: (units: RecordUnit[]) => LiftedNumbers,
  transform: FormatTransform,
  apply: (units: RecordUnit[], transform: FormatTransform) => void = applyTransform,
): TextCodec {
  let failed = false;
  const run = (step: () => RecordUnit[]): string => {
    if (failed) throw new Error('kamen codec: used after an error');
    let lifted: LiftedNumbers | undefined;
    try {
      const units = step();
      lifted = lift(units);
      if (units.length === 0) return '';
      apply(units, transform);
      lowerJsonNumbers(units, lifted);
      return encodeRecords(decoder.spec, units);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      lifted?.clear();
    }
  };
  return { write: (chunk) => run(() => decoder.write(chunk)), end: () => run(() => decoder.end()) };
}
