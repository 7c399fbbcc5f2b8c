import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { colonGate, parenGate } from '../../../../packages/core/src/detectors/names/kana-gates.js';

// The regex searches the gates replace (person_name_kana's NAME_LABEL_GATE and BANK_GATE before them).
const COLON_GATE = /[:=] ?[\u3041-\u3096\u30a1-\u30fa\u30fc]/;
const PAREN_GATE = /\)[\u30a1-\u30fa\u30fc]/;

// Gate characters next to the edges of the kana ranges (ぁ ゖ ゗ ァ ヺ ・ ー ヽ), spaces, each other and other text.
const UNITS = [...':=)(  ぁゖ\u3097ァヺ・ーヽあアカ山A1'];
const textOf = fc.array(fc.constantFrom(...UNITS), { maxLength: 24 }).map((u) => u.join(''));

describe('kana gates', () => {
  it('find the first match of the regex searches they replace', () => {
    for (const arb of [textOf, fc.string({ unit: 'binary', maxLength: 30 })]) {
      fc.assert(
        fc.property(arb, (text) => {
          expect(colonGate(text)).toBe(text.search(COLON_GATE));
          expect(parenGate(text)).toBe(text.search(PAREN_GATE));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it.each([
    ['氏名: スミス', 2, -1],
    ['担当=やまだ', 2, -1],
    ['a:b = ア', 4, -1],
    ['ｶ)ﾔﾏﾀﾞ', -1, 1],
    [':  ア', -1, -1],
    ['', -1, -1],
  ])('%s', (text, colon, paren) => {
    const n = text.normalize('NFKC');
    expect([colonGate(n), parenGate(n)]).toEqual([colon, paren]);
  });
});
