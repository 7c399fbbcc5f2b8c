import { MUNICIPALITY_FIRST } from './address-ja-patterns.js';
import { suffixPlaces } from './suffix-places.js';

/**
 * The matches of MUNICIPALITY_FIRST's global scan, found by trying the regex only where a match can start.
 *
 * Every match starts with a municipality, and each of its four forms puts a suffix character (市, 区, 郡, 町 or 村)
 * 1 to SUFFIX_REACH characters after the match's start: 〜郡 after 1-5 name characters, 〜市 after 1-6, 〜区 after
 * 1-4, 〜町/村 after 1-5, each name character one UTF-16 unit. Its leading lookahead also wants a kanji, katakana
 * or hiragana first. So the sticky regex is tried only at such characters up to SUFFIX_REACH before a suffix, in
 * increasing order, skipping those before the end of the previous match as the global scan skips them: the same
 * matches, with the same groups. Japanese text holds a suffix character every ~200 characters, and the global
 * scan tried its long lookbehind at every kanji and kana (about a tenth of detect() on Japanese documents).
 */
const SUFFIX_REACH = 6;

const STICKY = new RegExp(MUNICIPALITY_FIRST.source, MUNICIPALITY_FIRST.flags.replace('g', 'y'));

/** The characters MUNICIPALITY_FIRST's leading lookahead accepts: kanji (with 々 〆), katakana (with ー), hiragana. */
const mayStart = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  c === 0x3005 ||
  c === 0x3006 ||
  (c >= 0x30a1 && c <= 0x30fa) ||
  c === 0x30fc ||
  (c >= 0x3041 && c <= 0x3096);

// Particles end a place name (address-ja-patterns.ts), so the lookbehind lets a match start after them.
const PARTICLE_AFTER = new Set([...'でにをはへともやか'].map((c) => c.charCodeAt(0)));

/**
 * True when MUNICIPALITY_FIRST's lookbehind surely fails after `c`: a place-name character (kanji, katakana, any
 * hiragana but a particle) or の/が. Checked before each attempt, since most characters before a suffix are inside a
 * name; the regex still decides every attempt that is made.
 */
const continuesName = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  c === 0x3005 ||
  c === 0x3006 ||
  (c >= 0x30a1 && c <= 0x30fa) ||
  c === 0x30fc ||
  (c >= 0x3041 && c <= 0x3096 && !PARTICLE_AFTER.has(c));

const NONE: RegExpExecArray[] = [];

/**
 * MUNICIPALITY_FIRST's matches over `text`, in order (what a `while (exec)` loop from index 0 yields). `suffixes`:
 * the places of 市, 区, 郡, 町 and 村 in the text, in order (suffixPlaces(text).municipality).
 */
export function municipalityFirstMatches(
  text: string,
  suffixes: readonly number[] = suffixPlaces(text).municipality,
): RegExpExecArray[] {
  let out = NONE;
  let next = 0; // where the global scan would resume
  let tried = -1; // last start attempted: the windows before two close suffixes overlap
  for (const q of suffixes) {
    for (let p = Math.max(q - SUFFIX_REACH, next, tried + 1); p < q; p++) {
      tried = p;
      if (!mayStart(text.charCodeAt(p)) || (p > 0 && continuesName(text.charCodeAt(p - 1)))) continue;
      STICKY.lastIndex = p;
      const m = STICKY.exec(text);
      if (m === null) continue;
      // A municipality is at least two characters: never an empty match.
      if (out === NONE) out = [];
      out.push(m);
      next = p + m[0].length;
      // The next start is at the match's end at the earliest, which may still lie before this suffix.
      tried = next - 1;
      p = tried;
    }
  }
  return out;
}
