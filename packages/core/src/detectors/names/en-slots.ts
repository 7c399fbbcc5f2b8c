import { isCapital, isLetter } from './en-starts.js';
import { STRONG_SLOT_WORDS } from './en-cue-starts.js';

/**
 * The word before a capitalised pair that makes it a person: a strong slot (cc, ping, Dear, From:) or a weak one
 * (for, with, by), or a list slot (Attendees:, a capitalised item and its comma).
 *
 * Read in place, backwards from the pair, instead of running three `$`-anchored regexes on the 20 units before
 * each pair (the lookbehind and alternation tried at each of the 20 places): those regexes were about a tenth of the
 * English name detector's CPU profile on English HR text. Over the 15.5k pairs of 2 MB of English bench text, same
 * process on a busy box: 2.7-4.9 ms -> 0.8-2.2 ms (a bare loop over the same calls: 0.3-1.0 ms). The 20-unit
 * window is kept: a word cut by its left edge counts as starting there, as it did at the start of the slice
 * (test/core/detectors/names/en-slots.spec.ts compares both on generated text).
 */

/** Words bucketed by their last code unit (ASCII), `fold`: also under the other case of that unit. */
function byLastUnit(words: readonly string[], fold: boolean): readonly (readonly string[])[] {
  const table: string[][] = Array.from({ length: 128 }, () => []);
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    table[last]?.push(w);
    if (fold) table[last ^ 0x20]?.push(w);
  }
  return table;
}

// The strong slot words (the regex alternatives, case variants spelled out).
const STRONG = byLastUnit(STRONG_SLOT_WORDS, false);
// The weak slot words, matched without regard to ASCII case (all of them end in a letter).
const WEAK = byLastUnit(['for', 'with', 'by', 'from', 'and', 'to', 'per', 'on behalf of', 'according to'], true);

const WINDOW = 20;

const isSmall = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** True when text[s, e) is `w` (ASCII letters of any case) and no letter precedes it inside the window [lo, …). */
function wordEndsAt(text: string, e: number, w: string, lo: number, fold: boolean): boolean {
  const s = e - w.length;
  if (s < lo) return false;
  for (let k = 0; k < w.length; k++) {
    const wc = w.charCodeAt(k);
    const tc = text.charCodeAt(s + k);
    if (tc !== wc && !(fold && isLetter(tc) && (tc | 0x20) === wc)) return false;
  }
  return s === lo || !isLetter(text.charCodeAt(s - 1));
}

/** 2 after a strong name slot, 1 after a weak one, 0 otherwise. */
export function slotBefore(text: string, start: number): 0 | 1 | 2 {
  const lo = Math.max(0, start - WINDOW);
  // No slot word ends in a space: an optional space before the pair is the one a slot may leave.
  let e = start > lo && text.charCodeAt(start - 1) === 0x20 ? start - 1 : start;
  if (e <= lo) return 0;
  const last = text.charCodeAt(e - 1);
  if (last >= 128) return 0;
  for (const w of STRONG[last] as string[]) if (wordEndsAt(text, e, w, lo, false)) return 2;
  if (last === 0x3a) return e - 2 >= lo && isLetter(text.charCodeAt(e - 2)) ? 1 : 0; // Label:
  if (last === 0x2c) {
    // A capitalised item and its comma (Roe,), or a weak word and its comma (for,).
    let k = e - 2;
    while (k >= lo && isSmall(text.charCodeAt(k))) k--;
    if (k < e - 2 && k >= lo && isCapital(text.charCodeAt(k)) && (k === lo || !isLetter(text.charCodeAt(k - 1)))) {
      return 1;
    }
    e--;
  }
  for (const w of WEAK[text.charCodeAt(e - 1) & 0x7f] as string[]) if (wordEndsAt(text, e, w, lo, true)) return 1;
  return 0;
}
