import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd, mayBeSkipped } from './regex-source.js';

/**
 * The characters a match of a prefix-anchored pattern can start with: `記号[ :]{0,2}\d{4}` starts with 記,
 * `(?:保険者番号|[Ii]nsurer …)` with 保, I or i. A pattern whose digits follow a non-digit prefix of 2–13 characters
 * is otherwise tried at every place that far before a digit run (anchored-regex.ts); a place whose character is not
 * in this set cannot start a match, so it is skipped without asking the regex.
 *
 * Read after the leading zero-width assertions; only when the first item must match (a plain character, an escaped
 * punctuation mark, a class of plain characters and ranges, or a group whose every alternative starts so).
 * Anything else, and the i, u and v flags, give undefined: no filter.
 */
const SPECIAL = '.^$|)?*+{}(';

/** first[c] is 1 for the UTF-16 code units a match can start with, or undefined when it cannot tell. */
export function prefixFirstChars(source: string, flags = ''): Uint8Array | undefined {
  if (/[iuv]/.test(flags)) return undefined;
  let i = 0;
  for (;;) {
    if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
      if (i < 0) return undefined;
    } else if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
    else if (source[i] === '^') i++;
    else break;
  }
  const set = new Uint8Array(0x10000);
  return addFirst(source, i, set) ? set : undefined;
}

/** Marks what the item at `i` can start with; false when it cannot tell or the item may match nothing. */
function addFirst(src: string, i: number, set: Uint8Array): boolean {
  const c = src[i];
  let end: number;
  if (c === undefined) return false;
  if (c === '(') {
    end = groupEnd(src, i);
    if (end < 0) return false;
    let body = i + 1;
    if (src.startsWith('?:', body)) body += 2;
    else if (src.startsWith('?<', body) && src[body + 2] !== '=' && src[body + 2] !== '!') {
      body = src.indexOf('>', body) + 1; // named group
      if (body <= 0 || body >= end) return false;
    } else if (src[body] === '?') return false; // assertions, modifiers
    const alts = alternatives(src, body, end - 1);
    if (alts === undefined || !alts.every(([a, b]) => a < b && addFirst(src, a, set))) return false;
  } else if (c === '[') {
    end = classEnd(src, i);
    if (end < 0 || !addClass(src.slice(i + 1, end - 1), set)) return false;
  } else if (c === '\\') {
    const e = src[i + 1] ?? '';
    if (!ASCII_PUNCTUATION.includes(e) || e === '') return false;
    set[e.charCodeAt(0)] = 1;
    end = i + 2;
  } else if (SPECIAL.includes(c)) return false;
  else {
    set[c.charCodeAt(0)] = 1;
    end = i + 1;
  }
  // The item must match at least once, or the match may start with what follows it.
  return !mayBeSkipped(src, end);
}

/** Marks the characters of a class body: plain characters, escaped punctuation and ranges of those; no negation. */
export function addClass(body: string, set: Uint8Array): boolean {
  if (body.length === 0 || body[0] === '^') return false;
  const units: number[] = [];
  for (let j = 0; j < body.length; j++) {
    let u: number;
    if (body[j] === '\\') {
      const e = body[j + 1] ?? '';
      if (!ASCII_PUNCTUATION.includes(e) || e === '') return false;
      u = e.charCodeAt(0);
      j++;
    } else if (body[j] === '-' && units.length > 0 && j < body.length - 1) {
      // A range: from the previous unit to the next one (plain or escaped punctuation).
      const lo = units.pop() as number;
      let hi: number;
      if (body[j + 1] === '\\') {
        const e = body[j + 2] ?? '';
        if (!ASCII_PUNCTUATION.includes(e) || e === '') return false;
        hi = e.charCodeAt(0);
        j += 2;
      } else {
        hi = body.charCodeAt(j + 1);
        j++;
      }
      if (hi < lo) return false;
      for (let x = lo; x <= hi; x++) set[x] = 1;
      continue;
    } else u = body.charCodeAt(j);
    set[u] = 1;
    units.push(u);
  }
  return true;
}
