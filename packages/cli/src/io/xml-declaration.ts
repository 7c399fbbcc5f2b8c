import type { RecordUnit } from '@kamen/core';
import type { TextEncodingName } from './encoding.js';

/** The names XML declarations use for kamen's encodings (IANA charset names). */
const XML_NAMES: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  shift_jis: 'Shift_JIS',
  cp932: 'Windows-31J',
  'euc-jp': 'EUC-JP',
};

const DECLARATION = /^<\?xml\s[^?]*\?>/u;
const ENCODING_ATTR = /(\sencoding\s*=\s*)(["'])[^"']*\2/u;
const VERSION_ATTR = /(\sversion\s*=\s*(["'])[^"']*\2)/u;

/**
 * When XML is written in another encoding than it was read in, its declaration must say so, or parsers decode the
 * output wrongly: the `encoding` pseudo-attribute of the declaration (the first record's leading piece) is set to
 * the output encoding, or added after `version`. Only the declaration changes; everything else stays verbatim.
 */
export function retargetXmlDeclaration(unit: RecordUnit, encoding: TextEncodingName): void {
  const first = unit.pieces[0];
  if (first === undefined) return;
  const decl = DECLARATION.exec(first)?.[0];
  if (decl === undefined) return;
  const name = XML_NAMES[encoding];
  const updated = ENCODING_ATTR.test(decl)
    ? decl.replace(ENCODING_ATTR, (_m, pre: string, q: string) => `${pre}${q}${name}${q}`)
    : decl.replace(VERSION_ATTR, (_m, version: string, q: string) => `${version} encoding=${q}${name}${q}`);
  unit.pieces[0] = updated + first.slice(decl.length);
}
