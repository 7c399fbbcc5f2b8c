import { nonDigitPrefixOf } from './non-digit-prefix.js';
import { alternatives, classEnd, groupEnd, isDigitChar, isDigitClass } from './regex-source.js';

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
  /**
   * When the leading digits are followed by something that can never be a digit (a separator, or a lookahead that
   * rejects one), the most digits they can take: with notAfterDigit, a match then starts only at a run whose length
   * lies between leadingDigits and this. Infinity when unknown.
   */
  readonly maxLeadingDigits: number;
  /**
   * Characters, none of them a digit, that every match consumes before its leading digits: at least prefixMin and
   * at most prefixMax (both 0 when the digits come first). With prefixMax > 0 a match starts prefixMin to
   * prefixMax characters before the start of a digit run (non-digit-prefix.ts).
   */
  readonly prefixMin: number;
  readonly prefixMax: number;
}

interface Item {
  /** Every character the item can consume is a digit. */
  readonly allDigits: boolean;
  /** Digits the item consumes at least (its leading digits when it is not all digits). */
  readonly min: number;
  /** Characters the item consumes at most (Infinity when unbounded). */
  readonly max: number;
  readonly end: number;
}

interface Quantifier {
  readonly min: number;
  readonly max: number;
  readonly end: number;
}

function quantifierAt(src: string, i: number): Quantifier | undefined {
  const c = src[i];
  let min: number;
  let max: number;
  let end: number;
  if (c === '*') [min, max, end] = [0, Infinity, i + 1];
  else if (c === '?') [min, max, end] = [0, 1, i + 1];
  else if (c === '+') [min, max, end] = [1, Infinity, i + 1];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 16));
    if (m === null) return { min: -1, max: -1, end: i }; // a literal '{' (or syntax this reader does not follow)
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    end = i + m[0].length;
  } else return undefined;
  if (src[end] === '?') end++; // lazy: same bounds
  return { min, max, end };
}

interface Sequence {
  /** Leading digits, at least. */
  readonly min: number;
  /** Leading digits, at most, when the sequence stops cleanly at `stop` (Infinity otherwise). */
  readonly max: number;
  readonly allDigits: boolean;
  /** Where the all-digit prefix ends (an atom that is not all digits, or `to`). */
  readonly stop: number;
  /** The atom at `stop` took no digit into `min` (so whatever it matches comes right after the leading digits). */
  readonly clean: boolean;
}

/** Leading digits of the sequence src[from, to), and whether all of it is digits. */
function sequence(src: string, from: number, to: number): Sequence {
  let min = 0;
  let max = 0;
  let i = from;
  while (i < to) {
    const item = atom(src, i, to);
    if (item === undefined) return { min, max, allDigits: false, stop: i, clean: true };
    const q = quantifierAt(src, item.end);
    if (q !== undefined && q.min < 0) return { min, max: Infinity, allDigits: false, stop: i, clean: false };
    if (!item.allDigits) {
      const took = q === undefined || q.min > 0 ? item.min : 0;
      return {
        min: min + took,
        max: item.min === 0 ? max : Infinity,
        allDigits: false,
        stop: i,
        clean: item.min === 0,
      };
    }
    min += q === undefined ? item.min : item.min * q.min;
    max += q === undefined ? item.max : item.max * q.max;
    i = q?.end ?? item.end;
  }
  return { min, max, allDigits: true, stop: to, clean: true };
}

/** One atom at `i`: a digit, a digit class, \d, or a group; undefined for anything else. */
function atom(src: string, i: number, to: number): Item | undefined {
  const c = src[i];
  if (isDigitChar(c)) return { allDigits: true, min: 1, max: 1, end: i + 1 };
  if (c === '\\') return src[i + 1] === 'd' ? { allDigits: true, min: 1, max: 1, end: i + 2 } : undefined;
  if (c === '[') {
    const e = classEnd(src, i);
    return e > 0 && e <= to && isDigitClass(src.slice(i + 1, e - 1))
      ? { allDigits: true, min: 1, max: 1, end: e }
      : undefined;
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
    let max = 0;
    let allDigits = true;
    for (const [a, b] of alts) {
      const s = sequence(src, a, b);
      min = Math.min(min, s.min);
      max = Math.max(max, s.max);
      allDigits &&= s.allDigits;
    }
    return { allDigits, min: min === Infinity ? 0 : min, max: allDigits ? max : Infinity, end: e };
  }
  return undefined;
}

/** True for a class body that cannot match a digit: literal characters and escaped punctuation, no ranges. */
function isNonDigitClass(body: string): boolean {
  if (body.length === 0 || body[0] === '^') return false;
  for (let j = 0; j < body.length; j++) {
    const c = body[j] as string;
    if (c === '\\') {
      const e = body[j + 1] ?? '';
      if (/[A-Z0-9]/i.test(e) && e !== 's' && e !== 'D') return false; // \d, \w, \u0030 … could be a digit
      j++;
    } else if (isDigitChar(c) || (c === '-' && j > 0 && j < body.length - 1)) return false; // a range may span digits
  }
  return true;
}

