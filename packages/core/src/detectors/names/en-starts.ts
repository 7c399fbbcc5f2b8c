/**
 * Where the English name patterns can begin, found in one pass over the text instead of one whole-text regex scan
 * per pattern (eight scans of every character, most of them over Japanese or ordinary prose, were the larger part
 * of the English name detector's time).
 *
 * Every pattern of person-name-en.ts and en-name-cues.ts begins with an ASCII letter that no ASCII letter precedes
 * (a `(?<![A-Za-z])` lookbehind or `\b`), and its first two characters come from a short list (Mr, Dear, cc, a
 * capital and a small letter …). One pass buckets such word starts by pattern family; a pattern then runs sticky
 * at each position of its bucket, in order. That finds the same leftmost match a global scan from the same index
 * finds, because every index where the pattern can match is in its bucket.
 */

import type { NormalizedText } from '../../text/normalize.js';
import { CUES_BY_PREFIX, CUE_WORD_LENGTHS, Follow, cuePrefixes } from './en-cue-starts.js';

/** Pattern families, by how their matches can start. */
export const EnFamily = {
  /** Mr, Mrs, Ms, Miss, Mx, Dr, Prof. */
  title: 0,
  /** Name:, Employee:, Contact:, Approved by, Dear … */
  label: 1,
  /** cc, ping, notify, Hi, From: … spelt out, then an optional space and a capital (the name after it). */
  slot: 2,
  /** Hi, Hello, Dear, Thanks, Good morning … spelt out, then a space or comma or two and a capital (the addressee). */
  greeting: 3,
  /** A NAME token (Smith, O'Neil, McClure) followed by a space and a capital: First [M.] Last. */
  pair: 4,
  /** A NAME token followed by ", " and a capital: Last, First. */
  lastFirst: 5,
  /** Two or more capitals followed by a space and a capital: SMITH JOHN, MORIOKA Yuusei. */
  caps: 6,
  /**
   * A capital (ASCII, Ā, Ō, Ū) after no Latin letter, its token (letters and macronned vowels) followed by spaces
   * or tabs and another such capital: YAMADA Taro, Ōno Kenji (person-name-romaji.ts).
   */
  romaji: 7,
} as const;
export type EnFamily = (typeof EnFamily)[keyof typeof EnFamily];

const FAMILIES = 8;

// Second characters outside ASCII, and the end of the text, share index 127 (DEL), which no prefix uses.
const OTHER = 127;
// Bits 0-3 (title, label, slot, greeting) are decided per start by cueFamiliesAt; the table only says that a cue
// word starts with those two characters.
const CUE_BIT = 1 << 4;
const NAME_BIT = 1 << 7;
const CAPS_BIT = 1 << EnFamily.caps;

/** At [first * 128 + second]: CUE_BIT when a cue word starts so, NAME_BIT for a NAME, CAPS_BIT for two capitals. */
const TABLE: Uint8Array = (() => {
  const t = new Uint8Array(128 * 128);
  const set = (a: number, b: number, bit: number): void => {
    t[a * 128 + b] = (t[a * 128 + b] as number) | bit;
  };
  for (const prefix of cuePrefixes()) set(prefix >> 7, prefix & 127, CUE_BIT);
  for (let a = 65; a <= 90; a++) {
    for (const s of "abcdefghijklmnopqrstuvwxyz'") set(a, s.charCodeAt(0), NAME_BIT);
    for (let b = 65; b <= 90; b++) set(a, b, CAPS_BIT);
  }
  return t;
})();

export const isCapital = (c: number): boolean => c >= 0x41 && c <= 0x5a;
/** An ASCII letter: clearing bit 5 maps a-z onto A-Z and keeps every other unit out of A-Z. */
export const isLetter = (c: number): boolean => isCapital(c & ~0x20);
// What a NAME token is made of: letters, the apostrophe of O'Neil, the hyphen of Smith-Jones.
const isNameUnit = (c: number): boolean => isLetter(c) || c === 0x27 || c === 0x2d;

/** Where the run of NAME units (letters, apostrophes, hyphens) starting at text[s] ends. */
export function nameRunEnd(text: string, s: number): number {
  let q = s;
  while (isNameUnit(text.charCodeAt(q))) q++;
  return q;
}

