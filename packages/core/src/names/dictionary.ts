import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreError } from '../errors.js';
import { RULES_DATA_DIR } from '../paths.js';
import { ITAIJI_CHAR_FOLDS } from '../text/itaiji.js';
import { kanaToRomaji, romajiMatchKey } from '../text/romaji.js';
import { NameTrie } from './name-trie.js';
import { SortedList } from './sorted-list.js';

/** One dictionary name: its written form, primary katakana reading, and passport-style romaji of that reading. */
export interface NameEntry {
  readonly kanji: string;
  readonly kana: string;
  readonly romaji: string;
}

/** What the detectors need to know about one written form (looked up on itaiji-folded text). */
export interface NameInfo {
  /** Katakana readings, most common first. */
  readonly readings: readonly string[];
  /** IPADIC cost: lower is more common. */
  readonly cost: number;
  /** Also an ordinary word (中央, 本日): a name only with more evidence. */
  readonly word: boolean;
  /** Also a place name (大阪, 上田). */
  readonly place: boolean;
}

/** How an English token is listed: as a name only, or as a name that is also a common English word (Will, May). */
export type EnglishNameKind = 'name' | 'word';

/**
 * Japanese and English name dictionaries (rules/data/names/, built by scripts/build-name-dictionary.ts).
 * Japanese lookups fold itaiji first, so 髙橋 and 高橋 are the same surname.
 * @public
 */
export interface NameDictionary {
  readonly surnames: readonly NameEntry[];
  readonly givenNames: readonly NameEntry[];
  isSurname(s: string): boolean;
  isGivenName(s: string): boolean;
  readingsOf(kanji: string, kind: 'surname' | 'given'): readonly string[];
  isSurnameReading(kana: string): boolean;
  isGivenNameReading(kana: string): boolean;
  isEnglishFirstName(s: string): boolean;
  isEnglishLastName(s: string): boolean;
  /** Details of a surname, or undefined. */
  surnameInfo(s: string): NameInfo | undefined;
  /** Details of a given name, or undefined. */
  givenNameInfo(s: string): NameInfo | undefined;
  /**
   * surnameInfo(text.slice(start, start + L)) for every L up to maxLength, as element L, in one walk over `text`
   * without slicing (detectors try every surname length at every kanji run).
   */
  surnamesAt(text: string, start: number, maxLength: number): readonly (NameInfo | undefined)[];
  /**
   * surnamesAt() written into `out` (elements 1 to the returned walk length; later ones are left as they were),
   * for a caller that walks every kanji run and keeps one array for it.
   */
  surnamesInto(text: string, start: number, maxLength: number, out: (NameInfo | undefined)[]): number;
  /** surnameInfo(text.slice(start, end)), without slicing. */
  surnameInfoAt(text: string, start: number, end: number): NameInfo | undefined;
  /** False when no surname starts with the text's unit `c` (itaiji folded): surnamesAt there finds nothing. */
  canStartSurname(c: number): boolean;
  /** givenNameInfo(text.slice(start, end)), without slicing. */
  givenNameInfoAt(text: string, start: number, end: number): NameInfo | undefined;
  /** Longest surname / given name in UTF-16 units (bounds the longest-match search). */
  readonly maxSurnameLength: number;
  readonly maxGivenNameLength: number;
  /** True when a romaji token (Yamada, OHNO, Satoh) spells a surname reading; compared by romajiMatchKey. */
  isSurnameRomaji(token: string): boolean;
  isGivenNameRomaji(token: string): boolean;
  /** English list membership, with whether the name is also a common word. Case-insensitive. */
  englishFirstName(s: string): EnglishNameKind | undefined;
  englishLastName(s: string): EnglishNameKind | undefined;
  /** True when the lowercase form is a common English word (wamerican-small): Support, Payroll, Reported. */
  isEnglishWord(s: string): boolean;
}

