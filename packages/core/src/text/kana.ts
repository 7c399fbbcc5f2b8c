/**
 * Kana utilities: script conversion (hiragana, katakana, half-width katakana), script tests, and romanisation.
 * Used by the name detectors (readings are compared in katakana) and by surrogates that must write a reading
 * in the same script as the original.
 * @public
 */

const HIRA_START = 0x3041;
const HIRA_END = 0x3096;
const KATA_START = 0x30a1;
const KATA_END = 0x30f6;
const KANA_OFFSET = 0x60;

function mapUnits(s: string, f: (c: number) => number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(f(s.charCodeAt(i)));
  return out;
}

/** Hiragana to katakana; everything else (ー, kanji, ASCII) unchanged. */
export function toKatakana(s: string): string {
  return mapUnits(s, (c) => (c >= HIRA_START && c <= HIRA_END ? c + KANA_OFFSET : c));
}

/** Katakana to hiragana (ヷ–ヺ and ー, which have no hiragana letter, stay as they are). */
export function toHiragana(s: string): string {
  return mapUnits(s, (c) => (c >= KATA_START && c <= KATA_END ? c - KANA_OFFSET : c));
}

// Half-width forms U+FF61–U+FF9D in code order, and the full-width character each one stands for.
const HALF = '｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const VOICED_MARK = 'ﾞ';
const SEMI_VOICED_MARK = 'ﾟ';
const FULL_TO_HALF = new Map<string, string>();
const HALF_TO_FULL = new Map<string, string>();
for (let i = 0; i < HALF.length; i++) {
  FULL_TO_HALF.set(FULL[i] as string, HALF[i] as string);
  HALF_TO_FULL.set(HALF[i] as string, FULL[i] as string);
}
// Voiced kana are one character in full width and two (base + ﾞ/ﾟ) in half width.
const VOICEABLE = 'カキクケコサシスセソタチツテトハヒフヘホ';
for (const base of VOICEABLE) {
  const half = FULL_TO_HALF.get(base) as string;
  const voiced = String.fromCharCode(base.charCodeAt(0) + 1);
  FULL_TO_HALF.set(voiced, half + VOICED_MARK);
  HALF_TO_FULL.set(half + VOICED_MARK, voiced);
}
for (const base of 'ハヒフヘホ') {
  const half = FULL_TO_HALF.get(base) as string;
  const semi = String.fromCharCode(base.charCodeAt(0) + 2);
  FULL_TO_HALF.set(semi, half + SEMI_VOICED_MARK);
  HALF_TO_FULL.set(half + SEMI_VOICED_MARK, semi);
}
FULL_TO_HALF.set('ヴ', 'ｳﾞ');
HALF_TO_FULL.set('ｳﾞ', 'ヴ');
FULL_TO_HALF.set('ヷ', 'ﾜﾞ');
HALF_TO_FULL.set('ﾜﾞ', 'ヷ');
FULL_TO_HALF.set('ヺ', 'ｦﾞ');
HALF_TO_FULL.set('ｦﾞ', 'ヺ');
FULL_TO_HALF.set('゛', VOICED_MARK);
FULL_TO_HALF.set('゜', SEMI_VOICED_MARK);
FULL_TO_HALF.set('\u3000', ' ');

/** Full-width katakana (and hiragana, converted first) to half-width katakana: ガ becomes the two characters ｶﾞ. */
export function toHalfWidthKatakana(s: string): string {
  let out = '';
  for (const ch of toKatakana(s)) out += FULL_TO_HALF.get(ch) ?? ch;
  return out;
}

/** Half-width katakana to full width, joining ｶﾞ into ガ. Other characters are unchanged. */
export function toFullWidthKatakana(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const next = s[i + 1];
    if ((next === VOICED_MARK || next === SEMI_VOICED_MARK) && HALF_TO_FULL.has(ch + next)) {
      out += HALF_TO_FULL.get(ch + next) as string;
      i++;
      continue;
    }
    out += HALF_TO_FULL.get(ch) ?? (ch === VOICED_MARK ? '゛' : ch === SEMI_VOICED_MARK ? '゜' : ch);
  }
  return out;
}

const KATAKANA_RE = /^[\u30a1-\u30fa\u30fc]+$/;
const HIRAGANA_RE = /^[\u3041-\u3096\u30fc]+$/;
const HALF_KANA_RE = /^[\uff66-\uff9f]+$/;

/** True for a non-empty string of full-width katakana letters and ー only. */
export const isKatakana = (s: string): boolean => KATAKANA_RE.test(s);
/** True for a non-empty string of hiragana and ー only. */
export const isHiragana = (s: string): boolean => HIRAGANA_RE.test(s);
/** True for a non-empty string of half-width katakana (U+FF66–U+FF9F, including ｰ ﾞ ﾟ) only. */
export const isHalfWidthKana = (s: string): boolean => HALF_KANA_RE.test(s);

export { kanaToRomaji, romajiMatchKey, type RomajiOptions } from './romaji.js';
