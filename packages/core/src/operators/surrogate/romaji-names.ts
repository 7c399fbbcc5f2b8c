import { getNameDictionary } from '../../names/dictionary.js';
import type { SurrogatePools } from './data.js';
import { KeyedChoices } from './keyed.js';
import { choosePerson, identityKey } from './names.js';

type CaseStyle = 'upper' | 'lower' | 'title';

const TOKEN = /[a-z][a-z'-]*/gi;

function caseOf(token: string): CaseStyle {
  if (token.length > 1 && token === token.toUpperCase()) return 'upper';
  if (token === token.toLowerCase()) return 'lower';
  return 'title';
}

function styled(name: string, style: CaseStyle): string {
  const lower = name.toLowerCase();
  if (style === 'upper') return lower.toUpperCase();
  if (style === 'lower') return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * Which token is the family name: `YAMADA Taro` and `Yamada, Taro` put it first; otherwise a Japanese surname
 * followed by a given name reads surname-first, and everything else is taken as Western order (Taro Yamada).
 */
function familyFirst(value: string, tokens: readonly string[], japanese: boolean): boolean {
  const [a, b] = tokens as [string, string];
  if (value.includes(',')) return true;
  if (caseOf(a) === 'upper' && caseOf(b) !== 'upper') return true;
  if (caseOf(b) === 'upper' && caseOf(a) !== 'upper') return false;
  const dict = getNameDictionary();
  if (japanese) return dict.isSurnameRomaji(a) && dict.isGivenNameRomaji(b) && !dict.isSurnameRomaji(b);
  return dict.isEnglishLastName(a) && !dict.isEnglishFirstName(a) && dict.isEnglishFirstName(b);
}

/**
 * Taro Yamada / YAMADA Taro -> the romaji of the surrogate person (when the related kanji 氏名 is known, or the
 * tokens are Japanese names), else an English surrogate name; token order, case style and separators are kept.
 */
export function surrogateLatinName(
  value: string,
  key: Uint8Array,
  pools: SurrogatePools,
  relatedName?: string,
): string {
  const tokens = value.match(TOKEN) ?? [];
  if (tokens.length === 0) return value;
  const dict = getNameDictionary();
  const related = relatedName !== undefined && /[\u3400-\u9fff]/u.test(relatedName) ? relatedName : undefined;
  const japanese = related !== undefined || tokens.every((t) => dict.isSurnameRomaji(t) || dict.isGivenNameRomaji(t));
  let family: string;
  let given: string;
  if (japanese) {
    const person =
      related !== undefined
        ? choosePerson(key, related, pools)
        : pickJapanese(new KeyedChoices(key, 'NAME_ROMAJI', identityKey(value).toLowerCase()), pools, tokens);
    family = person.surname.romaji;
    given = person.given.romaji;
  } else {
    const choices = new KeyedChoices(key, 'NAME_LATIN', identityKey(value).toLowerCase());
    const lowered = new Set(tokens.map((t) => t.toLowerCase()));
    do family = choices.pick(pools.englishFamily);
    while (lowered.has(family.toLowerCase()));
    do given = choices.pick(pools.englishGiven);
    while (lowered.has(given.toLowerCase()));
  }
  if (tokens.length === 1) return value.replace(TOKEN, () => styled(family, caseOf(tokens[0] as string)));
  const first = familyFirst(value, tokens, japanese);
  const last = tokens.length - 1;
  let i = 0;
  // Middle tokens (initials, middle names) become given-name initials so the shape stays the same.
  return value.replace(TOKEN, (t) => {
    const idx = i++;
    const isFamily = first ? idx === 0 : idx === last;
    const isGiven = first ? idx === 1 : idx === 0;
    if (isFamily) return styled(family, caseOf(t));
    if (isGiven) return styled(given, caseOf(t));
    return styled(given.charAt(0), caseOf(t));
  });
}

function pickJapanese(choices: KeyedChoices, pools: SurrogatePools, tokens: readonly string[]) {
  const lowered = new Set(tokens.map((t) => t.toLowerCase()));
  let surname = choices.pick(pools.surnames);
  while (lowered.has(surname.romaji.toLowerCase())) surname = choices.pick(pools.surnames);
  let given = choices.pick(pools.givenNames);
  while (lowered.has(given.romaji.toLowerCase())) given = choices.pick(pools.givenNames);
  return { surname, given };
}
