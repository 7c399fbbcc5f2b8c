import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALIDATORS, ibanCheckDigits, isValidIban } from '@kamen/core';
import { ibanCompactArb, ibanWrongCheckArb } from '../../helpers/generators.js';
import { refIbanCheckDigits, refIbanValid } from '../../helpers/reference-check-digits.js';

describe('IBAN validator', () => {
  it.each([
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'GB29NWBK60161331926819',
    'FR1420041010050500013M02606',
    'NO9386011117947',
  ])('accepts %s', (s) => expect(VALIDATORS.iban?.(s)).toBe(true));

  it.each(['DE88370400440532013000', 'DE8937040044053201300', 'XX89370400440532013000', 'de89370400440532013000'])(
    'rejects %s',
    (s) => expect(isValidIban(s)).toBe(false),
  );

  it('agrees with a BigInt mod-97 on generated valid and corrupted IBANs', () => {
    fc.assert(
      fc.property(fc.oneof(ibanCompactArb, ibanWrongCheckArb), (s) => {
        expect(isValidIban(s)).toBe(refIbanValid(s));
      }),
      { numRuns: 500 },
    );
  });

  it('computes the same check digits as the reference', () => {
    fc.assert(
      fc.property(ibanCompactArb, (s) => {
        const bban = s.slice(4);
        expect(ibanCheckDigits(s.slice(0, 2), bban)).toBe(refIbanCheckDigits(s.slice(0, 2), bban));
      }),
    );
  });
});
