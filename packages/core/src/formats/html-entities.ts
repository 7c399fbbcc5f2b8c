/**
 * Named character references decoded before detection (EN-04). Only common ones: an unknown name is kept verbatim
 * in the output (it splits the text around it into two leaves), never guessed.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  yen: '¥',
  euro: '€',
  pound: '£',
  deg: '°',
  para: '¶',
  sect: '§',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
};

/** One character reference at `text[at]` ('&'): its decoded text and length, or undefined (not a known reference). */
export function decodeReference(text: string, at: number): { value: string; length: number } | undefined {
  if (text[at + 1] === '#') {
    const hex = text[at + 2] === 'x' || text[at + 2] === 'X';
    let j = at + (hex ? 3 : 2);
    const start = j;
    while (j < text.length && j - start < 8 && (hex ? /[0-9a-f]/i : /\d/).test(text[j] as string)) j++;
    if (j === start) return undefined;
    let cp = parseInt(text.slice(start, j), hex ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    const length = j - at + (text[j] === ';' ? 1 : 0);
    return { value: String.fromCodePoint(cp), length };
  }
  let j = at + 1;
  while (j < text.length && j - at <= 32 && /[a-z0-9]/i.test(text[j] as string)) j++;
  if (text[j] !== ';') return undefined;
  const value = NAMED[text.slice(at + 1, j)];
  return value === undefined ? undefined : { value, length: j - at + 1 };
}
