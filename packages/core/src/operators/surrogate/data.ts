import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreError } from '../../errors.js';
import { foldItaiji, getNameDictionary, type NameEntry, type NameInfo } from '../../names/dictionary.js';
import { RULES_DATA_DIR } from '../../paths.js';
import { isCp932Safe } from './charset.js';

/** One real place: a surrogate address or postal code is drawn from these rows. */
export interface Place {
  readonly prefecture: string;
  readonly municipality: string;
  readonly town: string;
  /** `NNN-NNNN`. */
  readonly postalCode: string;
}

/** The candidate lists one surrogate configuration draws from (filtered once, at validate time). */
export interface SurrogatePools {
  readonly surnames: readonly NameEntry[];
  readonly givenNames: readonly NameEntry[];
  readonly englishGiven: readonly string[];
  readonly englishFamily: readonly string[];
  /** Places grouped by prefecture name. */
  readonly placesByPrefecture: ReadonlyMap<string, readonly Place[]>;
  readonly allPlaces: readonly Place[];
  /** First three postal digits -> prefecture name. */
  readonly prefectureOfZip3: ReadonlyMap<string, string>;
}

/** Names per list a surrogate may use: common enough to look real, many enough to rarely collide. */
const POOL_SIZE = 3000;
const PLAIN_KANJI = /^[\u4e00-\u9fff々]{1,3}$/u;

function readRows(name: string): string[][] {
  const file = join(RULES_DATA_DIR, 'surrogates', name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw coreError('KAMEN_ERR_DATA_FILE', 'cannot read surrogate data', { file }, cause);
  }
  const rows: string[][] = [];
  for (const line of text.split('\n')) if (line !== '' && !line.startsWith('#')) rows.push(line.split('\t'));
  return rows;
}

function build(cp932: boolean): SurrogatePools {
  const dict = getNameDictionary();
  // A usable name has a reading, is not also an ordinary word (中央) and, for CP932 output, has only JIS X 0208
  // kanji (no 髙, 﨑 …). The most common names (lowest IPADIC cost) look most plausible as replacements.
  // Only plain kanji names that are unambiguously one kind (a surname that is also a given name would change
  // the shape of 山田 太郎), written in their standard form (渡辺, not the itaiji 渡邉, which foldItaiji changes).
  const common = (
    list: readonly NameEntry[],
    info: (s: string) => NameInfo | undefined,
    otherKind: (s: string) => boolean,
  ): NameEntry[] =>
    list
      .map((e) => ({ e, i: info(e.kanji) }))
      .filter(
        ({ e, i }) =>
          i !== undefined &&
          !i.word &&
          !i.place &&
          PLAIN_KANJI.test(e.kanji) &&
          foldItaiji(e.kanji) === e.kanji &&
          !otherKind(e.kanji) &&
          e.kana.length > 1 &&
          e.romaji.length > 1 &&
          (!cp932 || isCp932Safe(e.kanji)),
      )
      .sort((a, b) => (a.i as NameInfo).cost - (b.i as NameInfo).cost || (a.e.kanji < b.e.kanji ? -1 : 1))
      .slice(0, POOL_SIZE)
      .map(({ e }) => e);
  const englishGiven: string[] = [];
  const englishFamily: string[] = [];
  for (const [kind, name] of readRows('en-names.tsv')) {
    if (name === undefined) continue;
    (kind === 'given' ? englishGiven : englishFamily).push(name);
  }
  const allPlaces: Place[] = [];
  const placesByPrefecture = new Map<string, Place[]>();
  for (const [prefecture, municipality, town, postalCode] of readRows('ja-places.tsv')) {
    if (prefecture === undefined || municipality === undefined || town === undefined || postalCode === undefined)
      continue;
    if (cp932 && !isCp932Safe(prefecture + municipality + town)) continue;
    const place: Place = { prefecture, municipality, town, postalCode };
    allPlaces.push(place);
    const list = placesByPrefecture.get(prefecture) ?? [];
    list.push(place);
    placesByPrefecture.set(prefecture, list);
  }
  const prefectureOfZip3 = new Map<string, string>();
  for (const [zip3, prefecture] of readRows('ja-zip3-pref.tsv')) {
    if (zip3 !== undefined && prefecture !== undefined) prefectureOfZip3.set(zip3, prefecture);
  }
  return {
    surnames: common(
      dict.surnames,
      (k) => dict.surnameInfo(k),
      (k) => dict.isGivenName(k),
    ),
    givenNames: common(
      dict.givenNames,
      (k) => dict.givenNameInfo(k),
      (k) => dict.isSurname(k),
    ),
    englishGiven,
    englishFamily,
    placesByPrefecture,
    allPlaces,
    prefectureOfZip3,
  };
}

const cache = new Map<boolean, SurrogatePools>();

/** Candidate pools for `charset`, built once per process and shared by every policy that asks for them. */
export function surrogatePools(charset: 'utf8' | 'cp932'): SurrogatePools {
  const cp932 = charset === 'cp932';
  let pools = cache.get(cp932);
  if (pools === undefined) {
    pools = build(cp932);
    cache.set(cp932, pools);
  }
  return pools;
}
