import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJapaneseAddress } from '../../../packages/core/src/address/parse.js';
import { PREFECTURES } from '../../../packages/core/src/address/prefectures.js';

describe('parseJapaneseAddress', () => {
  it.each([
    ['東京都渋谷区渋谷二丁目21番1号', '東京都', '渋谷区', '渋谷二丁目21番1号'],
    ['大阪府大阪市北区梅田1-2-3', '大阪府', '大阪市北区', '梅田1-2-3'],
    ['三重県四日市市諏訪町1-5', '三重県', '四日市市', '諏訪町1-5'],
    ['北海道札幌市中央区北1条西2丁目', '北海道', '札幌市中央区', '北1条西2丁目'],
    ['長崎県大村市玖島1-25', '長崎県', '大村市', '玖島1-25'],
    ['東京都東村山市本町1-2-1', '東京都', '東村山市', '本町1-2-1'],
    ['佐賀県杵島郡大町町大町1', '佐賀県', '杵島郡大町町', '大町1'],
    ['〒150-0002 東京都渋谷区渋谷2-21-1', '東京都', '渋谷区', '渋谷2-21-1'],
    ['新潟県十日町市本町1', '新潟県', '十日町市', '本町1'],
  ])('splits %s', (text, prefecture, municipality, rest) => {
    expect(parseJapaneseAddress(text)).toEqual({ prefecture, municipality, rest });
  });

  it('reads a municipality without a prefecture', () => {
    expect(parseJapaneseAddress('横浜市中区山下町1')).toEqual({ municipality: '横浜市中区', rest: '山下町1' });
  });

  it('returns null when no prefecture or municipality starts the value', () => {
    expect(parseJapaneseAddress('渋谷2-21-1')).toBeNull();
    expect(parseJapaneseAddress('会議は明日です')).toBeNull();
  });

  it('always finds the prefecture a value starts with', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFECTURES), fc.string({ maxLength: 20 }), (pref, tail) => {
        expect(parseJapaneseAddress(`${pref}${tail}`)?.prefecture).toBe(pref);
      }),
    );
  });
});
