import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WITH_PREFECTURE } from '../../../packages/core/src/detectors/address/address-ja-patterns.js';
import {
  municipalityEnd,
  withPrefectureMatches,
} from '../../../packages/core/src/detectors/address/prefecture-first.js';

/** The global scan withPrefectureMatches replaces: every match, its groups and group 1's end (d flag). */
function globalScan(text: string): (string | number | undefined)[][] {
  const re = new RegExp(WITH_PREFECTURE.source, WITH_PREFECTURE.flags);
  const out: (string | number | undefined)[][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push([m.index, m.indices?.[1]?.[1], ...m]);
  return out;
}

const fast = (text: string): (string | number | undefined)[][] =>
  withPrefectureMatches(text).map((m) => [m.index, municipalityEnd(m), ...m]);

// Prefectures of 3 and 4 units, pieces of them (京都 in 東京都 and 京都府), suffix characters alone and doubled,
// municipalities, towns, blocks and buildings, so matches run into each other.
const PIECES = [
  ...'都道府県京東北海大阪神奈川和歌山鹿児島市区町村郡の、。 -0123456789丁目番地号',
  '北海道',
  '東京都',
  '京都府',
  '大阪府',
  '神奈川県',
  '和歌山県',
  '鹿児島県',
  '福岡県',
  '札幌市',
  '渋谷区',
  '横浜市港北区',
  '杵島郡大町町',
  '道玄坂',
  '1-2-3',
  '3丁目4番5号',
  'コーポ山田201号室',
  '都府県',
];
const textOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('withPrefectureMatches', () => {
  it('finds exactly the global scan matches, with the same groups and municipality end', () => {
    fc.assert(
      fc.property(textOf, (text) => {
        expect(fast(text)).toEqual(globalScan(text));
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    '東京都渋谷区道玄坂1-2-3',
    '京都府京都市東京都港区',
    '北海道札幌市へ1泊',
    '鹿児島県鹿児島市和歌山県',
    '都道府県',
    '',
  ])('agrees with the global scan on %s', (text) => {
    expect(fast(text)).toEqual(globalScan(text));
  });
});