/** True when `follow`'s separator and then a capital start at text[p]. */
function followsAt(text: string, p: number, follow: Follow): boolean {
  let c = text.charCodeAt(p);
  switch (follow) {
    case Follow.title:
      if (c === 0x2e) c = text.charCodeAt(++p);
      return c === 0x20 && isCapital(text.charCodeAt(p + 1));
    case Follow.label:
      if (c === 0x20) c = text.charCodeAt(++p);
      if (c !== 0x3a) return false;
      c = text.charCodeAt(++p);
      return isCapital(c) || (c === 0x20 && isCapital(text.charCodeAt(p + 1)));
    case Follow.space:
      return c === 0x20 && isCapital(text.charCodeAt(p + 1));
    case Follow.slot:
      return isCapital(c) || (c === 0x20 && isCapital(text.charCodeAt(p + 1)));
    case Follow.greeting: {
      if (c !== 0x20 && c !== 0x2c) return false;
      const d = text.charCodeAt(p + 1);
      return isCapital(d) || ((d === 0x20 || d === 0x2c) && isCapital(text.charCodeAt(p + 2)));
    }
  }
}

/** True when text[i, i + word.length) is `word`, whose first two units are known to be there. */
function spelledAt(text: string, i: number, word: string): boolean {
  for (let k = 2; k < word.length; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The cue families (bit 1 << family) that can match at text[i]: a cue word, its separator and a capital. */
function cueFamiliesAt(text: string, i: number): number {
  const cues = CUES_BY_PREFIX[text.charCodeAt(i) * 128 + text.charCodeAt(i + 1)];
  if (cues === null || cues === undefined) return 0;
  let bits = 0;
  for (const cue of cues) {
    if ((bits & cue.bit) === 0 && spelledAt(text, i, cue.word) && followsAt(text, i + cue.word.length, cue.follow)) {
      bits |= cue.bit;
    }
  }
  return bits;
}

/**
 * Word starts of a text (an ASCII letter after a non-letter; for the romaji family also Ā, Ō, Ū), bucketed by the
 * pattern families that can match there; each bucket ascending. A start goes in a bucket only when what a match needs right after it is there too
 * (a space and a capital after a NAME token, a capital after a greeting).
 *
 * One loop over the code units, stepping over each word once it is classified: the two whole-text regex scans it
 * replaced (the prefixes after a lookbehind, then `[^A-Za-z][A-Z]`) took 1.6x its time on English HR text and 1.3x
 * on mixed, classification included, though it also buckets the romaji starts (bench/detect.ts inputs, same
 * process; walking each word's letters once more for the NAME and romaji tokens had cost a further 30 %).
 */
export function findEnStarts(text: string): readonly (readonly number[])[] {
  const buckets: number[][] = [];
  for (let f = 0; f < FAMILIES; f++) buckets.push([]);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c)) {
      if (isMacronCapital(c) && !isLatinLetter(text.charCodeAt(i - 1))) romajiStart(text, i, i + 1, buckets);
      continue;
    }
    // The word's letters end at e; the NAME and romaji token scans resume there instead of walking them again.
    let e = i + 1;
    while (e < n && isLetter(text.charCodeAt(e))) e++;
    const d = text.charCodeAt(i + 1);
    const prefix = c * 128 + (d < 128 ? d : OTHER);
    let mask = TABLE[prefix] as number;
    // A word no cue starting so is as long as is no cue (the, this, request): cueFamiliesAt is not asked.
    if ((mask & CUE_BIT) !== 0 && (((CUE_WORD_LENGTHS[prefix] as number) >>> Math.min(e - i, 31)) & 1) === 0) {
      mask &= ~CUE_BIT;
    }
    if (mask !== 0) classify(text, i, e, mask, buckets);
    if (isCapital(c) && !isLatinExtended(text.charCodeAt(i - 1))) romajiStart(text, i, e, buckets);
    // No word starts inside a word: step to text[e], a non-letter after a letter that starts nothing (the loop's i++
    // steps over it).
    i = e;
  }
  return buckets;
}

