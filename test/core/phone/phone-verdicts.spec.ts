import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Verdict, verdictOf } from '../../../packages/core/src/detectors/phone/phone-verdicts.js';
import { phoneishTextArb } from './phoneish-text.js';

// What the phone detector asked libphonenumber directly before the memo.
function direct(text: string, country: 'JP' | 'US' | undefined): Verdict {
  const n = country === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, country);
  if (n === undefined) return Verdict.invalid;
  if (n.isValid()) return Verdict.valid;
  return n.countryCallingCode !== '81' && n.isPossible() ? Verdict.possible : Verdict.invalid;
}

const countryArb = fc.constantFrom<'JP' | 'US' | undefined>('JP', 'US', undefined);
// Rare forms libphonenumber alone decides, and their neighbours: call prefixes, +CC numbers, US shapes.
const numberArb = fc.oneof(
  phoneishTextArb,
  fc
    .tuple(fc.constantFrom('00', '010', '+65 ', '+1 ', '+44 ', '+81 ', '+', '('), fc.stringMatching(/^[\d -]{6,14}$/))
    .map(([a, b]) => a + b),
);

describe('phone verdicts: libphonenumber answers remembered per text', () => {
  it.each([
    ['+65 8005 5476', undefined],
    ['0072 8784 54', 'JP'],
    ['0090442701', 'JP'],
    ['(202) 454-9896', 'US'],
    ['+44 20 7946 0958', undefined],
  ] as const)('answers %j (%s) as libphonenumber does, asked and remembered', (text, country) => {
    expect(verdictOf(text, country)).toBe(direct(text, country));
    expect(verdictOf(text, country)).toBe(direct(text, country));
  });

  it('answers as libphonenumber does on generated texts, first asked and then from the memo', () => {
    fc.assert(
      fc.property(numberArb, countryArb, (text, country) => {
        const want = direct(text, country);
        expect(verdictOf(text, country)).toBe(want);
        expect(verdictOf(text, country)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the default countries apart for one text', () => {
    // Valid in Japan, not in the US; read as JP first so a shared key would hand the US reading JP's verdict.
    const text = '03-1234-5678';
    expect(verdictOf(text, 'JP')).toBe(direct(text, 'JP'));
    expect(verdictOf(text, 'US')).toBe(direct(text, 'US'));
    expect(direct(text, 'JP')).not.toBe(direct(text, 'US'));
  });
});
