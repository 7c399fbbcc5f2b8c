import fc from 'fast-check';
import { describe, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound } from '../helpers/embed.js';
import { digitsArb, passportArb, residenceCardArb } from '../helpers/generators.js';

describe('jp.passport', () => {
  it('finds every passport number after a passport word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(passportArb, ['旅券番号', 'パスポート番号', 'Passport No.']), (e) =>
        expectFoundExactly(e, 'jp.passport', 'PASSPORT'),
      ),
      { numRuns: 150 },
    );
  });

  it('needs a passport word, and exactly two letters and seven digits', () => {
    fc.assert(
      fc.property(
        embeddedArb(passportArb, ['備考', 'メモ']),
        embeddedArb(
          fc.oneof(digitsArb(6), digitsArb(8)).map((d) => `TR${d}`),
          ['旅券番号'],
        ),
        (noContext, wrongLength) => {
          expectNotFound(noContext.text, 'jp.passport');
          expectNotFound(wrongLength.text, 'jp.passport');
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('jp.residence_card', () => {
  it('finds every residence card number at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(residenceCardArb, ['在留カード番号', '在留カード', 'RESIDENCE CARD']), (e) =>
        expectFoundExactly(e, 'jp.residence_card', 'RESIDENCE_CARD'),
      ),
      { numRuns: 150 },
    );
  });

  it('never reports 7 or 9 digits between the letters', () => {
    fc.assert(
      fc.property(
        embeddedArb(
          fc.oneof(digitsArb(7), digitsArb(9)).map((d) => `AB${d}CD`),
          ['在留カード番号'],
        ),
        (e) => expectNotFound(e.text, 'jp.residence_card'),
      ),
      { numRuns: 100 },
    );
  });
});
