import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { luhnCheckDigit } from '@kamen/core';
import { creditCardArb, creditCardWrongLuhnArb, digitsArb, withWrittenForm } from '../helpers/generators.js';

const RULE = 'common.credit_card';
const CONTEXT = ['カード番号', 'クレジットカード', 'card number', '備考'];

describe('common.credit_card', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '3530111333300000', '6011111111111117'])(
    'finds the test PAN %s without context',
    (pan) => expect(findingsOf(`支払い ${pan}`, RULE)).toHaveLength(1),
  );

  it.each(['4901234567894', '1234 5678 9012 3456', '4111 1111 1111 1112', '注文番号 4111111111111111'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every valid card in every written form at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(creditCardArb, CONTEXT), (e) => expectFoundExactly(e, RULE, 'CREDIT_CARD')),
      { numRuns: 250 },
    );
  });

  it('never reports a number failing Luhn', () => {
    const written = creditCardWrongLuhnArb.chain((d) =>
      withWrittenForm(fc.constant(d), d.length === 16 ? [4, 4, 4, 4] : [d.length], { separators: ['-', ' ', '－'] }),
    );
    fc.assert(
      fc.property(embeddedArb(written, CONTEXT), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 250 },
    );
  });

  // Diners Club 14-digit cards as printed, 4-6-4; without the check digit they are not cards.
  const dinersArb = digitsArb(11).map((d) => `36${d}${luhnCheckDigit(`36${d}`)}`);
  const diners464 = (d: string, sep: string): string => `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;

  it('finds Diners 4-6-4 cards at their exact span, and never one failing Luhn', () => {
    fc.assert(
      fc.property(dinersArb, fc.constantFrom('-', ' ', '－'), fc.integer({ min: 1, max: 9 }), (d, sep, k) => {
        const text = `Refund to card ${diners464(d, sep)} for the trip`;
        const start = 'Refund to card '.length;
        expect(findingsOf(text, RULE).map((f) => [f.start, f.end])).toContainEqual([start, start + 16]);
        const wrong = `${d.slice(0, -1)}${(Number(d.slice(-1)) + k) % 10}`;
        expectNotFound(`Refund to card ${diners464(wrong, sep)} for the trip`, RULE);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves a 年金証書 number in the same shape to the pension rule', () => {
    fc.assert(
      fc.property(dinersArb, (d) => expectNotFound(`年金証書 ${diners464(d, '-')}`, RULE)),
      { numRuns: 50 },
    );
  });
});
