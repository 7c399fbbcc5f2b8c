import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { japaneseAddressHead, parseJapaneseAddress } from '../../../packages/core/src/address/parse.js';
import { PREFECTURES } from '../../../packages/core/src/address/prefectures.js';
import { DESIGNATED_CITIES } from '../../../packages/core/src/address/designated-cities.js';
import { jaAddressArb, placeArb } from '../../helpers/address-arbs.js';
import { DASH_VARIANTS, SPACE_VARIANTS, toFullWidth } from '../../helpers/generators.js';
import { referenceGeneralizeAddress, referenceParse } from './reference-parse.js';

const HALF_KANA = ['ｱ', 'ｶﾞ', 'ﾊﾟ', 'ｰ', 'ｯ'];
const ODD = ['〒', '\u200b', '\ufeff', '\u3099', '髙', '﨑', '㍻', '①', 'Ａ', '\t', '\n', ...HALF_KANA];

/** Real addresses in the ways they are written: postal code and spaces before, widths, dashes, odd characters. */
const writtenArb: fc.Arbitrary<string> = fc
  .tuple(
    jaAddressArb,
    fc.constantFrom('', '〒150-0002 ', '〒１５０－０００２　', '1500002', ' ', '\u3000', '\ufeff'),
    fc.boolean(),
    fc.constantFrom(...DASH_VARIANTS),
    fc.option(fc.tuple(fc.nat(40), fc.constantFrom(...ODD, ...SPACE_VARIANTS)), { nil: undefined }),
    fc.boolean(),
  )
  .map(([{ address, place }, lead, wide, dash, odd, dropPrefecture]) => {
    let a = dropPrefecture ? address.slice(place.prefecture.length) : address;
    a = (wide ? toFullWidth(a) : a).replace(/-/g, dash);
    if (odd !== undefined) a = a.slice(0, odd[0]) + odd[1] + a.slice(odd[0]);
    return lead + a;
  });

/** Prefectures, designated cities and municipalities glued to anything, and values cut at any point. */
const headsArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', ...PREFECTURES),
      fc.constantFrom('', ...DESIGNATED_CITIES, '四日市市', '大町町', '玉村町', '蒲郡市', '余市郡', '高市郡'),
      fc.string({ unit: fc.constantFrom('市', '区', '郡', '町', '村', '島', '中', '1', '１', ' ', '-') }),
    )
    .map((p) => p.join('')),
  fc.tuple(writtenArb, fc.nat()).map(([a, n]) => a.slice(0, n % (a.length + 1))),
  fc.tuple(placeArb, fc.string()).map(([p, s]) => p.municipality + s),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);

const anyArb = fc.oneof(writtenArb, headsArb);

describe('japaneseAddressHead and parseJapaneseAddress against the reference parser', () => {
  it('parseJapaneseAddress gives the reference parse on every input', () => {
    fc.assert(
      fc.property(anyArb, (v) => {
        expect(parseJapaneseAddress(v)).toEqual(referenceParse(v));
      }),
      { numRuns: 3000 },
    );
  });

  it("japaneseAddressHead joins the reference parse's prefecture and municipality", () => {
    fc.assert(
      fc.property(anyArb, fc.boolean(), (v, withMunicipality) => {
        const head = japaneseAddressHead(v, withMunicipality);
        expect(head === '' ? '*' : head).toBe(referenceGeneralizeAddress(v, withMunicipality));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a leading postal code, a wide address and a municipality alone', () => {
    expect(japaneseAddressHead('〒１５０－０００２　東京都渋谷区渋谷２－２１－１', true)).toBe('東京都渋谷区');
    expect(japaneseAddressHead('\ufeff大阪府大阪市北区梅田1-2-3', true)).toBe('大阪府大阪市北区');
    expect(japaneseAddressHead('大阪府大阪市北区梅田1-2-3', false)).toBe('大阪府');
    expect(japaneseAddressHead('横浜市中区山下町1', true)).toBe('横浜市中区');
    expect(japaneseAddressHead('横浜市中区山下町1', false)).toBe('');
    expect(japaneseAddressHead('渋谷2-21-1', true)).toBe('');
  });
});
