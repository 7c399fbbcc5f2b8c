/**
 * Where person_name_kana's name-label and bank-holder shapes can first match. Neither matched anything in 2 MB of
 * HR text, yet each global scan cost ~1.2 ms trying every position; every match of theirs holds a piece found by
 * indexOf (':' or '=' before kana, ')' before katakana) a few units after its start, so each scan starts a few units
 * before the first such piece, or is skipped when there is none. indexOf skips to a single unit about twice as fast
 * as a regex scans for a class; the regex search for either piece, /[:=] ?[kana]|\)[katakana]/, cost 0.81-1.26 ms
 * over 2 MB of bench text where these three indexOf walks cost 0.51-0.90 (same process, median of 15).
 */
const isKana = (c: number): boolean => (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
const isKata = (c: number): boolean => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;

/** /[:=] ?[ぁ-ゖァ-ヺー]/ at `p`, which holds ':' or '='. */
const kanaAfter = (text: string, p: number): boolean => {
  const c = text.charCodeAt(p + 1);
  return isKana(c) || (c === 0x20 && isKana(text.charCodeAt(p + 2)));
};
/** /\)[ァ-ヺー]/ at `p`, which holds ')'. */
const kataAfter = (text: string, p: number): boolean => isKata(text.charCodeAt(p + 1));

/** The first place at or after `from` (and before `before`, when that is not -1) of `unit` where `ok` holds, or -1. */
function firstOf(
  text: string,
  unit: string,
  from: number,
  before: number,
  ok: (text: string, p: number) => boolean,
): number {
  for (let p = text.indexOf(unit, from); p >= 0 && (before < 0 || p < before); p = text.indexOf(unit, p + 1)) {
    if (ok(text, p)) return p;
  }
  return -1;
}

/** Index of the first match of /[:=] ?[ぁ-ゖァ-ヺー]/ in `text`, or -1. */
export function colonGate(text: string): number {
  const colon = firstOf(text, ':', 0, -1, kanaAfter);
  const equals = firstOf(text, '=', 0, colon, kanaAfter);
  return equals >= 0 ? equals : colon;
}

/** Index of the first match of /\)[ァ-ヺー]/ in `text`, or -1. */
export const parenGate = (text: string): number => firstOf(text, ')', 0, -1, kataAfter);
