import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { detect } from '@kamen/core';
import {
  MUNICIPALITY_FIRST,
  WITH_PREFECTURE,
} from '../../../packages/core/src/detectors/address/address-ja-patterns.js';
import { ZIPCODES, addressNearMissArb, jaAddressArb, placeOf } from '../../helpers/address-arbs.js';

const addresses = (text: string): string[] =>
  detect(text, { entities: ['ADDRESS'] }).map((f) => text.slice(f.start, f.end));

describe('Japanese address detector: forms', () => {
  it.each([
    [
      '住所：〒150-0002 東京都渋谷区渋谷二丁目21番1号 ヒカリエマンション1203号室',
      '東京都渋谷区渋谷二丁目21番1号 ヒカリエマンション1203号室',
    ],
    ['東京都千代田区丸の内一丁目2番3号', '東京都千代田区丸の内一丁目2番3号'],
    ['東京都千代田区一番町1-2', '東京都千代田区一番町1-2'],
    ['大阪府大阪市北区梅田１－２－３に転居', '大阪府大阪市北区梅田１－２－３'],
    ['北海道札幌市中央区北1条西2丁目1番地', '北海道札幌市中央区北1条西2丁目1番地'],
    ['北海道旭川市4区2条四丁目40番1号', '北海道旭川市4区2条四丁目40番1号'],
    ['岩手県盛岡市大字上太田字細谷地15番地', '岩手県盛岡市大字上太田字細谷地15番地'],
    ['佐賀県杵島郡大町町大町5000番地', '佐賀県杵島郡大町町大町5000番地'],
    ['長野県北佐久郡軽井沢町大字軽井沢1323-1', '長野県北佐久郡軽井沢町大字軽井沢1323-1'],
    ['京都府京都市中京区烏丸通三条上ル場之町599', '京都府京都市中京区烏丸通三条上ル場之町599'],
    ['京都府京都市下京区烏丸通七条下る東塩小路町721-1', '京都府京都市下京区烏丸通七条下る東塩小路町721-1'],
    ['東京都港区六本木6-10-1 六本木ヒルズ森タワー45階', '東京都港区六本木6-10-1 六本木ヒルズ森タワー45階'],
    ['東京都新宿区西新宿2-8-1 ABCビル5階', '東京都新宿区西新宿2-8-1 ABCビル5階'],
    ['東京都渋谷区神南1-2-3 さくらハイツ 202号室に住んでいます', '東京都渋谷区神南1-2-3 さくらハイツ 202号室'],
    ['帰省先は新潟県十日町市本町1-2-3 コーポ山田 201号室です', '新潟県十日町市本町1-2-3 コーポ山田 201号室'],
    ['東京都渋谷区神南一丁目２番３号ハイツ青葉101', '東京都渋谷区神南一丁目２番３号ハイツ青葉101'],
    ['東京都渋谷区神南1-2-3-405', '東京都渋谷区神南1-2-3-405'],
    ['北海道雨竜郡沼田町南一条二丁目9番18号-204', '北海道雨竜郡沼田町南一条二丁目9番18号-204'],
    ['奈良県生駒市ひかりが丘7-5-4 16F', '奈良県生駒市ひかりが丘7-5-4 16F'],
    ['福岡県うきは市吉井町鷹取6-7-3。', '福岡県うきは市吉井町鷹取6-7-3'],
    ['〒100-0005 東京都千代田区丸の内1-2-3 丸の内ビルディング 10F', '東京都千代田区丸の内1-2-3 丸の内ビルディング 10F'],
    ['住所：横浜市中区山下町1-2', '横浜市中区山下町1-2'],
    ['住所は横浜市中区山下町1-2です', '横浜市中区山下町1-2'],
    ['住所横浜市中区山下町1-2', '横浜市中区山下町1-2'],
    ['現住所：さいたま市浦和区高砂3丁目15番1号', 'さいたま市浦和区高砂3丁目15番1号'],
    ['居所：世田谷区太子堂四丁目1番1号 コーポ山田201', '世田谷区太子堂四丁目1番1号 コーポ山田201'],
    ['渋谷区神南1丁目2番3号に住んでいます', '渋谷区神南1丁目2番3号'],
    ['京都市上京区今出川通烏丸東入玄武町600番地', '京都市上京区今出川通烏丸東入玄武町600番地'],
    ['住所：東京都渋谷区神南', '東京都渋谷区神南'],
    // A Japan Post 町域 written with a capital letter (found by the strict property below, seed -605160196).
    ['住所：北海道北広島市Ｆビレッジ1番地 コーポ山田', '北海道北広島市Ｆビレッジ1番地 コーポ山田'],
    ['北海道北広島市Fビレッジ1番地', '北海道北広島市Fビレッジ1番地'],
  ])('%s', (text, expected) => {
    expect(addresses(text)).toEqual([expected]);
  });

  it.each([
    '東京都の支店で会議',
    '大阪府大阪市で開催されるイベント',
    '東京都渋谷区で3名採用',
    '東京都渋谷区在住35名',
    '大阪市北区の店舗3店',
    '東京都港区内3か所',
    '北海道札幌市へ1泊2日',
    '東京都渋谷区の会議室で2026年4月1日',
    '2026年4月1日 港区にて',
    '令和6年度 東京都渋谷区予算 1,234万円',
    '第3四半期の売上',
    '基本給 350,000円',
    '大阪府四日市市',
  ])('no address in %s', (text) => {
    expect(addresses(text)).toEqual([]);
  });

  it('does not swallow the following sentence', () => {
    expect(addresses('東京都渋谷区神南1-2-3に住む友人のマンションに行った')).toEqual(['東京都渋谷区神南1-2-3']);
    expect(addresses('東京都渋谷区神南1-2-3。次回の会議は3階で行います')).toEqual(['東京都渋谷区神南1-2-3']);
  });
});

