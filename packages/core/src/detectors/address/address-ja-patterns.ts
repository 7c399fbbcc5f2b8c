import { PREFECTURES } from '../../address/prefectures.js';

// Regex sources for Japanese addresses, on the normalised copy (ASCII digits and letters, '-' for every dash,
// U+3000 folded to a space). Every repetition is bounded and its alternatives are disjoint, so matching stays
// linear in the text length with a small constant.

const KANJI = '\\u4e00-\\u9fff\\u3005\\u3006';
const KATAKANA = '\\u30a1-\\u30fa\\u30fc';

// Hiragana that can sit inside a place name. Particles (で に を は へ と も や か が の) are left out: they are
// what joins an address to the rest of its sentence (渋谷区で3名). の and が are handled below.
const PARTICLES = new Set([...'でにをはへともやかがの']);
const HIRAGANA_IN_NAMES = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i))
  .filter((c) => !PARTICLES.has(c))
  .join('');

/** One character of a place or building name (no particles, no digits). */
const NAME_CHAR = `[${KANJI}${KATAKANA}${HIRAGANA_IN_NAMES}]`;
// の joins name parts (上の原, 六丁の目), never a name and a number (渋谷区の3店舗); が likewise (〜が丘, 松が根台).
const NO = `の(?=${NAME_CHAR})`;
const GA = `が(?=[${KANJI}])`;
const PLACE_CHAR = `(?:${NAME_CHAR}|${NO}|${GA})`;

/** A number written in digits or kanji numerals. */
const NUM = '[\\d〇一二三四五六七八九十百]{1,6}';
// What joins two numbers of a block: 丁目, 番地, 番, 号, 条 (北1条西2丁目), 番町 (西4番町809), 地割, 線, の, '-';
// a dash may follow a marker (18号-204, 851番地-3).
const JOIN = '(?:丁目|番地|地割|番町|条[東西南北]?|[番号の\\-線])-?';
/** 丁目・番地・号 blocks: 1-2-3, 1番2号, 一丁目2番3号, 5000番地, 18号-204. */
const BLOCK = `${NUM}(?:${JOIN}${NUM}){0,6}(?:丁目|番地|[番号])?`;
// A number followed by a counter is an amount or a count, not a block (渋谷区在住3名, 梅田店15日).
// (か所, ヶ月, カ所, 2つ and 1泊 count too.)
const NOT_A_COUNT = '(?![\\d〇一二三四五六七八九十百]|[名人件回個店年月日歳円万億%社期本枚分秒時泊つかヶカ])';

// Digits inside a 町域 name (旭川市4区1条, 5条通, 東4線南, 第1安井牧場): before 区/条/線/号/通, or before a name
// character that does not start a block (1番 and 1の are blocks), or N丁目 followed by more name (象潟町2丁目塩越).
const TOWN_DIGITS = `\\d{1,3}(?:(?=[区条線号通]|(?![丁番号条の線地])${NAME_CHAR})|丁目(?=${NAME_CHAR}))`;
/** 町域, 大字・字 and Kyoto street directions (烏丸通三条上ル場之町) between the municipality and the block. */
const TOWN = `(?:${PLACE_CHAR}|${TOWN_DIGITS}){0,20}`;
// After a prefecture and municipality, a 町域 may hold any kana (ひかりが丘, いかるが町, あやめ池); the detector then
// asks for 丁目/番地 structure when a particle is in it (see NARROW_TOWN), since it may be a sentence instead.
// Capital letters too: Japan Post writes a few 町域 with them (北広島市Ｆビレッジ), folded to ASCII by normalisation;
// a block number must still follow, so an English word after a municipality is not taken in on its own.
const WIDE_TOWN = `(?:[${KANJI}${KATAKANA}\\u3041-\\u3096・A-Z]|${TOWN_DIGITS}){0,20}`;
/** A 町域 without particles: no block structure is needed after it. */
export const NARROW_TOWN = new RegExp(`^${TOWN}$`);

const BUILDING_SUFFIX =
  '(?:マンション|ハイツ|ハイム|ビル(?:ディング)?|コーポ(?:ラス)?|レジデンス|タワー|アパート|ハウス|ヒルズ|コート|パレス|メゾン|プラザ|テラス|ガーデン|ヴィラ|フラット|キャッスル|シャトー|荘|寮|団地|住宅|会館)';
