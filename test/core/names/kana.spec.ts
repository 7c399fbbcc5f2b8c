import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isHalfWidthKana,
  isHiragana,
  isKatakana,
  kanaToRomaji,
  romajiMatchKey,
  toFullWidthKatakana,
  toHalfWidthKatakana,
  toHiragana,
  toKatakana,
} from '@kamen/core';

// Hiragana letters that have a katakana twin (ぁ..ゖ) and katakana letters that have a hiragana twin (ァ..ヶ).
const hiraChar = fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c));
const hiragana = fc.array(hiraChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
// Katakana that half-width can represent: no ヰ ヱ ヮ ヵ ヶ (they have no half-width form).
const HALF_OK = [
  ...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー',
];
const VOICED = [...'ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ'];
const halfable = fc
  .array(fc.constantFrom(...HALF_OK, ...VOICED), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''));

describe('script conversion', () => {
  it.each([
    ['やまだ たろう', 'ヤマダ タロウ'],
    ['さとう', 'サトウ'],
    ['ヤマダ', 'ヤマダ'],
    ['山田ゆう', '山田ユウ'],
  ])('toKatakana(%s) = %s', (input, want) => expect(toKatakana(input)).toBe(want));

  it('toHalfWidthKatakana writes voiced kana as two characters', () => {
    expect(toHalfWidthKatakana('ヤマダ ガクポ')).toBe('ﾔﾏﾀﾞ ｶﾞｸﾎﾟ');
    expect(toHalfWidthKatakana('ヴ')).toBe('ｳﾞ');
    expect(toHalfWidthKatakana('ヤマダ　タロウ')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
  });

  it('toFullWidthKatakana joins the voicing marks', () => {
    expect(toFullWidthKatakana('ﾔﾏﾀﾞ ｶﾞｸﾎﾟ')).toBe('ヤマダ ガクポ');
    expect(toFullWidthKatakana('ｶ)ﾔﾏﾀﾞ')).toBe('カ)ヤマダ');
  });

  it('hiragana → katakana → hiragana is the identity', () => {
    fc.assert(fc.property(hiragana, (h) => toHiragana(toKatakana(h)) === h));
  });

  it('full → half → full width is the identity for katakana that has a half-width form', () => {
    fc.assert(
      fc.property(halfable, (k) => {
        const half = toHalfWidthKatakana(k);
        return isHalfWidthKana(half) && toFullWidthKatakana(half) === k && half.normalize('NFKC') === k;
      }),
    );
  });

  it('script predicates', () => {
    expect(isKatakana('ヤマダー')).toBe(true);
    expect(isKatakana('やまだ')).toBe(false);
    expect(isHiragana('やまだ')).toBe(true);
    expect(isHiragana('')).toBe(false);
    expect(isHalfWidthKana('ﾔﾏﾀﾞ')).toBe(true);
    expect(isHalfWidthKana('ヤマダ')).toBe(false);
    fc.assert(fc.property(hiragana, (h) => isHiragana(h) && isKatakana(toKatakana(h))));
  });
});

describe('kanaToRomaji (passport Hepburn)', () => {
  it.each([
    ['オオノ', 'ono'],
    ['サトウ', 'sato'],
    ['タロウ', 'taro'],
    ['ナンバ', 'namba'],
    ['ホンマ', 'homma'],
    ['シンイチ', 'shinichi'],
    ['ハッチ', 'hatchi'],
    ['いっしき', 'isshiki'],
    ['イノウエ', 'inoue'],
    ['キョウコ', 'kyoko'],
    ['ユウキ', 'yuki'],
    ['ジュンペイ', 'jumpei'],
    ['チヅル', 'chizuru'],
    ['フジ', 'fuji'],
  ])('%s → %s', (kana, want) => expect(kanaToRomaji(kana)).toBe(want));

  it('long-vowel policies: omit (ONO), oh (OHNO), keep (OONO)', () => {
    expect(kanaToRomaji('オオノ', { long: 'oh' })).toBe('ohno');
    expect(kanaToRomaji('サトウ', { long: 'oh' })).toBe('satoh');
    expect(kanaToRomaji('オオノ', { long: 'keep' })).toBe('oono');
    expect(kanaToRomaji('サトウ', { long: 'keep' })).toBe('satou');
  });

  it('every spelling policy and Kunrei variant meets under romajiMatchKey', () => {
    for (const [a, b] of [
      ['Ohno', 'ONO'],
      ['Oono', 'Ōno'],
      ['Satoh', 'Sato'],
      ['Homma', 'Honma'],
      ['Tuzi', 'Tsuji'],
      ['Syun', 'Shun'],
    ])
      expect(romajiMatchKey(a as string)).toBe(romajiMatchKey(b as string));
  });

  it('hiragana and katakana romanise alike, to lower-case ASCII letters', () => {
    fc.assert(
      fc.property(hiragana, (h) => {
        const r = kanaToRomaji(h);
        return r === kanaToRomaji(toKatakana(h)) && /^[a-z]*$/.test(r);
      }),
    );
  });

  it('the three policies agree up to romajiMatchKey', () => {
    fc.assert(
      fc.property(halfable, (k) => {
        const key = romajiMatchKey(kanaToRomaji(k));
        return (
          romajiMatchKey(kanaToRomaji(k, { long: 'oh' })) === key || /[ウオー]/.test(k) // keep may differ on ウ/ー
        );
      }),
    );
  });
});
