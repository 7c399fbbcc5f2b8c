import { encodeCsvRecord } from './csv-encode.js';
import { encodeHtmlLeaf } from './html-encode.js';
import { encodeXmlLeaf } from './xml-encode.js';
import type { FormatSpec, RecordUnit } from './types.js';

// Anything JSON.stringify would escape or might treat specially (quotes, backslashes, controls, surrogates).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const JSON_SPECIAL = /["\\\0-\x1F\uD800-\uDFFF]/;

/** JSON.stringify for strings, with a fast path for the common case of nothing to escape. */
function jsonString(value: string): string {
  return JSON_SPECIAL.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** A leaf decoded from embedded JSON (SSE data, HTML JSON scripts): its path is a JSON path. */
function isJsonLeaf(unit: RecordUnit, i: number): boolean {
  return (unit.leaves[i] as { path: string }).path.startsWith('$');
}

function encodeWith(unit: RecordUnit, enc: (value: string, index: number) => string): string {
  const { pieces, leaves } = unit;
  let out = pieces[0] as string;
  for (let i = 0; i < leaves.length; i++) out += enc((leaves[i] as { value: string }).value, i) + pieces[i + 1];
  return out;
}

/** Encodes one record of a stream described by `spec`. */
export function encodeRecord(spec: FormatSpec, unit: RecordUnit): string {
  switch (spec.format) {
    case 'json':
    case 'ndjson':
      // Re-serialised, never patched (EN-01): JSON.stringify escapes exactly what JSON requires.
      return encodeWith(unit, jsonString);
    case 'xml':
      return encodeWith(unit, (v, i) => encodeXmlLeaf(v, unit, i));
    case 'text':
      return encodeWith(unit, (v) => v);
    case 'csv':
      return encodeCsvRecord(spec, unit);
    case 'sse':
      // JSON leaves of data lines are re-serialised; a text leaf can never start a new line (field injection).
      return encodeWith(unit, (v, i) => (isJsonLeaf(unit, i) ? jsonString(v) : v.replace(/[\r\n]/g, ' ')));
    case 'html':
      return encodeWith(unit, (v, i) => encodeHtmlLeaf(v, unit, i));
  }
}

/**
 * Encodes records in order; the output of a stream is the concatenation over all its records.
 * @public
 */
export function encodeRecords(spec: FormatSpec, units: readonly RecordUnit[]): string {
  let out = '';
  for (const unit of units) out += encodeRecord(spec, unit);
  return out;
}
