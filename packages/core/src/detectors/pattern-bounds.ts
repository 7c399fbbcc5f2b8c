import { classEnd, groupEnd, isDigitClass } from './regex-source.js';

/**
 * What every match of a pattern must consume, read from its source: at least `minLength` UTF-16 units, and a digit
 * when `needsDigit`. A short cell (部長, 2024-04-01) cannot hold most rules' matches, and a text without a digit
 * none of the ID rules': the pattern detector skips those patterns without running them (pattern-detector.ts).
 *
 * The reader is conservative: anything it does not follow counts as consuming nothing and no digit (backreferences,
 * lookarounds, modifier groups, `v`-mode classes), so a bound can only be too low, never too high, and skipping a
 * pattern never loses a match. Lengths are counted in code units: a class or `.` may take two units of an astral
 * character but never fewer than one.
 */
export interface PatternBounds {
  readonly minLength: number;
  readonly needsDigit: boolean;
}

interface Span {
  readonly min: number;
  readonly digit: boolean;
  readonly end: number;
}

const NOTHING: PatternBounds = { minLength: 0, needsDigit: false };

class Unsure extends Error {}

export function patternBounds(source: string, flags = ''): PatternBounds {
  if (flags.includes('v')) return NOTHING;
  try {
    const { min, digit } = alternation(source, 0, source.length, flags.includes('u'));
    return { minLength: min, needsDigit: digit };
  } catch (e) {
    if (e instanceof Unsure) return NOTHING;
    throw e;
  }
}

/** src[from, to) split at its top-level '|': the weakest alternative bounds the whole. */
function alternation(src: string, from: number, to: number, unicode: boolean): { min: number; digit: boolean } {
  let min = Infinity;
  let digit = true;
  let start = from;
  for (let j = from; j <= to; j++) {
    const c = src[j];
    if (j < to && c === '\\') j++;
    else if (j < to && (c === '[' || c === '(')) {
      const e = c === '[' ? classEnd(src, j) : groupEnd(src, j);
      if (e < 0 || e > to) throw new Unsure();
      j = e - 1;
    } else if (j === to || c === '|') {
      const s = sequence(src, start, j, unicode);
      min = Math.min(min, s.min);
      digit &&= s.digit;
      start = j + 1;
    }
  }
  return { min, digit };
}

function sequence(src: string, from: number, to: number, unicode: boolean): { min: number; digit: boolean } {
  let min = 0;
  let digit = false;
  let i = from;
  while (i < to) {
    const a = atom(src, i, to, unicode);
    const q = quantifier(src, a.end);
    const times = q?.min ?? 1;
    min += a.min * times;
    if (times > 0 && a.digit) digit = true;
    i = q?.end ?? a.end;
  }
  return { min, digit };
}

// Sticky: read in place, not from a slice of the rest of the source (address patterns are thousands of units long).
const QUANTIFIER = /\{(\d+)(?:,\d*)?\}/y;

/** The quantifier at `i`: its least count and end; undefined when none (a '{' that is none is the next literal). */
function quantifier(src: string, i: number): { min: number; end: number } | undefined {
  const c = src[i];
  let min: number;
  let end: number;
  if (c === '*' || c === '?') [min, end] = [0, i + 1];
  else if (c === '+') [min, end] = [1, i + 1];
  else if (c === '{') {
    QUANTIFIER.lastIndex = i;
    const m = QUANTIFIER.exec(src);
    if (m === null) return undefined;
    [min, end] = [Number(m[1]), i + m[0].length];
  } else return undefined;
  return { min, end: src[end] === '?' ? end + 1 : end };
}

const ZERO = (end: number): Span => ({ min: 0, digit: false, end });
const ONE = (end: number, digit = false): Span => ({ min: 1, digit, end });
const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-F]$/i.test(c);

function atom(src: string, i: number, to: number, unicode: boolean): Span {
  const c = src[i] as string;
  if (c === '\\') return escape(src, i, unicode);
  if (c === '[') {
    const e = classEnd(src, i);
    if (e < 0 || e > to) throw new Unsure();
    return ONE(e, isDigitClass(src.slice(i + 1, e - 1)));
  }
  if (c === '(') {
    const e = groupEnd(src, i);
    if (e < 0 || e > to) throw new Unsure();
    if (src[i + 1] !== '?') return { ...alternation(src, i + 1, e - 1, unicode), end: e };
    if (src[i + 2] === ':') return { ...alternation(src, i + 3, e - 1, unicode), end: e };
    if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
      const body = src.indexOf('>', i) + 1;
      if (body <= 0 || body >= e) throw new Unsure();
      return { ...alternation(src, body, e - 1, unicode), end: e };
    }
    return ZERO(e); // lookarounds consume nothing; modifier groups are not followed
  }
  if (c === '^' || c === '$') return ZERO(i + 1);
  if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Unsure();
  // Under `u` a quantifier after a surrogate pair repeats the pair: its high half counts as nothing.
  if (unicode && isHighSurrogate(c.charCodeAt(0))) return ZERO(i + 1);
  return ONE(i + 1, c >= '0' && c <= '9');
}

function escape(src: string, i: number, unicode: boolean): Span {
  const e = src[i + 1];
  if (e === undefined) throw new Unsure();
  if (e === 'b' || e === 'B') return ZERO(i + 2);
  if (e >= '1' && e <= '9') {
    // A backreference (or a legacy octal escape): may match the empty string.
    let j = i + 1;
    while (j < src.length && (src[j] as string) >= '0' && (src[j] as string) <= '9') j++;
    return ZERO(j);
  }
  if (e === 'k' && src[i + 2] === '<') {
    const close = src.indexOf('>', i);
    if (close < 0) throw new Unsure();
    return ZERO(close + 1);
  }
  if (e === '0') {
    // \0 is NUL; legacy octal \012 takes more digits, counted here as nothing.
    let j = i + 2;
    while (j < src.length && (src[j] as string) >= '0' && (src[j] as string) <= '7') j++;
    return j === i + 2 ? ONE(j) : ZERO(j);
  }
  if (e === 'u') {
    if (src[i + 2] === '{' && unicode) {
      const close = src.indexOf('}', i);
      if (close < 0) throw new Unsure();
      return ONE(close + 1);
    }
    const hex = [2, 3, 4, 5].every((k) => isHex(src[i + k]));
    if (hex && unicode && isHighSurrogate(parseInt(src.slice(i + 2, i + 6), 16))) return ZERO(i + 6);
    return ONE(hex ? i + 6 : i + 2);
  }
  if (e === 'x') return ONE(isHex(src[i + 2]) && isHex(src[i + 3]) ? i + 4 : i + 2);
  if (e === 'c') {
    if (/^[A-Z]$/i.test(src[i + 2] ?? '')) return ONE(i + 3);
    throw new Unsure();
  }
  if ((e === 'p' || e === 'P') && unicode) {
    if (src[i + 2] !== '{') throw new Unsure();
    const close = src.indexOf('}', i);
    if (close < 0) throw new Unsure();
    return ONE(close + 1);
  }
  return ONE(i + 2, e === 'd');
}
