import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { creditCardArb, creditCardWrongLuhnArb, withWrittenForm } from '../helpers/generators.js';

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
});
