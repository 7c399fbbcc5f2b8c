import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { corporateNumberArb, corporateNumberDigitsArb, corporateNumberWrongCheckArb } from '../helpers/generators.js';

const RULE = 'jp.corporate_number';
const CONTEXT = ['法人番号', '登録番号', 'インボイス登録番号', 'corporate number'];

describe('jp.corporate_number', () => {
  it.each(['7123456789012', '4011001098993', '2120901007402', '5835678256246', '1180301018771', '7000012050002'])(
    'finds the spec vector %s after 法人番号',
    (v) => expect(findingsOf(`法人番号 ${v}`, RULE).map((f) => [f.start, f.end])).toEqual([[5, 18]]),
  );

  it('reports the invoice form T + 13 digits without context', () => {
    expect(findingsOf('T4011001098993', RULE)).toHaveLength(1);
  });

  it.each(['法人番号 2835678256246', '4011001098993', 'JAN 4011001098993', '法人番号 0123456789012'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('is never reported as a My Number', () => {
    fc.assert(
      fc.property(embeddedArb(corporateNumberDigitsArb, ['法人番号', '個人番号']), (e) =>
        expectNotFound(e.text, 'jp.my_number'),
      ),
      { numRuns: 150 },
    );
  });

  it('finds every valid value (plain, T-prefixed, full-width) at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(corporateNumberArb, CONTEXT), (e) => expectFoundExactly(e, RULE, 'CORPORATE_NUMBER')),
      { numRuns: 200 },
    );
  });

  it('never reports a wrong leading check digit', () => {
    fc.assert(
      fc.property(embeddedArb(corporateNumberWrongCheckArb, CONTEXT), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 200 },
    );
  });
});
