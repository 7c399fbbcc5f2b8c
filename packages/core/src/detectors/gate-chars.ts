import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd } from './regex-source.js';

/**
 * What characters a pattern's matches consume, read from its source for the literal gate (literal-gate.ts): every
 * character (`alphabet`), and the first one (`first`). Only plain ASCII characters, escaped punctuation, \d, \w and
 * classes of those are followed, and their sets are asked of the regex engine on 0-127, so the reader cannot disagree
 * with it; `.`, negated classes, \s, \D, \W, \S, \p, \u, \x, \c and modifier groups throw Unsure. Lookarounds
 * consume nothing and are not read.
 */
export class Unsure extends Error {}

const QUANTIFIER = /\{(\d+)(?:,\d*)?\}\??|[?*+]\??/y;

/** The quantifier at `i` (its least count and end), or undefined. */
export function quantifierAt(src: string, i: number): { min: number; end: number } | undefined {
  QUANTIFIER.lastIndex = i;
  const m = QUANTIFIER.exec(src);
  if (m === null) return undefined;
  const min = m[1] !== undefined ? Number(m[1]) : m[0][0] === '+' ? 1 : 0;
  return { min, end: i + m[0].length };
}

export const isLookaround = (src: string, i: number): boolean => /^\(\?<?[=!]/.test(src.slice(i, i + 4));

/** Where a group's body starts (after `(`, `(?:` or `(?<name>`); modifier groups are not followed. */
export function bodyStart(src: string, i: number): number {
  if (src[i + 1] !== '?') return i + 1;
  if (src[i + 2] === ':') return i + 3;
  if (src[i + 2] === '<') {
    const close = src.indexOf('>', i);
    if (close > 0) return close + 1;
  }
  throw new Unsure();
}

/** Adds what src[from, to) can consume to `set`, outside lookarounds. */
export function consume(src: string, from: number, to: number, set: Uint8Array, clean: string): void {
  const mark = (atom: string): void => markAtom(set, atom, clean);
  for (let i = from; i < to;) {
    const c = src[i] as string;
    const q = quantifierAt(src, i);
    if (q !== undefined) i = q.end;
    else if (c === '(') {
      const end = groupEnd(src, i);
      if (end < 0) throw new Unsure();
      if (!isLookaround(src, i)) consume(src, bodyStart(src, i), end - 1, set, clean);
      i = end;
    } else if (c === '[') {
      const end = classEnd(src, i);
      const body = src.slice(i + 1, end - 1);
      if (end < 0 || body[0] === '^' || !/^[\x20-\x7e]*$/.test(body) || /\\[^dw\W]/.test(body)) throw new Unsure();
      mark(src.slice(i, end));
      i = end;
    } else if (c === '\\') {
      const e = src[i + 1] ?? '';
      if (e === 'b' || e === 'B') i += 2;
      else if (e === 'd' || e === 'w' || (e !== '' && ASCII_PUNCTUATION.includes(e))) {
        mark(src.slice(i, i + 2));
        i += 2;
      } else throw new Unsure();
    } else if (c === '.' || c.charCodeAt(0) >= 128) throw new Unsure();
    else {
      // '^', '$' and '|' consume nothing; anything else is a plain ASCII character.
      if (c !== '^' && c !== '$' && c !== '|') mark(c === ']' || c === '}' ? `\\${c}` : c);
      i++;
    }
  }
}

/** Adds to `set` the ASCII characters the single-character atom matches. */
function markAtom(set: Uint8Array, atom: string, clean: string): void {
  const re = new RegExp(`^${atom}$`, clean);
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) set[c] = 1;
}

/**
 * Adds to `set` what a match of src[from, to) can start with (read after consume() has vouched for every atom); true
 * when it may consume nothing, so what follows it may start the match too.
 */
export function firstOf(src: string, from: number, to: number, set: Uint8Array, clean: string): boolean {
  const alts = alternatives(src, from, to);
  if (alts === undefined) throw new Unsure();
  let empty = false;
  for (const [a, b] of alts) {
    let consumes = false;
    for (let i = a; i < b && !consumes;) {
      const item = firstOfItem(src, i, set, clean);
      const q = quantifierAt(src, item.end);
      i = q?.end ?? item.end;
      consumes = !item.empty && (q === undefined || q.min > 0);
    }
    if (!consumes) empty = true;
  }
  return empty;
}

function firstOfItem(src: string, i: number, set: Uint8Array, clean: string): { end: number; empty: boolean } {
  const c = src[i] as string;
  if (c === '(') {
    const end = groupEnd(src, i);
    if (end < 0) throw new Unsure();
    return { end, empty: isLookaround(src, i) || firstOf(src, bodyStart(src, i), end - 1, set, clean) };
  }
  if (c === '^' || c === '$') return { end: i + 1, empty: true };
  if (src.startsWith('\\b', i) || src.startsWith('\\B', i)) return { end: i + 2, empty: true };
  const end = c === '[' ? classEnd(src, i) : c === '\\' ? i + 2 : i + 1;
  markAtom(set, c === ']' || c === '}' ? `\\${c}` : src.slice(i, end), clean);
  return { end, empty: false };
}
