/**
 * Reads, from a pattern's source, how its matches must start: "every match begins with at least N digits" and
 * "a digit right before the start makes it fail". Most ID, card and date rules look like
 * `(?<![\dA-Za-z])\d{12}(?![\dA-Za-z])`, so a match can only start at the beginning of a run of 12+ digits, and the
 * engine tries the regex there instead of at every character (anchored-regex.ts).
 *
 * The reader is deliberately small and conservative: it understands the leading assertions, digit escapes, digit
 * classes, digit literals, quantifiers and groups whose alternatives are all digits, and stops at anything else.
 * A pattern it does not understand gets no anchor and is scanned as before, so the analysis can only ever make a
 * rule faster, never change what it finds.
 */

/** How a pattern's matches start. */
export interface DigitAnchor {
  /** Every match starts with at least this many ASCII digits (≥ 1). */
  readonly leadingDigits: number;
  /** A leading negative lookbehind rejects every start preceded by a digit: matches start where a digit run starts. */
  readonly notAfterDigit: boolean;
}

interface Item {
  /** Every character the item can consume is a digit. */
  readonly allDigits: boolean;
  /** Digits the item consumes at least (its leading digits when it is not all digits). */
  readonly min: number;
  readonly end: number;
}

interface Quantifier {
  readonly min: number;
  readonly end: number;
}

const isDigitChar = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Index just after the class starting at `i` ('['), or -1. In JavaScript the first unescaped ']' closes it. */
function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just after the group starting at `i` ('('), or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const e = classEnd(src, j);
      if (e < 0) return -1;
      j = e - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** The top-level alternatives of src[from, to), or undefined when the source cannot be split safely. */
function alternatives(src: string, from: number, to: number): [number, number][] | undefined {
  const out: [number, number][] = [];
  let start = from;
  for (let j = from; j < to; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[' || c === '(') {
      const e = c === '[' ? classEnd(src, j) : groupEnd(src, j);
      if (e < 0 || e > to) return undefined;
      j = e - 1;
    } else if (c === '|') {
      out.push([start, j]);
      start = j + 1;
    }
  }
  out.push([start, to]);
  return out;
}

function quantifierAt(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  let min: number;
  let end: number;
  if (c === '*' || c === '?') [min, end] = [0, i + 1];
  else if (c === '+') [min, end] = [1, i + 1];
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i, i + 16));
    if (m === null) return { min: -1, end: i }; // a literal '{' (or syntax this reader does not follow)
    [min, end] = [Number(m[1]), i + m[0].length];
  } else return undefined;
  if (src[end] === '?') end++; // lazy: same minimum
  return { min, end };
}

/** True for a class body made only of digits, digit ranges and \d. */
function isDigitClass(body: string): boolean {
  if (body.length === 0 || body[0] === '^') return false;
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\') {
      if (body[j + 1] !== 'd') return false;
      j++;
    } else if (!isDigitChar(body[j]) && !(body[j] === '-' && isDigitChar(body[j - 1]) && isDigitChar(body[j + 1])))
      return false;
  }
  return true;
}

/** Leading digits of the sequence src[from, to), and whether all of it is digits. */
function sequence(src: string, from: number, to: number): { min: number; allDigits: boolean } {
  let min = 0;
  let i = from;
  while (i < to) {
    const item = atom(src, i, to);
    if (item === undefined) return { min, allDigits: false };
    const q = quantifierAt(src, item.end);
    if (q !== undefined && q.min < 0) return { min, allDigits: false };
    min += q === undefined ? item.min : q.min === 0 ? 0 : item.min * (item.allDigits ? q.min : 1);
    if (!item.allDigits) return { min, allDigits: false };
    i = q?.end ?? item.end;
  }
  return { min, allDigits: true };
}

/** One atom at `i`: a digit, a digit class, \d, or a group; undefined for anything else. */
function atom(src: string, i: number, to: number): Item | undefined {
  const c = src[i];
  if (isDigitChar(c)) return { allDigits: true, min: 1, end: i + 1 };
  if (c === '\\') return src[i + 1] === 'd' ? { allDigits: true, min: 1, end: i + 2 } : undefined;
  if (c === '[') {
    const e = classEnd(src, i);
    return e > 0 && e <= to && isDigitClass(src.slice(i + 1, e - 1)) ? { allDigits: true, min: 1, end: e } : undefined;
  }
  if (c === '(') {
    const e = groupEnd(src, i);
    if (e < 0 || e > to) return undefined;
    let body = i + 1;
    if (src[body] === '?') {
      if (src[body + 1] === ':') body += 2;
      else if (src[body + 1] === '<' && src[body + 2] !== '=' && src[body + 2] !== '!') {
        body = src.indexOf('>', body) + 1; // named group
        if (body <= 0 || body >= e) return undefined;
      } else return undefined; // an assertion or a modifier group
    }
    const alts = alternatives(src, body, e - 1);
    if (alts === undefined) return undefined;
    let min = Infinity;
    let allDigits = true;
    for (const [a, b] of alts) {
      const s = sequence(src, a, b);
      min = Math.min(min, s.min);
      allDigits &&= s.allDigits;
    }
    return { allDigits, min: min === Infinity ? 0 : min, end: e };
  }
  return undefined;
}

/** True when the negative lookbehind body `x` matches a single digit, so it rejects any start after a digit. */
function rejectsDigitBefore(x: string, flags: string): boolean {
  if (/\\(?:[1-9]|k<)/.test(x)) return false;
  try {
    const re = new RegExp(`(?<!${x})`, `${flags.replace(/[gyd]/g, '')}y`);
    for (const d of '0123456789') {
      re.lastIndex = 1;
      if (re.test(`${d}#`)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The digit anchor of a pattern source, or undefined when its matches need not start with a digit. */
export function digitAnchorOf(source: string, flags = ''): DigitAnchor | undefined {
  if (flags.includes('v') || flags.includes('x')) return undefined;
  const top = alternatives(source, 0, source.length);
  if (top === undefined || top.length !== 1) return undefined;
  let i = 0;
  let notAfterDigit = false;
  // Zero-width assertions before the first character consume nothing; the sticky regex still checks them.
  for (;;) {
    if (
      source.startsWith('(?<!', i) ||
      source.startsWith('(?<=', i) ||
      source.startsWith('(?=', i) ||
      source.startsWith('(?!', i)
    ) {
      const e = groupEnd(source, i);
      if (e < 0 || quantifierAt(source, e) !== undefined) return undefined;
      if (source.startsWith('(?<!', i) && rejectsDigitBefore(source.slice(i + 4, e - 1), flags)) notAfterDigit = true;
      i = e;
    } else if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
    else if (source[i] === '^') i++;
    else break;
  }
  const lead = sequence(source, i, source.length);
  return lead.min >= 1 ? { leadingDigits: lead.min, notAfterDigit } : undefined;
}
