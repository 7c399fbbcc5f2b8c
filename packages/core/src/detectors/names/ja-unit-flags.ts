import type { NameDictionary } from '../../names/dictionary.js';

/**
 * What each UTF-16 code unit can be for the Japanese name cues (a title's last character, a label's first, an org
 * suffix, a surname's first …), as bits of one table. person_name_ja asks several of these of every kanji run; one
 * 64K-entry table per question (eight Uint8Arrays, plus the name trie's fold and root tables for "can a surname
 * start here?") spread each run's lookups over that many cache lines. One table answers them all from one line.
 * person_name_ja scan(), CPU ms per 2 MB pass with every other detector run in between (cache as in detect()),
 * same process, old vs new: ja 27.6 -> 13.3, mixed 14.9 -> 10.7.
 */
export const UNIT_FLAGS = new Uint16Array(0x10000);

/** First unit of an honorific or title honorificAt() accepts (or the space before one). */
export const HONORIFIC_FIRST = 1;
/** Last unit of a name label (氏名, 担当者). */
export const LABEL_LAST = 2;
/** First unit of a name label. */
export const LABEL_FIRST = 4;
/** Last unit of a kanji title (部長, 様). */
export const TITLE_LAST = 8;
/** First unit of a place or thing word, never of a given name (市, 工). */
export const NOT_GIVEN_START = 16;
/** An organisation suffix a name may follow inside a run (営業部山田). */
export const ORG_SUFFIX = 32;
/** Last unit of a typical given name (郎, 子). */
export const GIVEN_ENDING = 64;
/** First unit of a department word (経理). */
export const DEPARTMENT_FIRST = 128;
/** First unit of a personal honorific after a name (さん, 様) or the space before one. */
export const PERSONAL_FIRST = 256;
/** First unit (itaiji folded) of a dictionary surname: set by surnameStartFlags(). */
export const SURNAME_FIRST = 512;

/** Sets `flag` for every code unit of `chars`. */
export function markUnits(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    UNIT_FLAGS[c] = (UNIT_FLAGS[c] as number) | flag;
  }
}

let flagged: NameDictionary | undefined;

/** UNIT_FLAGS with SURNAME_FIRST set exactly where `dict.canStartSurname` holds (computed once per dictionary). */
export function surnameStartFlags(dict: NameDictionary): Uint16Array {
  if (flagged !== dict) {
    for (let c = 0; c < 0x10000; c++) {
      const f = (UNIT_FLAGS[c] as number) & ~SURNAME_FIRST;
      UNIT_FLAGS[c] = dict.canStartSurname(c) ? f | SURNAME_FIRST : f;
    }
    flagged = dict;
  }
  return UNIT_FLAGS;
}
