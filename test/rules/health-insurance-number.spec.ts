import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { insurerNumberCheckDigit } from '@kamen/core';
import { digitsArb, insurerNumberArb, insurerNumberWrongCheckArb } from '../helpers/generators.js';

const RULE = 'jp.health_insurance_number';
const CONTEXT = ['保険者番号', '健康保険', '被保険者証', '保険証'];

describe('jp.health_insurance_number', () => {
  it('finds the spec insurer numbers 33120015 and 01130012', () => {
    for (const v of ['33120015', '01130012']) expect(findingsOf(`保険者番号 ${v}`, RULE)).toHaveLength(1);
  });

  it('finds 記号・番号・枝番 after their labels as separate spans', () => {
    const text = '被保険者証 記号：1234 番号：56 枝番：01';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(['1234', '56', '01']);
  });

  it('reports a 番号 equal to its 記号 at its own offset', () => {
    const text = '保険証 記号 12 番号 12';
    expect(findingsOf(text, RULE).map((f) => [f.start, f.end])).toEqual([
      [7, 9],
      [13, 15],
    ]);
  });

  it.each(['33120015', '保険者番号 33120016', '記号 1234 番号 56', '年金手帳 記号 4321 番号 098765'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every valid insurer number after a context word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(insurerNumberArb, CONTEXT), (e) =>
        expectFoundExactly(e, RULE, 'HEALTH_INSURANCE_NUMBER'),
      ),
      { numRuns: 200 },
    );
  });

  it('never reports an insurer number with a wrong check digit', () => {
    fc.assert(
      fc.property(embeddedArb(insurerNumberWrongCheckArb, CONTEXT), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 200 },
    );
  });

  it('finds insurer numbers after an English label, 6 digits (国民健康保険) or 8, and never a wrong check digit', () => {
    const bodyArb = fc.oneof(digitsArb(5), digitsArb(7));
    fc.assert(
      fc.property(bodyArb, fc.integer({ min: 1, max: 9 }), (body, k) => {
        const check = insurerNumberCheckDigit(body);
        const label = 'Health insurance insurer number ';
        const text = `${label}${body}${check}`;
        expect(findingsOf(text, RULE).map((f) => [f.start, f.end])).toContainEqual([
          label.length,
          label.length + body.length + 1,
        ]);
        expectNotFound(`${label}${body}${(check + k) % 10}`, RULE);
      }),
      { numRuns: 150 },
    );
  });
});
