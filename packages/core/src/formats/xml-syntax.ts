import type { KamenError } from '../errors.js';

/** True when `s` has only XML whitespace (space, tab, CR, LF). */
export function isXmlWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

function isNameStart(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x5f ||
    c === 0x3a ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0x37e && !(c >= 0x2000 && c <= 0x200b) && c !== 0xfeff)
  );
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

/** Returns the end of the XML Name starting at `from` (`from` itself when there is none). */
export function readXmlName(s: string, from: number): number {
  if (from >= s.length || !isNameStart(s.charCodeAt(from))) return from;
  let i = from + 1;
  while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
  return i;
}

/** XML 1.0 Char production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const HEX_DIGITS = /^[\da-f]+$/i;
const DEC_DIGITS = /^\d+$/;
const MAX_REFERENCE = 12; // '#x10FFFF' and every predefined name fit; longer is never a valid reference here

/**
 * Decodes character references and the five predefined entities (EN-04). Anything else after '&' — an entity that
 * a DTD would define, a bare '&', a reference to a character XML forbids — is an error: no DTD, no expansion.
 */
export function decodeXmlReferences(raw: string, fail: (detail: string) => KamenError): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp - 1 > MAX_REFERENCE) throw fail("'&' that does not start a reference");
    const name = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 0x23) {
      const hex = name.charCodeAt(1) === 0x78;
      const digits = name.slice(hex ? 2 : 1);
      const valid = digits.length > 0 && (hex ? HEX_DIGITS : DEC_DIGITS).test(digits);
      const cp = valid ? Number.parseInt(digits, hex ? 16 : 10) : -1;
      if (!isXmlChar(cp)) throw fail('invalid character reference');
      ch = String.fromCodePoint(cp);
    } else {
      ch = PREDEFINED[name];
      if (ch === undefined) throw fail('undefined entity reference (entities are never expanded)');
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}
