import fc from 'fast-check';
import { describe, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound } from '../helpers/embed.js';
import { ssnArb, ssnInvalidArb } from '../helpers/generators.js';

const RULE = 'common.us_ssn';

describe('common.us_ssn', () => {
  it.each(['SSN 000-12-3456', 'SSN 666-12-3456', 'SSN 900-12-3456', 'SSN 123-00-4567', 'SSN 123-45-0000', '123456789'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every issuable SSN (dashed, spaced, bare) after an SSN word at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(ssnArb, ['SSN', 'Social Security Number', '社会保障番号']), (e) =>
        expectFoundExactly(e, RULE, 'US_SSN'),
      ),
      { numRuns: 200 },
    );
  });

  it('never reports the SSA exclusions', () => {
    fc.assert(
      fc.property(embeddedArb(ssnInvalidArb, ['SSN']), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 200 },
    );
  });
});
