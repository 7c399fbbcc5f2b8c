import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { digitsArb, pensionNumberArb } from '../helpers/generators.js';

const RULE = 'jp.pension_number';
const CONTEXT = ['基礎年金番号', '年金番号', '年金手帳', 'Pension No.'];

describe('jp.pension_number', () => {
  it('finds 4-6, 10-digit and split 記号/番号 forms after a pension word', () => {
    const text = '基礎年金番号 1234-567890、年金手帳 記号 4321 番号 098765';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(
      expect.arrayContaining(['1234-567890', '4321', '098765']),
    );
  });

  it.each(['1234-567890', '社員番号 1234567890', '基礎年金番号 0000-000000', '年金 TEL 0312345678'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every generated value after a context word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(pensionNumberArb, CONTEXT), (e) => expectFoundExactly(e, RULE, 'PENSION_NUMBER')),
      { numRuns: 200 },
    );
  });

  it('never reports 9- or 11-digit runs, nor values without context', () => {
    fc.assert(
      fc.property(
        embeddedArb(fc.oneof(digitsArb(9), digitsArb(11)), CONTEXT),
        embeddedArb(pensionNumberArb, ['備考', 'メモ']),
        (wrongLength, noContext) => {
          expectNotFound(wrongLength.text, RULE);
          expectNotFound(noContext.text, RULE);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds 4 6 written with a space after a pension word, and not inside a longer digit run', () => {
    fc.assert(
      fc.property(
        digitsArb(4),
        digitsArb(6),
        fc.constantFrom('基礎年金番号 ', 'Pension number ', '年金番号：'),
        (a, b, ctx) => {
          fc.pre(!/^(\d)\1*$/.test(a + b));
          const text = `${ctx}${a} ${b} の登録`;
          expect(findingsOf(text, RULE).map((f) => [f.start, f.end])).toContainEqual([ctx.length, ctx.length + 11]);
          expectNotFound(`${ctx}${a} ${b} 1234`, RULE);
          expectNotFound(`備考 ${a} ${b}`, RULE);
        },
      ),
      { numRuns: 150 },
    );
  });
});
