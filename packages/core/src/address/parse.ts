import { normalizeText } from '../text/normalize.js';
import { DESIGNATED_CITIES } from './designated-cities.js';
import { PREFECTURES } from './prefectures.js';

/** The administrative head of a Japanese address. @public */
export interface ParsedAddress {
  /** One of the 47 prefecture names, as listed in PREFECTURES. */
  readonly prefecture?: string;
  /** 〜市, 〜市〜区, 〜区, 〜郡〜町/村 or 〜町/村, as written in the value. */
  readonly municipality?: string;
  /** Everything after the municipality (or the prefecture), as written: 町域, 丁目, 番地, building, room. */
  readonly rest: string;
}

// Prefecture names without their suffix are also written (東京渋谷区, 大阪市): only the full names are used here.
// Looked up by first character, candidates in PREFECTURES order, as an alternation of them would try them: one map
// lookup and at most a few startsWith calls per value instead of a 47-way regex.
const PREF_BY_FIRST = new Map<string, string[]>();
for (const p of PREFECTURES) {
  const list = PREF_BY_FIRST.get(p[0] as string);
  if (list === undefined) PREF_BY_FIRST.set(p[0] as string, [p]);
  else list.push(p);
}
// Whitespace and a postal code (〒150-0002) before the address.
const LEAD = /^\s*(?:〒?\s?\d{3}-?\d{4}\s*)?/;
// Municipality shapes, tried in order (jp-pii-spec.md §5): 〜郡〜町/村, designated city + 〜区, 〜市, 東京の〜区, 〜町/村.
// Cities whose name holds 郡 would otherwise read as a 郡 (蒲郡市 as 蒲郡 + 市…).
const CITY_WITH_GUN = /^(?:蒲郡市|大和郡山市|郡山市|郡上市)/;
// 郡 + town or village. A 郡 name ends in 市 only in 余市郡 and 高市郡 (鈴鹿市郡山町 is a city and a town); the town may hold
// 市 or 郡 (芳賀郡市貝町, 赤穂郡上郡町).
const GUN = /^(?:余市|高市|[^\d\s市区郡]{1,5})郡[^\d\s区]{1,5}?[町村]/;
const WARD = new RegExp(`^(?:${DESIGNATED_CITIES.join('|')})[^\\d\\s市]{1,4}?区`);
const SHI = /^[^\d\s区]{1,6}?市/;
const KU = /^[^\d\s市郡]{1,4}?区/;
// 5 characters: Tokyo's island villages are written with the island (三宅島三宅村, 八丈島八丈町).
const CHOSON = /^[^\d\s市区郡]{1,5}?[町村]/;
const SHAPES: readonly RegExp[] = [CITY_WITH_GUN, GUN, WARD, SHI, KU, CHOSON];
// A lazy match stops at the first suffix character. These municipalities carry it twice (四日市市, 大町町); a town
// that merely starts with 町 or 市 (雫石町町裏, 〜市市場) must not be taken in, so they are listed.
const DOUBLED = /(?:^|郡)(?:四日市|廿日市|野々市|大町)$/;

/** Length of the municipality starting `s` (0 when none). Exported for the tests' reference parser only. */
export function municipalityLength(s: string): number {
  for (const re of SHAPES) {
    const m = re.exec(s);
    if (m === null) continue;
    const last = m[0][m[0].length - 1];
    const next = s[m[0].length];
    if (next === last && DOUBLED.test(m[0])) return m[0].length + 1;
    // 玉村町: the lazy match stopped at a 村 inside a 町 name.
    if (last === '村' && next === '町') return m[0].length + 1;
    return m[0].length;
  }
  return 0;
}

/** Length of LEAD at the start of `s`; a value starting with kana or kanji (nearly all) skips the regex. */
function leadLength(s: string): number {
  const c = s.charCodeAt(0);
  // Everything \s, 〒 (U+3012) or a digit matches is below U+3040 or is U+FEFF.
  if (c >= 0x3040 && c !== 0xfeff) return 0;
  return LEAD.exec(s)?.[0].length ?? 0;
}

/** The prefecture `s` holds at index `i`, if any. */
function prefectureAt(s: string, i: number): string | undefined {
  const candidates = PREF_BY_FIRST.get(s.charAt(i));
  if (candidates === undefined) return undefined;
  for (const p of candidates) if (s.startsWith(p, i)) return p;
  return undefined;
}

/**
 * Splits a Japanese address into prefecture, municipality and the rest. Matching runs on the normalised text
 * (full-width digits, dash variants, itaiji), while the municipality and the rest are returned as the value wrote
 * them. A leading postal code is skipped. Returns null when neither a prefecture nor a municipality starts the value.
 * @public
 */
export function parseJapaneseAddress(value: string): ParsedAddress | null {
  const norm = normalizeText(value);
  const s = norm.text;
  let i = leadLength(s);
  const prefecture = prefectureAt(s, i);
  if (prefecture !== undefined) i += prefecture.length;
  const mLength = municipalityLength(s.slice(i));
  if (prefecture === undefined && mLength === 0) return null;
  const original = (from: number, to: number): string =>
    value.slice(norm.toOriginalStart(from), norm.toOriginalEnd(to));
  const municipality = mLength > 0 ? original(i, i + mLength) : undefined;
  const rest = original(i + mLength, s.length).trim();
  return {
    ...(prefecture !== undefined ? { prefecture } : {}),
    ...(municipality !== undefined ? { municipality } : {}),
    rest,
  };
}

/**
 * What parseJapaneseAddress's prefecture, followed by its municipality when `withMunicipality`, joins to ('' when
 * neither is found), without building the rest of the address or the parsed object: generalize's per-value path.
 * The prefecture alone needs no municipality match at all.
 */
export function japaneseAddressHead(value: string, withMunicipality: boolean): string {
  const norm = normalizeText(value);
  const s = norm.text;
  let i = leadLength(s);
  const prefecture = prefectureAt(s, i);
  if (!withMunicipality) return prefecture ?? '';
  if (prefecture !== undefined) i += prefecture.length;
  const mLength = municipalityLength(i === 0 ? s : s.slice(i));
  if (mLength === 0) return prefecture ?? '';
  const municipality = value.slice(norm.toOriginalStart(i), norm.toOriginalEnd(i + mLength));
  return prefecture === undefined ? municipality : prefecture + municipality;
}
