import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { japaneseNumberValidity } from '../../../packages/core/src/detectors/phone/jp-validity.js';
import { digitsArb } from '../../helpers/generators.js';

/**
 * fpe's cycle walking accepts a candidate phone number when `japaneseNumberValidity(d, intl) ??
 * isValidPhoneNumber(intl ? '+' + d : d, 'JP')` holds; before, it asked libphonenumber alone. The two must agree on
 * every digit string the walk can produce (any prefix class, 9-12 digits, national or +81 / +81 0 forms), or fpe
 * would issue other numbers than before and earlier values would no longer reveal.
 */
const prefixes = ['0', '03', '06', '011', '045', '0466', '01267', '060', '070', '080', '090', '050', '020'];
const nationalArb = fc
  .tuple(
    fc.constantFrom(...prefixes, '0120', '0800', '0570', '0990', '01', '00', '010'),
    digitsArb(12),
    fc.integer({ min: 9, max: 12 }),
  )
  .map(([prefix, rest, length]) => `${prefix}${rest}`.slice(0, length));

describe('fpe phone validity', () => {
  it('agrees with isValidPhoneNumber on national digit strings', () => {
    fc.assert(
      fc.property(nationalArb, (d) => {
        expect(japaneseNumberValidity(d, false) ?? isValidPhoneNumber(d, 'JP'), d).toBe(isValidPhoneNumber(d, 'JP'));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with isValidPhoneNumber on +81 and +81 0 digit strings', () => {
    fc.assert(
      fc.property(nationalArb, fc.boolean(), (national, keepTrunk) => {
        const d = `81${keepTrunk ? national : national.slice(1)}`;
        expect(japaneseNumberValidity(d, true) ?? isValidPhoneNumber(`+${d}`, 'JP'), d).toBe(
          isValidPhoneNumber(`+${d}`, 'JP'),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
