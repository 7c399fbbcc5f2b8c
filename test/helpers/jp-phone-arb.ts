/** Synthetic Japanese phone numbers (mobile, IP, toll-free, Tokyo/Osaka fixed lines) that libphonenumber/max accepts. */
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { digitsArb, toFullWidth } from './generators.js';

const mobile = fc
  .tuple(fc.constantFrom('090', '080', '070', '050'), fc.integer({ min: 1, max: 9 }), digitsArb(7))
  .map(([p, d, rest]) => [p, `${d}${rest.slice(0, 3)}`, rest.slice(3)]);
const fixed = fc
  .tuple(fc.constantFrom('03', '06'), fc.integer({ min: 2, max: 9 }), digitsArb(7))
  .map(([p, d, rest]) => [p, `${d}${rest.slice(0, 3)}`, rest.slice(3)]);
const tollFree = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digitsArb(5))
  .map(([d, rest]) => ['0120', `${d}${rest.slice(0, 2)}`, rest.slice(2)]);

/** Japanese phone numbers written 090-1234-5678, 09012345678, +81-90-…, or full-width. */
export const jpPhoneArb: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(mobile, fixed, tollFree), fc.constantFrom('-', '', ' ', '－'), fc.boolean(), fc.boolean())
  .map(([groups, sep, intl, fw]) => {
    const text = intl ? `+81-${[groups[0]?.slice(1), ...groups.slice(1)].join('-')}` : groups.join(sep);
    return fw && !intl ? toFullWidth(text).replace(/-/gu, '－') : text;
  })
  .filter((v) => isValidPhoneNumber(v.normalize('NFKC'), 'JP'));