describe('Japanese address detector: generated addresses', () => {
  const label = fc.constantFrom(
    '住所：',
    '現住所 ',
    '本籍地：',
    '帰省先は',
    '所在地: ',
    '',
    '〒100-0005 ',
    'Address: ',
  );
  const after = fc.constantFrom(
    '',
    'です。',
    '。今後ともよろしく',
    '\n電話 03-1234-5678',
    'に転居しました',
    '（自宅）',
  );

  // 町域 with kana particles (しらかば町, けや木台) or Hokkaido's 6の通り/1番通 are left to the measured-recall test
  // below: after a 2-part block without a building they are cut back to the municipality, by design.
  const plainTown = (town: string): boolean =>
    !/[\u3041-\u3096]|[\d\uff10-\uff19][の番]/u.test(town.replace(/[のが]/gu, ''));

  it('covers every generated address from the prefecture to the room, and nothing else (strict)', () => {
    fc.assert(
      fc.property(
        label,
        jaAddressArb.filter(({ place }) => plainTown(place.town)),
        after,
        (a, { address }, b) => {
          const text = `${a}${address}${b}`;
          const found = detect(text, { entities: ['ADDRESS'] }).map((f) => [f.start, f.end]);
          expect(found, text).toEqual([[a.length, a.length + address.length]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reaches at least 99.5% strict recall on a fixed sample of 2,000 Japan Post 町域 (measured: 99.95-100%)', () => {
    const sample = fc.sample(fc.tuple(label, jaAddressArb, after), { numRuns: 2000, seed: 20261122 });
    const caught = sample.filter(([a, { address }, b]) => {
      const found = detect(`${a}${address}${b}`, { entities: ['ADDRESS'] });
      return found.length === 1 && found[0]?.start === a.length && found[0].end === a.length + address.length;
    }).length;
    expect(caught / sample.length).toBeGreaterThanOrEqual(0.995);
  });

  it('reports no address in near misses (counts, amounts, meeting dates and places in sentences)', () => {
    fc.assert(
      fc.property(addressNearMissArb, (text) => {
        expect(addresses(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the places of every prefecture', () => {
    const seen = new Set<string>();
    for (let i = 0; i < ZIPCODES.length && seen.size < 47; i += 97) {
      const place = placeOf(ZIPCODES[i] as string);
      if (place === undefined || seen.has(place.prefecture)) continue;
      seen.add(place.prefecture);
      const address = `${place.prefecture}${place.municipality}${place.town}1丁目2番3号`;
      expect(addresses(`住所：${address}`)).toEqual([address]);
    }
    expect(seen.size).toBe(47);
  });
});

describe('Japanese address patterns', () => {
  it.each([
    ['WITH_PREFECTURE', WITH_PREFECTURE],
    ['MUNICIPALITY_FIRST', MUNICIPALITY_FIRST],
  ])(
    '%s cannot backtrack super-linearly (recheck)',
    (_name, re) => {
      // recheck does not know the `d` (indices) flag, which does not change matching. The patterns are large (47
      // prefectures, kana classes): the proof takes seconds, so recheck's own 10 s budget is raised.
      const result = checkSync(re.source, re.flags.replace('d', ''), {
        timeout: 120_000,
        incubationTimeout: null,
        attackTimeout: null,
        seedingTimeout: null,
      });
      expect(result.status, JSON.stringify(result)).toBe('safe');
    },
    180_000,
  );
});