// One bucketing per matching copy, kept on the copy (as text/digit-runs.ts keeps its runs): the English and the
// romaji name detectors both read it, and one pass over the text serves both.
const STARTS = Symbol('kamen.enStarts');
// The text is kept with the buckets: a copy spread into a new object with another text must not reuse them.
type WithStarts = NormalizedText & {
  [STARTS]?: { readonly text: string; readonly starts: readonly (readonly number[])[] };
};

/** findEnStarts of a matching copy, computed on first use and shared by the detectors that scan it. */
export function enStartsOf(input: NormalizedText): readonly (readonly number[])[] {
  const text = input.text;
  const cached = (input as WithStarts)[STARTS];
  if (cached !== undefined && cached.text === text) return cached.starts;
  const starts = findEnStarts(text);
  // A frozen copy (built by a caller) simply gets no cache.
  if (Object.isExtensible(input)) (input as WithStarts)[STARTS] = { text, starts };
  return starts;
}

// The romaji pattern's lookbehind excludes Latin Extended-A too (Ā-ſ); its capitals include Ā, Ō, Ū.
const isLatinExtended = (c: number): boolean => c >= 0x100 && c <= 0x17f;
const isLatinLetter = (c: number): boolean => isLetter(c) || isLatinExtended(c);
const isMacronCapital = (c: number): boolean => c === 0x100 || c === 0x14c || c === 0x16a;
// What a romaji token is made of: ASCII letters and the macronned vowels, capital or small.
const isRomajiUnit = (c: number): boolean =>
  isLetter(c) || c === 0x100 || c === 0x101 || c === 0x14c || c === 0x14d || c === 0x16a || c === 0x16b;

/**
 * Buckets the romaji start at `i` when its token is followed by spaces or tabs and a capital; text[i + 1, e) are
 * letters.
 */
function romajiStart(text: string, i: number, e: number, buckets: number[][]): void {
  let q = e;
  while (q < text.length && isRomajiUnit(text.charCodeAt(q))) q++;
  let c = text.charCodeAt(q);
  if (c !== 0x20 && c !== 0x09) return;
  do c = text.charCodeAt(++q);
  while (c === 0x20 || c === 0x09);
  if (isCapital(c) || isMacronCapital(c)) (buckets[EnFamily.romaji] as number[]).push(i);
}

// A plain function without inner closures: it runs once per candidate word (tsx would also rename each closure).
// text[i + 1, e) are letters.
function classify(text: string, i: number, e: number, mask: number, buckets: number[][]): void {
  if ((mask & CUE_BIT) !== 0) {
    const cues = cueFamiliesAt(text, i);
    for (let f = 0; f < 4; f++) if ((cues & (1 << f)) !== 0) (buckets[f] as number[]).push(i);
  }
  if ((mask & NAME_BIT) !== 0) {
    // Both patterns need " " or ", " right after the NAME, neither of them a NAME unit: the NAME spans the token.
    let q = e;
    while (q < text.length && isNameUnit(text.charCodeAt(q))) q++;
    const after = text.charCodeAt(q);
    if (after === 0x20 && isCapital(text.charCodeAt(q + 1))) (buckets[EnFamily.pair] as number[]).push(i);
    else if (after === 0x2c && text.charCodeAt(q + 1) === 0x20 && isCapital(text.charCodeAt(q + 2))) {
      (buckets[EnFamily.lastFirst] as number[]).push(i);
    }
  }
  if ((mask & CAPS_BIT) !== 0) {
    // [A-Z]{2,} and then a space: the capitals span the whole run.
    let k = i + 2;
    while (k < text.length && isCapital(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x20 && isCapital(text.charCodeAt(k + 1))) (buckets[EnFamily.caps] as number[]).push(i);
  }
}

/** A sticky copy of a global pattern, for execFrom. */
export const stickyOf = (re: RegExp): RegExp => new RegExp(re.source, re.flags.replace('g', '') + 'y');

/**
 * The first match of `sticky` at an index >= `from` among `starts` (ascending): what `re.exec(text)` with
 * `re.lastIndex = from` returns for the global pattern `re` whose matches can only begin at those indexes.
 */
export function execFrom(
  sticky: RegExp,
  text: string,
  starts: readonly number[],
  from: number,
): RegExpExecArray | null {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < starts.length; k++) {
    sticky.lastIndex = starts[k] as number;
    const m = sticky.exec(text);
    if (m !== null) return m;
  }
  return null;
}
