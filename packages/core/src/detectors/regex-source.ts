/**
 * Reading regex source by hand, for the anchor readers (digit-anchor.ts, non-digit-prefix.ts, literal-anchor.ts,
 * lead-anchor.ts, prefix-first.ts, digit-follow.ts, pattern-bounds.ts): where a class or group closes, the top-level
 * alternatives of a stretch, which escapes mean their character, which quantifiers may skip an atom. Shared so the
 * readers agree on what a class, a group and an escape are; a leaf module, so they import it without a cycle.
 */

/** The ASCII punctuation a backslash may escape to mean itself (outside a class and inside one). */
export const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** True when the atom ending at `i` is followed by a quantifier that lets it match nothing (?, *, {0…}). */
export const mayBeSkipped = (src: string, i: number): boolean =>
  src[i] === '?' || src[i] === '*' || src.startsWith('{0', i);

export const isDigitChar = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Index just after the class starting at `i` ('['), or -1. In JavaScript the first unescaped ']' closes it. */
export function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just after the group starting at `i` ('('), or -1. */
export function groupEnd(src: string, i: number): number {
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
export function alternatives(src: string, from: number, to: number): [number, number][] | undefined {
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

/** True for a class body made only of digits, digit ranges and \d. */
export function isDigitClass(body: string): boolean {
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
