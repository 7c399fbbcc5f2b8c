import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { employmentInsuranceNumberArb } from '../helpers/generators.js';

const RULE = 'jp.employment_insurance_number';
const CONTEXT = ['雇用保険被保険者番号', '雇用保険番号', '被保険者番号', '雇用保険'];

describe('jp.employment_insurance_number', () => {
  it('finds the person number and not the office number of the same shape', () => {
    const text = '事業所番号 1301-123456-7 / 雇用保険被保険者番号 2345-678901-2';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(['2345-678901-2']);
  });

  it.each(['雇用保険適用事業所番号 1301-123456-7', '雇用保険 労働保険番号 1301-123456-7', '1234-567890-1'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every generated value after a context word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(employmentInsuranceNumberArb, CONTEXT), (e) =>
        expectFoundExactly(e, RULE, 'EMPLOYMENT_INSURANCE_NUMBER'),
      ),
      { numRuns: 200 },
    );
  });

  it('never reports a value labelled 事業所番号, even when 雇用保険 precedes the label', () => {
    fc.assert(
      fc.property(embeddedArb(employmentInsuranceNumberArb, ['事業所番号', '雇用保険適用事業所番号']), (e) =>
        expectNotFound(e.text, RULE),
      ),
      { numRuns: 150 },
    );
  });
});
