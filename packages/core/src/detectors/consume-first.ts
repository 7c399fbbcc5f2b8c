import { classEnd, groupEnd } from './regex-source.js';

/**
 * Rewrites `(?<!X)C…` (leading lookbehinds, then one single-character atom C) as `C(?<!(?:X)C)…`: the same matches
 * at the same indices, found about twice as fast. V8 scans for a pattern's first consumed character with a fast
 * skip loop, but a leading lookbehind is evaluated at every position first; after the rewrite the skip loop runs
 * and the lookbehind is only tried where C matched.
 *
 * Why it is exact: at a start p the original asks "C matches at p and X does not end at p". The rewrite consumes C at
 * p and then asks, at p + 1, whether X followed by C ends there; C matches text at p (it was just consumed), so that
 * is "X ends at p". The appended group captures nothing, so group numbers, backreferences and `d` indices are
 * unchanged. Anything this reader does not follow (no lookbehind, a group or alternation first, a lazy or
 * optional quantifier, a top-level `|`) is left as it is.
 */
export function consumeFirst(source: string): string | undefined {
  const behinds: string[] = [];
  let i = 0;
  while (source.startsWith('(?<!', i) || source.startsWith('(?<=', i)) {
    const e = groupEnd(source, i);
    if (e < 0) return undefined;
    behinds.push(source.slice(i, e));
    i = e;
  }
  if (behinds.length === 0) return undefined;
  const atomEnd = singleCharAtomEnd(source, i);
  if (atomEnd < 0) return undefined;
  const atom = source.slice(i, atomEnd);
  const rest = restAfterOne(source, atomEnd, atom);
  if (rest === undefined || hasTopLevelAlternation(source, atomEnd)) return undefined;
  const moved = behinds.map((b) => `${b.slice(0, 4)}(?:${b.slice(4, -1)})${atom})`).join('');
  return `${atom}${moved}${rest}`;
}

/** End of a one-character atom at `i` (\d, \w, \s, \D…, an escaped symbol, a class, a plain character), or -1. */
function singleCharAtomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === undefined) return -1;
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    // Class escapes and escaped punctuation; not \b, \B, backreferences, \u/\x/\c/\p escapes (kept simple).
    return /^[dws]$/i.test(e) || /^[.*+?^${}()|[\]\\/-]$/.test(e) ? i + 2 : -1;
  }
  if (c === '[') return classEnd(src, i);
  // A plain character that is no syntax and no surrogate half (a two-unit character under `u` is one atom).
  if ('()|.*+?^${}\\]'.includes(c)) return -1;
  const code = c.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff ? -1 : i + 1;
}

/** The source after the atom once one repetition of it has been consumed, or undefined when not expressible. */
function restAfterOne(src: string, at: number, atom: string): string | undefined {
  const q = src[at];
  if (q === '?' || q === '*') return undefined; // optional first atom: the match may not start with it
  if (q === '+') return src[at + 1] === '?' ? undefined : `${atom}*${src.slice(at + 1)}`;
  if (q !== '{') return src.slice(at);
  const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(at, at + 24));
  if (m === null) return undefined;
  const after = at + m[0].length;
  if (src[after] === '?') return undefined; // lazy: keep it simple
  const min = Number(m[1]);
  if (min < 1) return undefined;
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  const tail = src.slice(after);
  if (max === Infinity) return `${atom}{${min - 1},}${tail}`;
  if (max - 1 === 0) return tail;
  return min - 1 === max - 1 ? `${atom}{${min - 1}}${tail}` : `${atom}{${min - 1},${max - 1}}${tail}`;
}

/** True when `src` from `from` holds a `|` outside every group and class (it would bind differently). */
function hasTopLevelAlternation(src: string, from: number): boolean {
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const e = classEnd(src, j);
      if (e < 0) return true;
      j = e - 1;
    } else if (c === '(') {
      const e = groupEnd(src, j);
      if (e < 0) return true;
      j = e - 1;
    } else if (c === '|') return true;
  }
  return false;
}
