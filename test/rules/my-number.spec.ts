import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '@kamen/core';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import {
  myNumberArb,
  myNumberDigitsArb,
  myNumberWrongCheckArb,
  myNumberWrongLengthArb,
  withWrittenForm,
} from '../helpers/generators.js';

const RULE = 'jp.my_number';
const CONTEXT = ['個人番号', 'マイナンバー', 'ﾏｲﾅﾝﾊﾞｰ', 'My Number', '通知カード', '扶養親族の個人番号'];

describe('jp.my_number', () => {
  it.each([
    ['個人番号 123456789018', '123456789018'],
    ['個人番号 6214 9832 0257', '6214 9832 0257'],
    ['マイナンバー 111111111118', '111111111118'],
    ['個人番号987654321093', '987654321093'],
    ['1234 5678 9018', '1234 5678 9018'],
  ])('finds the spec vector in %s', (text, want) => {
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual([want]);
  });

  it.each([
    '個人番号 123456789012', // the government's sample card: invalid check digit
    '個人番号 621498320258',
    '個人番号 000000000000', // passes the checksum, degenerate
    '注文番号 123456789018',
    '注文番号：1234-5678-9018',
    '追跡番号 1234 5678 9018',
    '運転免許証番号 1234 5678 9018',
    '基本給 350,000円',
    'version 1.2.3.4',
    '2026-04-01',
    '090-1234-5678',
  ])('does not report %s', (text) => expectNotFound(text, RULE));

  it('scores a 4-4-4 layout above the threshold alone and a bare run only with context', () => {
    const grouped = detect('1234-5678-9018', { explain: true }).find((f) => f.ruleId === RULE);
    expect(grouped?.score).toBeGreaterThanOrEqual(0.6);
    expect(findingsOf('123456789018', RULE)).toEqual([]);
    const boosted = detect('個人番号 123456789018', { explain: true }).find((f) => f.ruleId === RULE);
    expect(boosted?.explanation?.contextWords).toContain('個人番号');
  });

  it('keeps a value whose nearest label is a My Number label', () => {
    expect(findingsOf('注文番号ではなく個人番号 1234 5678 9018', RULE)).toHaveLength(1);
  });

  it('finds every valid value in every written form after a context word, at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(myNumberArb, CONTEXT), (e) => expectFoundExactly(e, RULE, 'MY_NUMBER')),
      { numRuns: 300 },
    );
  });

  it('finds 4-4-4 layouts without any context word', () => {
    const grouped = withWrittenForm(myNumberDigitsArb, [4, 4, 4], {
      separators: ['-', '－', 'ー', '−', ' ', '\u3000'],
      plain: false,
    });
    fc.assert(
      fc.property(embeddedArb(grouped, ['備考', 'メモ', 'note']), (e) => expectFoundExactly(e, RULE, 'MY_NUMBER')),
      { numRuns: 150 },
    );
  });

  it('never reports a wrong check digit, nor 11- or 13-digit runs', () => {
    fc.assert(
      fc.property(embeddedArb(fc.oneof(myNumberWrongCheckArb, myNumberWrongLengthArb), CONTEXT), (e) =>
        expectNotFound(e.text, RULE),
      ),
      { numRuns: 300 },
    );
  });

  it('never reports a valid number labelled as an order or tracking number', () => {
    fc.assert(
      fc.property(embeddedArb(myNumberArb, ['注文番号', '追跡番号', 'Order No.', '伝票番号']), (e) =>
        expectNotFound(e.text, RULE),
      ),
      { numRuns: 150 },
    );
  });
});
