import { readDigitAnchor } from './digit-anchor.js';
import { addClass } from './prefix-first.js';
import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd, mayBeSkipped } from './regex-source.js';

/**
 * The characters a digit-anchored pattern's non-digit prefix can end with: `(?:生年月日|誕生日|出生日|生年)[ :]{0,2}`
 * ends with 日, 年, a space or ':', `〒 ?` with 〒 or a space, `[A-Z]{2}` with a capital. The prefix's last character
 * is the one right before the digit run the match's digits start (non-digit-prefix.ts), so a run after any other
 * character cannot start a match and its places before it are not tried (anchored-regex.ts). Most runs follow
 * 年, 月, a comma or a space in prose, and each would cost up to prefixMax table look-ups and attempts.
 *
 * Read from the end of the prefix back to its last item that must match: plain characters, escaped punctuation,
 * classes of plain characters and ranges (prefix-first.ts), groups of such alternatives, zero-width assertions
 * (which consume nothing); a quantifier that may skip an item adds what comes before it. Anything else (escapes
 * like \s or \w, `.`, negated classes), a prefix that may be empty, and the i, u and v flags give undefined: no
 * filter.
 */
export function prefixLastChars(source: string, flags = ''): Uint8Array | undefined {
  if (/[iuv]/.test(flags)) return undefined;
  const read = readDigitAnchor(source, flags);
  if (read === undefined || read.anchor.prefixMax === 0) return undefined;
  const { prefixFrom: from, from: to } = read;
  const set = new Uint8Array(0x10000);
  return addLast(source, from, to, set) === 'mandatory' ? set : undefined;
}

type Read = 'mandatory' | 'skippable' | 'unsure';

/** Marks what the sequence src[from, to) can end with; whether it must consume a character. */
function addLast(src: string, from: number, to: number, set: Uint8Array): Read {
  const items: { start: number; end: number; next: number }[] = [];
  for (let i = from; i < to;) {
    const end = itemEnd(src, i);
    if (end < 0 || end > to) return 'unsure';
    let next = end;
    if (src[next] === '?' || src[next] === '*' || src[next] === '+') next++;
    else if (src[next] === '{') {
      const close = src.indexOf('}', next);
      if (close < 0) return 'unsure';
      next = close + 1;
    }
    if (src[next] === '?' && next > end) next++; // lazy
    items.push({ start: i, end, next });
    i = next;
  }
  for (let k = items.length - 1; k >= 0; k--) {
    const { start, end } = items[k] as (typeof items)[number];
    const read = addItem(src, start, end, set);
    if (read === 'unsure') return 'unsure';
    if (read === 'mandatory' && !mayBeSkipped(src, end)) return 'mandatory';
  }
  return 'skippable';
}

/** End of the item at `i` before its quantifier, or -1. */
function itemEnd(src: string, i: number): number {
  const c = src[i];
  if (c === undefined) return -1;
  if (c === '(') return groupEnd(src, i);
  if (c === '[') return classEnd(src, i);
  if (c === '\\') return i + 2;
  return '.^$|)?*+{}'.includes(c) ? -1 : i + 1;
}

/** Marks what the item src[i, end) can end with, taken once. */
function addItem(src: string, i: number, end: number, set: Uint8Array): Read {
  const c = src[i] as string;
  if (c === '(') {
    if (/^\(\?<?[=!]/.test(src.slice(i, i + 4))) return 'skippable'; // an assertion consumes nothing
    let body = i + 1;
    if (src.startsWith('?:', body)) body += 2;
    else if (src.startsWith('?<', body)) {
      body = src.indexOf('>', body) + 1; // named group
      if (body <= 0 || body >= end) return 'unsure';
    } else if (src[body] === '?') return 'unsure'; // modifiers
    const alts = alternatives(src, body, end - 1);
    if (alts === undefined) return 'unsure';
    let all: Read = 'mandatory';
    for (const [a, b] of alts) {
      const read = addLast(src, a, b, set);
      if (read === 'unsure') return 'unsure';
      if (read === 'skippable') all = 'skippable';
    }
    return all;
  }
  if (c === '[') return addClass(src.slice(i + 1, end - 1), set) ? 'mandatory' : 'unsure';
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    if (e === 'b' || e === 'B') return 'skippable';
    if (!ASCII_PUNCTUATION.includes(e) || e === '') return 'unsure';
    set[e.charCodeAt(0)] = 1;
    return 'mandatory';
  }
  set[c.charCodeAt(0)] = 1;
  return 'mandatory';
}
