import type { RecordUnit } from './types.js';

// Characters XML 1.0 cannot carry at all, even escaped: a transform that produces one gets U+FFFD instead, so the
// output always parses.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\0-\x08\v\f\x0E-\x1F\uFFFE\uFFFF]/g;
const TEXT_SPECIALS = /[&<>]/g;
const ATTR_DQ_SPECIALS = /[&<"\t\n\r]/g;
const ATTR_SQ_SPECIALS = /[&<'\t\n\r]/g;

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const entity = (ch: string): string => ENTITY[ch] as string;

function clean(value: string): string {
  INVALID_XML_CHARS.lastIndex = 0;
  return INVALID_XML_CHARS.test(value) ? value.replace(INVALID_XML_CHARS, '\uFFFD') : value;
}

/** Text content: `&`, `<` and `>` as entities; line ends stay raw (they were raw in the input). */
export function escapeXmlText(value: string): string {
  return clean(value).replace(TEXT_SPECIALS, entity);
}

/** An attribute value inside `quote`: that quote, `&`, `<` and tab/CR/LF as references (so they survive normalisation). */
export function escapeXmlAttribute(value: string, quote: '"' | "'"): string {
  return clean(value).replace(quote === '"' ? ATTR_DQ_SPECIALS : ATTR_SQ_SPECIALS, entity);
}

/** Encodes leaf `index` of an XML record; the quote of an attribute is the last character of the piece before it. */
export function encodeXmlLeaf(value: string, unit: RecordUnit, index: number): string {
  const leaf = unit.leaves[index];
  switch (leaf?.kind) {
    case 'attribute':
      return escapeXmlAttribute(value, (unit.pieces[index] as string).endsWith("'") ? "'" : '"');
    case 'cdata':
      // `]]>` cannot appear inside CDATA: close and reopen the section around it.
      return clean(value).replaceAll(']]>', ']]]]><![CDATA[>');
    case 'comment': {
      // `--` cannot appear in a comment and it cannot end with `-`.
      const safe = clean(value).replaceAll('--', '- -');
      return safe.endsWith('-') ? `${safe} ` : safe;
    }
    default:
      return escapeXmlText(value);
  }
}
