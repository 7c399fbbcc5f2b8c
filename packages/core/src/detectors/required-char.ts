import { alternatives, classEnd, groupEnd } from './regex-source.js';

/**
 * A non-ASCII character every match of a pattern needs in the text: one it consumes (`記号[ :]{0,2}\d{4}` needs 記)
 * or one a lookahead asks for (`…日?(?= ?生(?![産活…]))` needs 生). A text without it cannot hold a match, so the
 * pattern detector skips the pattern there with one indexOf (pattern-detector.ts): the birth dates written before 生
 * are not tried at all on English text, where their lead and digit anchors cost 0.8-2.5 ms per 2 MB pass each.
 *
 * Read only where every match must pass: the pattern's top-level sequence (one alternative), and, inside it, groups
 * and positive lookarounds of one alternative that are not quantified; there an unquantified plain character outside
 * ASCII counts (ASCII ones are too common to skip anything). Under the i flag nothing is read (case folding).
 */
export function requiredCharOf(source: string, flags = ''): string | undefined {
  if (flags.includes('i')) return undefined;
  return inSequence(source, 0, source.length);
}

function inSequence(src: string, from: number, to: number): string | undefined {
  if (alternatives(src, from, to)?.length !== 1) return undefined;
  for (let i = from; i < to;) {
    const c = src[i] as string;
    let end: number;
    let found: string | undefined;
    if (c === '\\') end = i + 2;
    else if (c === '[') {
      end = classEnd(src, i);
      if (end < 0) return undefined;
    } else if (c === '(') {
      end = groupEnd(src, i);
      if (end < 0) return undefined;
      let body = -1;
      if (src[i + 1] !== '?') body = i + 1;
      else if (src.startsWith('(?:', i) || src.startsWith('(?=', i)) body = i + 3;
      else if (src.startsWith('(?<=', i)) body = i + 4;
      if (body >= 0 && !isQuantifier(src[end])) found = inSequence(src, body, end - 1);
    } else {
      end = i + 1;
      const u = c.charCodeAt(0);
      const plain = u >= 0x80 && (u < 0xd800 || u > 0xdfff);
      if (plain && !isQuantifier(src[end])) found = c;
    }
    if (found !== undefined) return found;
    i = end;
  }
  return undefined;
}

const isQuantifier = (c: string | undefined): boolean => c === '?' || c === '*' || c === '+' || c === '{';
