import type { NameDictionary } from '../../names/dictionary.js';

const KANA_GIVEN_RE = /^ ?([\u3041-\u3096]{2,5}|[\u30a1-\u30fa\u30fc]{2,6})/;
// What may follow a kana given name: end of text, punctuation, a space, an honorific or a particle.
// Honorifics, particles and auxiliaries that follow a surname and happen to be given-name readings (サン, カラ).
const NOT_A_KANA_GIVEN =
  /^(?:さん|さま|くん|ちゃん|から|まで|より|です|でし|ます|には|では|とは|への|たち|など|ので|けど|って|だけ|しか|ほど|ごと|こと|もの|ため|とし|によ|にて|サン|サマ|クン|チャン)/;
// Tried sticky at the index after the name: every alternative fits in the three units the slices they replaced
// held, and `$` is the end of the text there as it was the end of an empty slice.
const HONORIFIC_OR_PARTICLE = /さん|さま|くん|ちゃん|[様殿のはがに、。]/y;
const AFTER_KANA_GIVEN = /$|[\s、。,.!?:)\]」』様はがのをにとへも宛]|さん|さま|くん|ちゃん|から|より|です/y;
const matchesAt = (re: RegExp, text: string, at: number): boolean => {
  re.lastIndex = at;
  return re.test(text);
};

/** True for a unit KANA_GIVEN_RE's word can start with (hiragana ぁ-ゖ, katakana ァ-ヺ, ー). */
const isKanaGivenUnit = (c: number): boolean =>
  (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;

/**
 * A kana given name starting at `at` (after an optional space): the longest dictionary reading followed by
 * something a name can be followed by; failing that, when spaced, a whole short kana word followed by an honorific
 * (ひなたさん: modern names IPADIC lacks; the caller scores it low and the honorific lifts it). Returns the end
 * times two, plus one when the reading is in the dictionary, or -1 (no object: it is asked for every kanji run
 * that is a whole surname).
 */
export function kanaGivenEnd(dict: NameDictionary, text: string, at: number, spaced: boolean): number {
  // Most surnames are followed by something else than kana (a title, punctuation, more kanji after a space): one
  // look at the first unit of the word answers them without a slice and a regex.
  if (!isKanaGivenUnit(text.charCodeAt(text.charCodeAt(at) === 0x20 ? at + 1 : at))) return -1;
  const m = KANA_GIVEN_RE.exec(text.slice(at, at + 8));
  if (m === null) return -1;
  const word = m[1] as string;
  if (NOT_A_KANA_GIVEN.test(word)) return -1;
  const lead = m[0].length - word.length;
  for (let len = word.length; len >= 2; len--) {
    const end = at + lead + len;
    if (dict.isGivenNameReading(word.slice(0, len)) && matchesAt(AFTER_KANA_GIVEN, text, end)) {
      return end * 2 + 1;
    }
  }
  for (let len = Math.min(word.length, 4); len >= 2; len--) {
    const end = at + lead + len;
    if (spaced && matchesAt(HONORIFIC_OR_PARTICLE, text, end)) return end * 2;
  }
  return -1;
}