/** Folds itaiji so dictionary keys match the engine's matching copy. */
export function foldItaiji(s: string): string {
  // Detectors look names up on the already-folded matching copy: return the same string when nothing folds.
  let i = 0;
  while (i < s.length && !ITAIJI_CHAR_FOLDS.has(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(ITAIJI_CHAR_FOLDS.get(c) ?? c);
  }
  return out;
}

function readText(file: string): string {
  const path = join(RULES_DATA_DIR, 'names', file);
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw coreError('KAMEN_ERR_DATA_FILE', `names/${file}`, { file: path }, cause);
  }
}

function readData(file: string): string[] {
  return readText(file)
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** Romanised on first use: kanaToRomaji on 32k names would cost ~50 ms at every start. */
class LazyEntry implements NameEntry {
  #romaji: string | undefined;
  constructor(
    readonly kanji: string,
    readonly kana: string,
  ) {}
  get romaji(): string {
    return (this.#romaji ??= kanaToRomaji(this.kana));
  }
}

interface JaTable {
  /** Names by code unit (itaiji-folded keys; the first line of a key wins), for lookups on a text or a whole string. */
  readonly trie: NameTrie<NameInfo>;
  readonly readings: Set<string>;
  readonly maxLength: number;
}

/**
 * The lookup side of a Japanese name file. Every kamen process and worker thread loads both files at its first
 * Japanese text, in code not yet optimised, so the loop keeps to what detection needs: the trie answers whole-string
 * lookups too (it folds each unit as foldItaiji does), so no Map of the same keys is built, and the NameEntry list
 * the surrogate operators draw from is read from the file only when they ask (entriesOf). Both files, CPU ms in
 * fresh processes alternating (2026-12-02): 188-234 -> 151-201; a whole-string lookup 227-248 -> 117-126 ns.
 */
function loadJa(file: string): JaTable {
  const trie = new NameTrie<NameInfo>();
  const readings = new Set<string>();
  let maxLength = 0;
  for (const line of readData(file)) {
    const [surface = '', readingList = '', cost = '0', flags = ''] = line.split('\t');
    const rs = readingList.split(',');
    for (const r of rs) readings.add(r);
    const key = foldItaiji(surface);
    if (trie.get(key, 0, key.length) === undefined) {
      trie.add(key, { readings: rs, cost: Number(cost), word: flags.includes('w'), place: flags.includes('p') });
      if (key.length > maxLength) maxLength = key.length;
    }
  }
  return { trie, readings, maxLength };
}

/** Every line of a name file as a NameEntry (written form and primary reading), in file order. */
function entriesOf(file: string): NameEntry[] {
  return readData(file).map((line) => {
    const [surface = '', readingList = ''] = line.split('\t');
    return new LazyEntry(surface, readingList.split(',')[0] ?? '');
  });
}

/** An English name list, lower-cased as lookups are: listed names, with whether each is also a common word. */
function loadEn(file: string): (lowerName: string) => EnglishNameKind | undefined {
  const list = new SortedList(readText(file).toLowerCase());
  return (name) => {
    const word = list.get(name);
    return word === undefined ? undefined : word ? 'word' : 'name';
  };
}

function romajiKeys(readings: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const r of readings) keys.add(romajiMatchKey(kanaToRomaji(r)));
  return keys;
}

const toKatakana = (s: string): string => {
  let i = 0;
  while (i < s.length && !(s.charCodeAt(i) >= 0x3041 && s.charCodeAt(i) <= 0x3096)) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c);
  }
  return out;
};

// What a memo stores for an undefined answer.
const NONE: unique symbol = Symbol('none');

/**
 * A bounded memo of a pure function of a token. Free text repeats its tokens (names, headings, common words) and
 * each lookup costs a lower-casing (or ~15 regex replaces for a romaji key) plus a probe of a 200k-entry map;
 * a small map of recent tokens answers most of them. Cleared when full, so memory stays bounded.
 */
