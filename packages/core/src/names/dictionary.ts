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
  readonly entries: NameEntry[];
  readonly byKey: Map<string, NameInfo>;
  /** byKey by code unit, for lookups straight on a text. */
  readonly trie: NameTrie<NameInfo>;
  readonly readings: Set<string>;
  readonly maxLength: number;
}

function loadJa(file: string): JaTable {
  const entries: NameEntry[] = [];
  const byKey = new Map<string, NameInfo>();
  const trie = new NameTrie<NameInfo>();
  const readings = new Set<string>();
  let maxLength = 0;
  for (const line of readData(file)) {
    const [surface = '', readingList = '', cost = '0', flags = ''] = line.split('\t');
    const rs = readingList.split(',');
    const primary = rs[0] ?? '';
    entries.push(new LazyEntry(surface, primary));
    for (const r of rs) readings.add(r);
    const key = foldItaiji(surface);
    if (!byKey.has(key)) {
      const info = { readings: rs, cost: Number(cost), word: flags.includes('w'), place: flags.includes('p') };
      byKey.set(key, info);
      trie.add(key, info);
      if (key.length > maxLength) maxLength = key.length;
    }
  }
  return { entries, byKey, trie, readings, maxLength };
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
  return {
    surnames: sur.entries,
    givenNames: giv.entries,
    maxSurnameLength: sur.maxLength,
    maxGivenNameLength: giv.maxLength,
    isSurname: (s) => sur.byKey.has(foldItaiji(s)),
    isGivenName: (s) => giv.byKey.has(foldItaiji(s)),
    surnameInfo: (s) => sur.byKey.get(foldItaiji(s)),
    givenNameInfo: (s) => giv.byKey.get(foldItaiji(s)),
    surnamesAt: (text, start, maxLength) => sur.trie.prefixes(text, start, maxLength),
    surnamesInto: (text, start, maxLength, out) => sur.trie.prefixesInto(text, start, maxLength, out),
    surnameInfoAt: (text, start, end) => sur.trie.get(text, start, end),
    canStartSurname: (c) => sur.trie.canStartWith(c),
    givenNameInfoAt: (text, start, end) => giv.trie.get(text, start, end),
    readingsOf: (kanji, kind) => (kind === 'surname' ? sur : giv).byKey.get(foldItaiji(kanji))?.readings ?? [],
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
