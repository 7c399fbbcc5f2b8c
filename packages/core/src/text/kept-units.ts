import { ITAIJI_CHAR_FOLDS } from './itaiji.js';

// Kanji that an itaiji fold changes, one bit each from U+4E00: NFKC keeps every other kanji of that block.
const KANJI_FOLDED = new Int32Array((0xa000 - 0x4e00) >> 5);
for (const c of ITAIJI_CHAR_FOLDS.keys()) {
  const word = (c - 0x4e00) >> 5;
  if (c >= 0x4e00 && c < 0xa000) KANJI_FOLDED[word] = (KANJI_FOLDED[word] as number) | (1 << (c & 31));
}

/**
 * True for a code unit that is its own matching copy (normalize.ts: NFKC keeps it, no fold changes it, it is no
 * mark, no zero-width character and no ー), told from its range: ASCII, hiragana, katakana but ー, and kanji of
 * U+4E00-U+9FFF but the itaiji. normalize.ts asks its 64K tables only about other units: between two documents
 * the other detectors' data evict those tables from the cache, and their lookups then cost more than this test:
 * normalizeText timed between the detect() calls of each document (same process, old and new alternating, busy
 * box), CPU ms per 2 MB of mixed bench text 19-30 -> 18-23 (paired gain 2-9), en 1-2 less, ja within noise.
 * test/core/text/kept-units.spec.ts checks every unit against normalizeText.
 */
export function keeps(c: number): boolean {
  if (c < 0x80) return true;
  if (c >= 0x4e00) return c < 0xa000 && ((KANJI_FOLDED[(c - 0x4e00) >> 5] as number) & (1 << (c & 31))) === 0;
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa);
}
