import fc from 'fast-check';
import { describe, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound } from '../helpers/embed.js';
import { ibanArb, ibanWrongCheckArb } from '../helpers/generators.js';

const RULE = 'common.iban';

describe('common.iban', () => {
  it.each(['IBAN DE88 3704 0044 0532 0130 00', 'GB29NWBK6016133192681', 'ZZ89370400440532013000'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every valid IBAN (compact, grouped, full-width) at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(ibanArb, ['IBAN', '送金先', '備考']), (e) => expectFoundExactly(e, RULE, 'IBAN')),
      { numRuns: 200 },
    );
  });

  it('never reports wrong check digits', () => {
    fc.assert(
      fc.property(embeddedArb(ibanWrongCheckArb, ['IBAN']), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 200 },
    );
  });
});
