import { FF1 } from '@noble/ciphers/ff1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecimalFf1 } from '../../../packages/core/src/operators/ff1.js';

const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
const digits = (s: string): number[] => [...s].map(Number);

const K128 = '2B7E151628AED2A6ABF7158809CF4F3C';
const K192 = `${K128}EF4359D8D580AA4F`;
const K256 = `${K192}7F036D6F04FC6A94`;
const T10 = '39383736353433323130';

/** The radix-10 NIST SP 800-38G FF1 samples (FF1samples.pdf 1, 2, 4, 5, 7, 8). */
const NIST: readonly [string, string, string, string][] = [
  [K128, '', '0123456789', '2433477484'],
  [K128, T10, '0123456789', '6124200773'],
  [K192, '', '0123456789', '2830668132'],
  [K192, T10, '0123456789', '2496655549'],
  [K256, '', '0123456789', '6657667009'],
  [K256, T10, '0123456789', '1001623463'],
];

describe('createDecimalFf1 (native AES)', () => {
  it.each(NIST)('NIST sample: key %s tweak "%s"', (key, tweak, pt, ct) => {
    const ff1 = createDecimalFf1(hex(key), hex(tweak));
    expect(ff1.encrypt(digits(pt)).join('')).toBe(ct);
    expect(ff1.decrypt(digits(ct)).join('')).toBe(pt);
  });

  it('property: the same permutation as @noble/ciphers FF1 for every length, key size and tweak', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 24 }),
        (key, tweak, x) => {
          const fast = createDecimalFf1(key, tweak);
          const reference = FF1(10, key, tweak);
          const c = fast.encrypt([...x]);
          expect(c).toEqual(reference.encrypt([...x]));
          expect(fast.decrypt([...c])).toEqual(x);
          expect(fast.decrypt([...x])).toEqual(reference.decrypt([...x]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects non-digits and keys that are not AES keys', () => {
    const ff1 = createDecimalFf1(hex(K128), new Uint8Array());
    expect(() => ff1.encrypt([1, 2, 3, 10, 4, 5])).toThrow(RangeError);
    expect(() => createDecimalFf1(new Uint8Array(20), new Uint8Array())).toThrow(RangeError);
  });
});
