import { encodeJsString } from './js-strings.js';
import type { RecordUnit } from './types.js';

const TEXT = /[&<>]/g;
const ATTR = /[&<>"']/g;
const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Encodes one HTML leaf for its context: text and RCDATA escaped, attribute values escaped for a quoted value,
 * comments kept from closing early, JSON inside scripts re-serialised with `<` as \u003c, JS string contents escaped
 * for any quote (never `</script>`).
 */
export function encodeHtmlLeaf(value: string, unit: RecordUnit, i: number): string {
  const leaf = unit.leaves[i] as { kind: string; path: string };
  switch (leaf.kind) {
    case 'text':
      return value.replace(TEXT, (c) => ESC[c] as string);
    case 'attribute':
      return value.replace(ATTR, (c) => ESC[c] as string);
    case 'comment':
      return value.replace(/--(!?)>/g, '-- $1>').replace(/<\/(script)/gi, '<\\/$1');
    default:
      if (leaf.path.startsWith('$')) return JSON.stringify(value).replace(/</g, '\\u003c');
      return encodeJsString(value);
  }
}