function memoize<V>(fn: (token: string) => V, max = 4096): (token: string) => V {
  // An undefined answer (most tokens are no listed name) is stored as NONE: one probe answers it, not a get and a has.
  const memo = new Map<string, V | typeof NONE>();
  return (token) => {
    const hit = memo.get(token);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as V;
    const v = fn(token);
    if (memo.size >= max) memo.clear();
    memo.set(token, v === undefined ? NONE : v);
    return v;
  };
}

function buildDictionary(): NameDictionary {
  const sur = loadJa('ja-surnames.tsv');
  const giv = loadJa('ja-given-names.tsv');
  // English lists load on first English lookup: Japanese-only input never pays for the 200k last names.
  let enFirstList: ((lowerName: string) => EnglishNameKind | undefined) | undefined;
  let enLastList: ((lowerName: string) => EnglishNameKind | undefined) | undefined;
  const enFirst = (s: string) => (enFirstList ??= loadEn('en-first.txt'))(s.toLowerCase());
  const enLast = (s: string) => (enLastList ??= loadEn('en-last.txt'))(s.toLowerCase());
  let enWordList: SortedList | undefined;
  const enWord = (s: string): boolean => (enWordList ??= new SortedList(readText('en-words.txt'))).get(s) !== undefined;
  const firstName = memoize(enFirst);
  const lastName = memoize(enLast);
  let surRomaji: Set<string> | undefined;
  let givRomaji: Set<string> | undefined;
  let surEntries: NameEntry[] | undefined;
  let givEntries: NameEntry[] | undefined;
  const infoOf = (t: JaTable, s: string): NameInfo | undefined => t.trie.get(s, 0, s.length);
  return {
    get surnames() {
      return (surEntries ??= entriesOf('ja-surnames.tsv'));
    },
    get givenNames() {
      return (givEntries ??= entriesOf('ja-given-names.tsv'));
    },
    maxSurnameLength: sur.maxLength,
    maxGivenNameLength: giv.maxLength,
    isSurname: (s) => infoOf(sur, s) !== undefined,
    isGivenName: (s) => infoOf(giv, s) !== undefined,
    surnameInfo: (s) => infoOf(sur, s),
    givenNameInfo: (s) => infoOf(giv, s),
    surnamesAt: (text, start, maxLength) => sur.trie.prefixes(text, start, maxLength),
    surnamesInto: (text, start, maxLength, out) => sur.trie.prefixesInto(text, start, maxLength, out),
    surnameInfoAt: (text, start, end) => sur.trie.get(text, start, end),
    canStartSurname: (c) => sur.trie.canStartWith(c),
    givenNameInfoAt: (text, start, end) => giv.trie.get(text, start, end),
    readingsOf: (kanji, kind) => infoOf(kind === 'surname' ? sur : giv, kanji)?.readings ?? [],
    isSurnameReading: (kana) => sur.readings.has(toKatakana(kana)),
    isGivenNameReading: (kana) => giv.readings.has(toKatakana(kana)),
    isSurnameRomaji: memoize((token) => (surRomaji ??= romajiKeys(sur.readings)).has(romajiMatchKey(token))),
    isGivenNameRomaji: memoize((token) => (givRomaji ??= romajiKeys(giv.readings)).has(romajiMatchKey(token))),
    englishFirstName: firstName,
    englishLastName: lastName,
    // The same memo as the kinds: an unlisted token is a binary search of the list's text (sorted-list.ts).
    isEnglishFirstName: (s) => firstName(s) !== undefined,
    isEnglishLastName: (s) => lastName(s) !== undefined,
    isEnglishWord: memoize((s) => enWord(s.toLowerCase())),
  };
}

let instance: NameDictionary | undefined;

/**
 * The built-in name dictionary, loaded on first use and shared by every detector and operator in the process.
 * @public
 */
export function getNameDictionary(): NameDictionary {
  instance ??= buildDictionary();
  return instance;
}