const BUILDING_PREFIX =
  '(?:コーポ|メゾン|ハイツ|パレス|グラン|ドミール|ライオンズ|シャトー|ヴィラ|カーサ|プラウド|パーク)';
const BUILDING_NAME_CHAR = `(?:[${KANJI}${KATAKANA}${HIRAGANA_IN_NAMES}A-Za-z・]|${NO})`;
/** A room or floor after a building: 201号室, 201号, 3F, 5階, B棟 201, bare 201. */
const ROOM = `(?:[ ]?(?:[A-Z]棟[ ]?)?\\d{1,4}(?:号室|[号階F])?(?![\\d年月日時円名人件回個%]))?`;
/** Building name and room, or a room/floor alone. */
const BUILDING =
  `(?:[ ]?(?:(?:第[\\d一二三四五六七八九十]{1,3})?${BUILDING_NAME_CHAR}{1,20}${BUILDING_SUFFIX}|${BUILDING_PREFIX}${BUILDING_NAME_CHAR}{1,12})(?:[ ]?[A-Z\\d一二三]{1,2}号?(?:棟|館))?${ROOM}` +
  `|[ ]?\\d{1,4}(?:号室|[階F]))?`;

/** Municipality: 〜郡〜町/村, 〜市(〜区), Tokyo's 〜区, 〜町/村, from names made of `char`. Lazy runs stop at the first suffix. */
function municipality(char: string): string {
  const notSuffix = `(?:(?![市区郡])${char})`;
  // A 郡 name may hold 市 (余市郡余市町), never 区 or 郡.
  const gunName = `(?:(?![区郡])${char})`;
  return (
    `(?:${gunName}{1,5}郡${char}{1,6}?[町村]` +
    `|${char}{1,6}?市(?:${notSuffix}{1,4}区)?` +
    `|${char}{1,4}?区` +
    `|${char}{1,5}?[町村])`
  );
}
// Right after a prefecture any kana may belong to the name (うきは市, かつらぎ町, みやま市); elsewhere particles end it.
const MUNICIPALITY_AFTER_PREFECTURE = municipality(`[${KANJI}${KATAKANA}\\u3041-\\u3096]`);
const MUNICIPALITY = municipality(PLACE_CHAR);

/**
 * Prefecture, then optionally the municipality (group 1), town (2), block (3), building and room (4), or a town name
 * alone at the end of the value (5). `d`: the detector needs group offsets.
 */
export const WITH_PREFECTURE = new RegExp(
  `(?:${PREFECTURES.join('|')})(${MUNICIPALITY_AFTER_PREFECTURE})?(?:(${WIDE_TOWN})(${BLOCK})${NOT_A_COUNT}(${BUILDING})|(${TOWN})(?=[\\s、。,)」]|$))?`,
  'dg',
);

/**
 * Municipality, town and block (group 1), building (group 2), without a prefecture. Only starts after something
 * that cannot be part of a place name, so a preceding word is never taken in.
 */
export const MUNICIPALITY_FIRST = new RegExp(
  // The leading lookahead adds no condition (every municipality starts with one of these characters) but lets V8
  // skip ahead to them instead of trying the long lookbehind at every position: about twice as fast.
  `(?=[${KANJI}${KATAKANA}\\u3041-\\u3096])(?<!${PLACE_CHAR}|の|が)${MUNICIPALITY}(${TOWN}${BLOCK})${NOT_A_COUNT}(${BUILDING})`,
  'g',
);

/** 丁目/番地/番/号 structure, or three dash-joined numbers that are not a date (2026-04-01). */
export const STRONG_BLOCK = /丁目|番地|番\d|号|(?:^|\D)(?!(?:19|20)\d\d-)\d{1,4}-\d{1,4}-\d/;

/** Address labels that may run straight into a municipality (住所横浜市…): they are not part of the address. */
export const LEADING_LABEL =
  /^(?:現住所|住民票住所|住所|所在地|本籍地|本籍|居所|帰省先|連絡先|自宅|勤務地|送付先|転居先)/;
