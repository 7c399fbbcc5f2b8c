import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, PREFECTURES } from '@kamen/core';

const addresses = (text: string): string[] =>
  detect(text, { entities: ['ADDRESS'] }).map((f) => text.slice(f.start, f.end));

const kanjiNumber = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

describe('Japanese address detector', () => {
  it('covers everything from the prefecture to the room', () => {
    const municipality = fc.constantFrom(
      '渋谷区',
      '大阪市北区',
      '札幌市中央区',
      '四日市市',
      '杵島郡大町町',
      '横浜市中区',
      '十日町市',
    );
    const town = fc.constantFrom('渋谷', '梅田', '本町', '山下町', '諏訪町', '大手');
    const block = fc.oneof(
      fc
        .tuple(fc.nat(8), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }))
        .map(([c, b, g]) => `${kanjiNumber[c]}丁目${b}番${g}号`),
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }))
        .map(([c, b, g]) => `${c}-${b}-${g}`),
    );
    const building = fc.constantFrom('', ' ハイツ青葉 201号室', ' サンライズマンション1203号室', ' 3F');
    fc.assert(
      fc.property(fc.constantFrom(...PREFECTURES), municipality, town, block, building, (p, m, t, b, bl) => {
        const address = `${p}${m}${t}${b}${bl}`;
        expect(addresses(`住所：${address}`)).toEqual([address]);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a bare prefecture or place name in a sentence alone', () => {
    for (const text of ['東京都の支店で会議', '大阪府大阪市で開催', '北海道出張の精算'])
      expect(addresses(text)).toEqual([]);
  });
});
