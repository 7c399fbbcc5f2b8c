import { alternatives, classEnd, groupEnd } from './regex-source.js';

/**
 * Reads the part of a pattern before its leading digits when every character it can consume is a non-digit, with
 * bounded width: `〒[ :]{0,2}(\d{3}-?\d{4})`, `[A-Z]{2}\d{7}`, `口座番号[ :]{0,2}(?:\(?(?:普通|当座)\)? ?)?(\d{7})`.
 * Such a match can only start 1–N characters before a digit run (its last prefix character is no digit, so the
 * digits begin where a run begins), and the engine tries the regex at those few places (anchored-regex.ts).
 *
 * Conservative like digit-anchor.ts: a single-character atom counts only when the regex engine itself says it
 * matches none of 0–9; a group only when each of its alternatives is such a prefix as a whole; zero-width
 * assertions count as width 0 (the sticky attempt still checks them). Anything else (., backreferences, unbounded
 * quantifiers, the u and v flags, whose classes may take a surrogate pair) ends the prefix, and the caller then
 * finds no leading digits there and leaves the pattern to the plain scan.
 */
export interface NonDigitPrefix {
  /** Characters the prefix consumes at least and at most. */
  readonly min: number;
  readonly max: number;
  /** Index in the source just after the prefix. */
  readonly end: number;
}

/** Widths above this are not anchored: too many attempts per digit run to beat the plain scan. */
const MAX_WIDTH = 16;
const SPECIAL = '.^$|)?*+{}';

/** True when the single-character atom `atom` cannot match any ASCII digit (asked of the engine). */
function rejectsDigits(atom: string, flags: string): boolean {
  try {
    const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gyd]/g, ''));
    for (const d of '0123456789') if (re.test(d)) return false;
    return true;
  } catch {
    return false;
  }
}

/** End of a single-character atom at `i` that matches no digit, or -1. */
function nonDigitCharEnd(src: string, i: number, flags: string): number {
  const c = src[i];
  if (c === undefined) return -1;
  let end: number;
  if (c === '[') end = classEnd(src, i);
  else if (c === '\\') {
    const e = src[i + 1] ?? '';
    // Backreferences, octal escapes (\01 is one character), word boundaries and \p (needs u) are not read here.
    if (/[0-9kbBpP]/.test(e)) return -1;
    if (e === 'u') end = /^\\u[0-9A-Fa-f]{4}/.test(src.slice(i, i + 6)) ? i + 6 : -1;
    else if (e === 'x') end = /^\\x[0-9A-Fa-f]{2}/.test(src.slice(i, i + 4)) ? i + 4 : -1;
    else if (e === 'c') end = /^\\c[A-Za-z]/.test(src.slice(i, i + 3)) ? i + 3 : -1;
    else end = i + 2;
  } else if (SPECIAL.includes(c) || c === '(') return -1;
  else end = i + 1;
  return end > i && rejectsDigits(src.slice(i, end), flags) ? end : -1;
}

interface Width {
  min: number;
  max: number;
}

/** Bounds of the quantifier at `i` ({min: 1, max: 1, end: i} for none), or undefined when unbounded or unread. */
function boundsAt(src: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = src[i];
  let q: { min: number; max: number; end: number };
  if (c === '?') q = { min: 0, max: 1, end: i + 1 };
  else if (c === '*' || c === '+') return undefined;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,(\d+))?\}/.exec(src.slice(i, i + 16));
    if (m === null) return undefined;
    q = { min: Number(m[1]), max: Number(m[2] ?? m[1]), end: i + m[0].length };
  } else return { min: 1, max: 1, end: i };
  if (src[q.end] === '?') q.end++; // lazy: same bounds
  return q;
}

/** One prefix item at `i`: its widths (quantifier applied) and end, or undefined when it is not a prefix item. */
function item(src: string, i: number, to: number, flags: string): (Width & { end: number }) | undefined {
  if (src.startsWith('\\b', i) || src.startsWith('\\B', i)) return { min: 0, max: 0, end: i + 2 };
  let w: Width;
  let end: number;
  if (src[i] === '(') {
    end = groupEnd(src, i);
    if (end < 0 || end > to) return undefined;
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
      // An assertion consumes nothing; a quantified one is left alone.
      return boundsAt(src, end)?.end === end ? { min: 0, max: 0, end } : undefined;
    }
    let body = i + 1;
    if (src[body] === '?') {
      if (src[body + 1] === ':') body += 2;
      else if (src[body + 1] === '<') {
        body = src.indexOf('>', body) + 1; // named group
        if (body <= 0 || body >= end) return undefined;
      } else return undefined; // modifiers
    }
    const alts = alternatives(src, body, end - 1);
    if (alts === undefined) return undefined;
    w = { min: Infinity, max: 0 };
    for (const [a, b] of alts) {
      const inner = sequenceWidth(src, a, b, flags);
      if (inner.end !== b) return undefined; // this alternative reaches something else: the group is no prefix
      w.min = Math.min(w.min, inner.min);
      w.max = Math.max(w.max, inner.max);
    }
  } else {
    end = nonDigitCharEnd(src, i, flags);
    if (end < 0) return undefined;
    w = { min: 1, max: 1 };
  }
  const q = boundsAt(src, end);
  if (q === undefined) return undefined;
  return { min: w.min * q.min, max: w.max * q.max, end: q.end };
}

/** Widths of the longest run of prefix items from `from` (stopping before `to`), and where it stops. */
function sequenceWidth(src: string, from: number, to: number, flags: string): NonDigitPrefix {
  let min = 0;
  let max = 0;
  let i = from;
  while (i < to) {
    const it = item(src, i, to, flags);
    if (it === undefined || max + it.max > MAX_WIDTH) break;
    min += it.min;
    max += it.max;
    i = it.end;
  }
  return { min, max, end: i };
}

/** The non-digit prefix of `source` from `from`, or undefined under flags the reader does not follow. */
export function nonDigitPrefixOf(source: string, from: number, flags: string): NonDigitPrefix | undefined {
  if (flags.includes('u') || flags.includes('v')) return undefined;
  return sequenceWidth(source, from, source.length, flags);
}
