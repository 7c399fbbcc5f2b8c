import type { NameEntry } from '../../names/dictionary.js';
import { getNameDictionary } from '../../names/dictionary.js';
import { normalizeText } from '../../text/normalize.js';
import { toHalfWidthKatakana, toHiragana, toKatakana } from '../../text/kana.js';
import type { SurrogatePools } from './data.js';
import { KeyedChoices } from './keyed.js';

/** A written Japanese name split into its parts; `sep` is the exact separator between them ('' when glued). */
interface NameShape {
  readonly surname: string;
  readonly given: string;
  readonly sep: string;
}

/** The surrogate person chosen for one real person. */
export interface SurrogatePerson {
  readonly surname: NameEntry;
  readonly given: NameEntry;
}

const SEPARATOR = /[ \u3000・･]+/u;
const HALF_WIDTH_KANA = /[\uff66-\uff9f]/u;
const HIRAGANA = /[\u3041-\u3096]/u;
const KANA_ONLY = /^[\u3041-\u3096\u309b-\u309f\u30a0-\u30ff\uff65-\uff9f \u3000]+$/u;

function split(value: string, isSurname: (s: string) => boolean, isGiven: (s: string) => boolean): NameShape {
  const m = SEPARATOR.exec(value);
  if (m !== null && m.index > 0) {
    return { surname: value.slice(0, m.index), given: value.slice(m.index + m[0].length), sep: m[0] };
  }
  const chars = [...value];
  if (isSurname(value)) return { surname: value, given: '', sep: '' };
  for (let len = Math.min(4, chars.length - 1); len >= 1; len--) {
    const head = chars.slice(0, len).join('');
    if (isSurname(head) && isGiven(chars.slice(len).join('')))
      return { surname: head, given: chars.slice(len).join(''), sep: '' };
  }
  for (let len = Math.min(4, chars.length - 1); len >= 1; len--) {
    const head = chars.slice(0, len).join('');
    if (isSurname(head)) return { surname: head, given: chars.slice(len).join(''), sep: '' };
  }
  // Unknown name: the common 2+rest split; only the shape (surname + given) matters for the output.
  return chars.length <= 2
    ? { surname: value, given: '', sep: '' }
    : { surname: chars.slice(0, 2).join(''), given: chars.slice(2).join(''), sep: '' };
}

function identityKey(value: string): string {
  return normalizeText(value).text.replace(/\s+/gu, '');
}

/**
 * The surrogate person for a kanji name. Keyed on the normalised name without spaces, so 山田 太郎 in one file
 * and 山田太郎 in another get the same surrogate; never the same surname or given name as the original.
 */
export function choosePerson(key: Uint8Array, kanjiName: string, pools: SurrogatePools): SurrogatePerson {
  const dict = getNameDictionary();
  const shape = split(
    kanjiName,
    (s) => dict.isSurname(s),
    (s) => dict.isGivenName(s),
  );
  return pick(new KeyedChoices(key, 'PERSON_NAME', identityKey(kanjiName)), pools, shape.surname, shape.given, 'kanji');
}

function pick(
  choices: KeyedChoices,
  pools: SurrogatePools,
  surname: string,
  given: string,
  field: 'kanji' | 'kana',
): SurrogatePerson {
  let s = choices.pick(pools.surnames);
  while (s[field] === surname) s = choices.pick(pools.surnames);
  let g = choices.pick(pools.givenNames);
  while (g[field] === given) g = choices.pick(pools.givenNames);
  return { surname: s, given: g };
}

/** 山田 太郎 -> 佐藤 花子 (same shape: surname only, or surname + given with the same separator). */
export function surrogateKanjiName(value: string, key: Uint8Array, pools: SurrogatePools): string {
  const dict = getNameDictionary();
  const shape = split(
    value,
    (s) => dict.isSurname(s),
    (s) => dict.isGivenName(s),
  );
  const person = pick(
    new KeyedChoices(key, 'PERSON_NAME', identityKey(value)),
    pools,
    shape.surname,
    shape.given,
    'kanji',
  );
  return shape.given === '' ? person.surname.kanji : `${person.surname.kanji}${shape.sep}${person.given.kanji}`;
}

function inScriptOf(source: string, katakana: string): string {
  if (HALF_WIDTH_KANA.test(source)) return toHalfWidthKatakana(katakana);
  if (HIRAGANA.test(source)) return toHiragana(katakana);
  return katakana;
}

/** True when `value` is written in kana only (a reading, not a kanji name). */
export function isKanaName(value: string): boolean {
  return KANA_ONLY.test(value);
}

/**
 * ヤマダ タロウ -> the reading of the surrogate kanji name when the related 氏名 is known (so 氏名 and フリガナ stay one
 * person), else a keyed reading of its own; same script (katakana, half-width, hiragana) and separator.
 */
export function surrogateKanaName(value: string, key: Uint8Array, pools: SurrogatePools, relatedName?: string): string {
  const dict = getNameDictionary();
  const kata = toKatakana(value);
  const shape = split(
    value,
    (s) => dict.isSurnameReading(toKatakana(s)),
    (s) => dict.isGivenNameReading(toKatakana(s)),
  );
  let person: SurrogatePerson;
  let surnameOnly = shape.given === '';
  if (relatedName !== undefined && relatedName.trim() !== '' && !isKanaName(relatedName)) {
    person = choosePerson(key, relatedName, pools);
    const related = split(
      relatedName,
      (s) => dict.isSurname(s),
      (s) => dict.isGivenName(s),
    );
    if (shape.sep === '') surnameOnly = related.given === '';
  } else {
    const shapeKata = { surname: toKatakana(shape.surname), given: toKatakana(shape.given) };
    person = pick(
      new KeyedChoices(key, 'NAME_KANA', identityKey(kata)),
      pools,
      shapeKata.surname,
      shapeKata.given,
      'kana',
    );
  }
  const out = surnameOnly ? person.surname.kana : `${person.surname.kana}${shape.sep}${person.given.kana}`;
  return inScriptOf(value, out);
}

export { identityKey };
