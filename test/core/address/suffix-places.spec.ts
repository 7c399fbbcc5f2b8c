import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MUNICIPALITY_SUFFIXES,
  PREFECTURE_SUFFIXES,
  suffixPlaces,
} from '../../../packages/core/src/detectors/address/suffix-places.js';

/** The places suffixPlaces finds, read one unit at a time. */
function byUnit(text: string): { prefecture: number[]; municipality: number[] } {
  const prefecture: number[] = [];
  const municipality: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (PREFECTURE_SUFFIXES.includes(text[i] as string)) prefecture.push(i);
    if (MUNICIPALITY_SUFFIXES.includes(text[i] as string)) municipality.push(i);
  }
  return { prefecture, municipality };
}

// Both sets' characters side by side and apart, prefecture and municipality names, other kanji, kana, Latin.
const PIECES = [
  ...'都道府県市区郡町村京東山田のア A1-',
  '東京都',
  '北海道',
  '京都府',
  '神奈川県',
  '横浜市港北区',
  '杵島郡大町町',
];
const textOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('suffixPlaces', () => {
  it('finds every prefecture and municipality suffix character, in order', () => {
    fc.assert(
      fc.property(textOf, (text) => {
        expect(suffixPlaces(text)).toEqual(byUnit(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(suffixPlaces(text)).toEqual(byUnit(text));
      }),
      { numRuns: 500 },
    );
  });

  it('knows the suffixes of every prefecture (都, 道, 府, 県) and municipality (市, 区, 郡, 町, 村)', () => {
    expect([...PREFECTURE_SUFFIXES].sort()).toEqual([...'都道府県'].sort());
    expect(MUNICIPALITY_SUFFIXES).toEqual([...'市区郡町村']);
  });
});
