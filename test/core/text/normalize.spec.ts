import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '@kamen/core';

describe('normalizeText', () => {
  it('is the identity on ASCII, hiragana, katakana and common kanji', () => {
    const n = normalizeText('山田太郎 やまだ ヤマダ abc 123');
    expect(n.identity).toBe(true);
    expect(n.text).toBe('山田太郎 やまだ ヤマダ abc 123');
  });

  it.each([
    ['０９０－１２３４－５６７８', '090-1234-5678'],
    ['090−1234−5678', '090-1234-5678'],
    ['090‐1234―5678', '090-1234-5678'],
    ['０９０ー１２３４ー５６７８', '090-1234-5678'],
    ['ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'yamada@example.com'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['髙橋', '高橋'],
    ['山﨑', '山崎'],
    ['渡邉', '渡辺'],
    ['0\u200b9\u200d0', '090'],
    ['㈱', '(株)'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('keeps the katakana long-vowel mark inside words', () => {
    expect(normalizeText('メール コーヒー').text).toBe('メール コーヒー');
    expect(normalizeText('ルピー21').text).toBe('ルピー21');
  });

  it('handles characters whose NFKC form is many times longer', () => {
    const n = normalizeText('x\ufdfay');
    expect(n.text).toBe(`x${'\ufdfa'.normalize('NFKC')}y`);
    expect(n.toOriginalEnd(n.text.length - 1)).toBe(2);
  });

  it('maps a span of the matching copy back to the original span', () => {
    const original = '携帯：０９０ー１２３４ー５６７８（自宅）';
    const n = normalizeText(original);
    const s = n.text.indexOf('090-1234-5678');
    expect(s).toBeGreaterThanOrEqual(0);
    const start = n.toOriginalStart(s);
    const end = n.toOriginalEnd(s + '090-1234-5678'.length);
    expect(original.slice(start, end)).toBe('０９０ー１２３４ー５６７８');
  });

  it('maps a character that expands under NFKC to its whole source character', () => {
    const original = 'a㈱b';
    const n = normalizeText(original);
    expect(n.text).toBe('a(株)b');
    // Any part of the expansion maps back to the one source character.
    expect(original.slice(n.toOriginalStart(2), n.toOriginalEnd(3))).toBe('㈱');
  });

  it('maps half-width kana with a voiced mark as one cluster', () => {
    const original = 'xﾀﾞy';
    const n = normalizeText(original);
    expect(n.text).toBe('xダy');
    expect(original.slice(n.toOriginalStart(1), n.toOriginalEnd(2))).toBe('ﾀﾞ');
  });

  it('maps offsets monotonically and within bounds for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeText(s);
        let prev = 0;
        for (let i = 0; i <= n.text.length; i++) {
          const o = n.toOriginalStart(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(s.length);
          prev = o;
          if (i > 0) {
            const e = n.toOriginalEnd(i);
            expect(e).toBeGreaterThan(n.toOriginalStart(i - 1));
            expect(e).toBeLessThanOrEqual(s.length);
          }
        }
        expect(n.toOriginalStart(n.text.length)).toBe(s.length);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with NFKC on text without dashes, itaiji or zero-width characters', () => {
    const special = /[\u2010-\u2015\u2212\uff0d\u30fc\ufe58\ufe63\uff70\u200b-\u200d\u2060\ufeff\u00ad\u180e\u2043]/u;
    // Hangul jamo compose ACROSS characters under NFKC; kamen normalises per cluster and does not (not a JA/EN script).
    const hangulJamo = /[\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc\ua960-\ua97f\ud7b0-\ud7ff]/u;
    const isVariationSelector = (s: string): boolean => [...s].some((ch) => /^[\ufe00-\ufe0f]$/.test(ch));
    const arb = fc
      .string({ unit: 'grapheme', maxLength: 60 })
      .filter((s) => !special.test(s) && !hangulJamo.test(s) && !isVariationSelector(s));
    fc.assert(
      fc.property(arb, (s) => {
        const n = normalizeText(s);
        // Itaiji folds are the only other difference: undo them by comparing on a folded NFKC copy.
        const folded = normalizeText(s.normalize('NFKC')).text;
        expect(n.text).toBe(folded);
      }),
      { numRuns: 300 },
    );
  });
});
