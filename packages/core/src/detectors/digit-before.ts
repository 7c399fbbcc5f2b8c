import { readDigitAnchor } from './digit-anchor.js';
import { groupEnd } from './regex-source.js';

/**
 * The ASCII characters that cannot come right before a digit-anchored match: `(?<![\d./-])\d{1,2}[./-]…` starts at a
 * run of one or two digits, but not at one after '.', '/' or '-'. In dates most short runs follow such a separator
 * (2024-01-15: 01 and 15), so anchored-regex.ts neither tries nor counts them.
 *
 * Only for anchors whose matches start where a run starts (a lookbehind rejecting a digit, no prefix), where the
 * character before the run is the one the leading lookbehinds look at. A set may be smaller than the truth, never
 * larger: a character is in it only when a plain lookbehind body (digit-anchor.ts rejectsDigit reads the same bodies)
 * matches it alone, and such a body matches it wherever it stands.
 */
export function digitBeforeOf(source: string, flags = ''): Uint8Array | undefined {
  const read = readDigitAnchor(source, flags);
  if (read === undefined || !read.anchor.notAfterDigit || read.anchor.prefixMax > 0) return undefined;
  const set = new Uint8Array(128);
  // The leading assertions readDigitAnchor has read (each closes, none is quantified); a '^' ends the walk early,
  // which leaves the set smaller.
  for (let i = 0; ;) {
    if (LOOKAROUND.some((a) => source.startsWith(a, i))) {
      const e = groupEnd(source, i);
      if (source.startsWith('(?<!', i)) addRejected(source.slice(i + 4, e - 1), flags, set);
      i = e;
    } else if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
    // A digit never stands before a run: a set of digits alone tells nothing.
    else return set.some((v, c) => v === 1 && (c < 0x30 || c > 0x39)) ? set : undefined;
  }
}

/** Adds to `set` the ASCII characters right before a position that make `(?<!x)` fail there. */
function addRejected(x: string, flags: string, set: Uint8Array): void {
  // Without anchors, word boundaries, nested assertions or backreferences, a body that matches the lone character
  // matches it (and rejects the position) whatever surrounds it in a real text.
  if (/\\(?:[1-9bB]|k<)|[$^]|\(\?[=!<]/.test(x)) return;
  let re: RegExp;
  try {
    re = new RegExp(`(?<!${x})`, `${flags.replace(/[gyd]/g, '')}y`);
  } catch {
    return; // a body that does not stand alone: nothing known
  }
  for (let c = 0; c < 128; c++) {
    re.lastIndex = 1;
    if (!re.test(`${String.fromCharCode(c)}#`)) set[c] = 1;
  }
}

const LOOKAROUND = ['(?<!', '(?<=', '(?=', '(?!'];
