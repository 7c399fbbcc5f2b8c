import type { NameDictionary, NameInfo } from '../../names/dictionary.js';
import {
  cannotStartGivenNameAt,
  endsInMunicipalOffice,
  honorificSuffixLengthAt,
  isDepartmentWordAt,
  isKanjiUnit,
  looksLikeGivenNameAt,
} from './ja-name-cues.js';
import { kanaGivenEnd } from './ja-kana-given.js';

/**
 * The split search of person_name_ja: where a surname ends and a given name starts in a kanji run. It runs for
 * most kanji runs (six in ten start with a surname character), so it works on indices into the text: no slice, no
 * object per split, the surname walk written into one reused array. With the code-unit run scan, the trie's
 * layout and the cues read in place, person_name_ja's scan() went from 42 to 27 ms per 2 MB of Japanese HR text
 * (24 to 17 ms on mixed) against the slice-based version, timed in the same process (the candidates are compared
 * with test/core/names/oracle/person-name-ja.ts).
 */
const LONE_GIVEN_MAX = 3;

/** The result of the last bestSplit() that returned true: read it before the next call. */
export const split = { end: 0, score: 0, pattern: '' };

// The surname walk's output, reused by every call (bestSplit and loneSurnameEnd never nest).
const surnames: (NameInfo | undefined)[] = [undefined, undefined, undefined, undefined, undefined];

let found = false;
// The same order of comparison as before: a later candidate wins only with a strictly higher score.
function offer(end: number, score: number, pattern: string): void {
  if (found && !(score > split.score)) return;
  found = true;
  split.end = end;
  split.score = score;
  split.pattern = pattern;
}

/**
 * The best name starting at `s` in a kanji run ending at `runEnd` (`coreEnd` excludes a trailing title): true and
 * the name in `split`, or false.
 */
export function bestSplit(dict: NameDictionary, text: string, s: number, coreEnd: number, runEnd: number): boolean {
  found = false;
  const maxL = Math.min(dict.maxSurnameLength, coreEnd - s, 4);
  // Every surname length at `s` in one dictionary walk (most runs hold one short surname or none).
  const walked = dict.surnamesInto(text, s, maxL, surnames);
  for (let L = Math.min(maxL, walked); L >= 1; L--) {
    const sur = surnames[L];
    if (sur === undefined) continue;
    const weakSurname = sur.word || L === 1;
    const rem = coreEnd - (s + L);
    if (rem === 0) {
      // A lone surname is a name only with an honorific or label; its base score only ranks it above weak splits.
      offer(s + L, weakSurname ? 0.2 : 0.4, 'surname');
      // 山田 太郎: the given name is the next kanji run after one space.
      if (coreEnd === runEnd && text.charCodeAt(runEnd) === 0x20 && isKanjiUnit(text.charCodeAt(runEnd + 1))) {
        let e = runEnd + 1;
        while (e < text.length && isKanjiUnit(text.charCodeAt(e))) e++;
        const gStart = runEnd + 1;
        const gEnd = e - honorificSuffixLengthAt(text, gStart, e);
        const gLength = gEnd - gStart;
        const gInDict = dict.givenNameInfoAt(text, gStart, gEnd) !== undefined;
        if (gLength <= LONE_GIVEN_MAX && !(cannotStartGivenNameAt(text, gStart) && (!gInDict || gLength === 1))) {
          const inDict = gInDict;
          const shaped = !inDict && looksLikeGivenNameAt(text, gStart, gEnd);
          const score = inDict ? (L === 1 ? 0.6 : 0.85) : shaped ? (L === 1 ? 0.45 : 0.6) : weakSurname ? 0.3 : 0.6;
          offer(gEnd, score, inDict ? 'surname-given' : 'surname-kanji');
        }
      }
      // 佐藤 さくら, 渡辺ひなた: a kana given name. One-kanji surnames (岡, 森) only with a space before it.
      const spaced = text.charCodeAt(runEnd) === 0x20;
      const kana = coreEnd === runEnd && (L > 1 || spaced) ? kanaGivenEnd(dict, text, runEnd, spaced) : -1;
      if (kana >= 0) {
        const inDict = (kana & 1) === 1;
        offer(kana >> 1, inDict ? (weakSurname ? 0.6 : 0.7) : 0.45, 'surname-kana-given');
      }
      continue;
    }
    const gStart = s + L;
    const isDepartment = isDepartmentWordAt(text, gStart, coreEnd);
    if (isDepartment && coreEnd < runEnd && !sur.word && L > 1) {
      // 西村経理課長: surname, department, title. The surname alone is the name.
      offer(gStart, 0.45, 'surname-department');
      continue;
    }
    // 上田市, 田中工業: a place or company suffix is no given name, unless the dictionary lists a longer given
    // name that happens to start with that character (省軒).
    const givenListed = dict.givenNameInfoAt(text, gStart, coreEnd) !== undefined;
    const listed = rem > 1 && givenListed;
    if ((cannotStartGivenNameAt(text, gStart) && !listed) || isDepartment) continue;
    if (rem <= LONE_GIVEN_MAX) {
      const inDict = givenListed && (rem > 1 || L > 1);
      const shaped = !inDict && looksLikeGivenNameAt(text, gStart, coreEnd);
      // A dictionary given name after a two-kanji surname is strong even when the surname is also a word
      // (山田, 小川): the pair is what makes it a name. A name-shaped unknown given name (瑛太) is weaker.
      const score = inDict
        ? L === 1
          ? 0.55
          : sur.word
            ? 0.75
            : 0.85
        : shaped && L > 1
          ? sur.word
            ? 0.5
            : 0.6
          : weakSurname
            ? 0.25
            : 0.4;
      offer(coreEnd, score, inDict ? 'surname-given' : 'surname-kanji');
    } else if (!weakSurname) {
      // 田中太郎作成: a dictionary given name followed by more kanji; weaker, the run may be one compound word.
      for (let g = Math.min(3, rem); g >= 2; g--) {
        if (dict.givenNameInfoAt(text, gStart, gStart + g) !== undefined) {
          if (endsInMunicipalOffice(text, gStart + g)) break;
          offer(gStart + g, 0.55, 'surname-given');
          break;
        }
      }
    }
  }
  return found;
}

/** End of the longest two-or-more-kanji, non-word dictionary surname at `s` (before `limit`), or 0. */
export function loneSurnameEnd(dict: NameDictionary, text: string, s: number, limit: number): number {
  const maxL = Math.min(4, limit - s - 1);
  const walked = dict.surnamesInto(text, s, maxL, surnames);
  for (let L = Math.min(maxL, walked); L >= 2; L--) {
    const info = surnames[L];
    if (info !== undefined && !info.word) return s + L;
  }
  return 0;
}