/** True when the atom at `i` (with its quantifier) must match one character that is not a digit. */
function startsWithNonDigit(src: string, i: number, flags: string): boolean {
  if (src.startsWith('(?!', i)) {
    const end = groupEnd(src, i);
    return end >= 0 && rejectsDigit(src.slice(i + 3, end - 1), flags, 'ahead');
  }
  const end = nonDigitAtomEnd(src, i, flags);
  if (end < 0) return false;
  const q = quantifierAt(src, end);
  return q === undefined || q.min >= 1;
}

/**
 * True when the character right after the leading digits (the atom at `i`) cannot be a digit: the atom must match a
 * non-digit, or it may match nothing but otherwise starts with a non-digit (` ?`, `(?:st|nd)?`) and what follows
 * it is such an atom in turn.
 */
export function followedByNonDigit(src: string, i: number, flags: string): boolean {
  while (!startsWithNonDigit(src, i, flags)) {
    if (src.startsWith('(?!', i)) return false;
    const end = nonDigitAtomEnd(src, i, flags);
    if (end < 0) return false;
    const q = quantifierAt(src, end);
    if (q === undefined || q.min !== 0) return false;
    i = q.end;
  }
  return true;
}

/** End of the atom at `i` (before its quantifier) when, taken once, it starts with a non-digit; else -1. */
function nonDigitAtomEnd(src: string, i: number, flags: string): number {
  const c = src[i];
  let end: number;
  if (c === undefined) return -1;
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    if (/[A-Z0-9]/i.test(e) && e !== 's' && e !== 'D') return -1;
    end = i + 2;
  } else if (c === '[') {
    end = classEnd(src, i);
    if (end < 0 || !isNonDigitClass(src.slice(i + 1, end - 1))) return -1;
  } else if (c === '(') {
    end = groupEnd(src, i);
    if (end < 0) return -1;
    let body = i + 1;
    if (src[body] === '?') {
      if (src[body + 1] !== ':') return -1; // named groups, assertions and modifiers: not followed here
      body += 2;
    }
    const alts = alternatives(src, body, end - 1);
    if (alts === undefined || !alts.every(([a]) => startsWithNonDigit(src, a, flags))) return -1;
  } else if (isDigitChar(c) || '.^$|)?*+{}'.includes(c)) return -1;
  else end = i + 1;
  return end;
}

/** True when the negative lookbehind body `x` matches a single digit, so it rejects any start after a digit. */
function rejectsDigit(x: string, flags: string, side: 'before' | 'ahead' = 'before'): boolean {
  // Only plain bodies: without anchors, word boundaries, nested assertions or backreferences, a body that matches
  // the lone digit matches it (and rejects the position) whatever surrounds it in a real text.
  if (/\\(?:[1-9bB]|k<)|[$^]|\(\?[=!<]/.test(x)) return false;
  try {
    const re = new RegExp(side === 'before' ? `(?<!${x})` : `(?!${x})`, `${flags.replace(/[gyd]/g, '')}y`);
    for (const d of '0123456789') {
      // Lookbehind: the digit just before position 1. Lookahead: the digit right at position 0, nothing after it.
      re.lastIndex = side === 'before' ? 1 : 0;
      if (re.test(side === 'before' ? `${d}#` : d)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** How many digits the stretch of `source` from `i` must start with (0 when it need not start with one). */
export const leadingDigitsAt = (source: string, i: number): number => sequence(source, i, source.length).min;

/** How many digits the stretch src[from, to) must start with (0 when it need not start with one). */
export const leadingDigitsIn = (source: string, from: number, to: number): number => sequence(source, from, to).min;

/** The digit anchor of a pattern source, or undefined when its matches need not start with a digit. */
export function digitAnchorOf(source: string, flags = ''): DigitAnchor | undefined {
  return readDigitAnchor(source, flags)?.anchor;
}

/**
 * The digit anchor, where its non-digit prefix starts in the source (`prefixFrom`, for prefix-last.ts), where its
 * leading digits start (`from`) and where they end (`stop`, the atom after them, for digit-follow.ts).
 */
export function readDigitAnchor(
  source: string,
  flags = '',
): { anchor: DigitAnchor; prefixFrom: number; from: number; stop: number } | undefined {
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
      if (source.startsWith('(?<!', i) && rejectsDigit(source.slice(i + 4, e - 1), flags)) notAfterDigit = true;
      i = e;
    } else if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
    else if (source[i] === '^') i++;
    else break;
  }
  const prefixFrom = i;
  let prefixMin = 0;
  let prefixMax = 0;
  const prefix = nonDigitPrefixOf(source, i, flags);
  if (prefix !== undefined && prefix.max > 0) {
    // A prefix that may be empty leaves the digits anywhere in a run unless the lookbehind rules a digit out.
    if (prefix.min === 0 && !notAfterDigit) return undefined;
    prefixMin = prefix.min;
    prefixMax = prefix.max;
    i = prefix.end;
  }
  const lead = sequence(source, i, source.length);
  if (lead.min < 1) return undefined;
  const bounded = lead.clean && lead.max < Infinity && followedByNonDigit(source, lead.stop, flags);
  const anchor = {
    leadingDigits: lead.min,
    notAfterDigit,
    maxLeadingDigits: bounded ? lead.max : Infinity,
    prefixMin,
    prefixMax,
  };
  return { anchor, prefixFrom, from: i, stop: lead.stop };
}
