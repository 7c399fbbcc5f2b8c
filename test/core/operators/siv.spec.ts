import { aessiv } from '@noble/ciphers/aes.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAesSiv } from '../../../packages/core/src/operators/siv.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s/gu, ''), 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('AES-SIV on node:crypto', () => {
  it('matches RFC 5297 A.1 (deterministic, AES-SIV-CMAC-256)', () => {
    const siv = createAesSiv(hex('fffefdfc fbfaf9f8 f7f6f5f4 f3f2f1f0 f0f1f2f3 f4f5f6f7 f8f9fafb fcfdfeff'));
    const sealed = siv.bind(hex('10111213 14151617 18191a1b 1c1d1e1f 20212223 24252627'));
    const out = sealed.encrypt(hex('11223344 55667788 99aabbcc ddee'));
    expect(toHex(out)).toBe('85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c');
    expect(toHex(sealed.decrypt(out))).toBe('112233445566778899aabbccddee');
  });

  it('matches RFC 5297 A.2 (two associated data and a nonce, plaintext over one block)', () => {
    const siv = createAesSiv(hex('7f7e7d7c 7b7a7978 77767574 73727170 40414243 44454647 48494a4b 4c4d4e4f'));
    const sealed = siv.bind(
      hex('00112233 44556677 8899aabb ccddeeff deaddada deaddada ffeeddcc bbaa9988 77665544 33221100'),
      hex('10203040 50607080 90a0'),
      hex('09f91102 9d74e35b d84156c5 635688c0'),
    );
    const pt = hex(
      '74686973 20697320 736f6d65 20706c61 696e7465 78742074 6f20656e 63727970 74207573 696e6720 5349562d 414553',
    );
    const expected =
      '7bdb6e3b432667eb06f4d14bff2fbd0fcb900f2fddbe404326601965c889bf17dba77ceb094fa663b7a3f748ba8af829ea64ad544a272e9c485b62a3fd5c0d';
    expect(toHex(sealed.encrypt(pt))).toBe(expected);
    expect(toHex(sealed.decrypt(hex(expected)))).toBe(toHex(pt));
  });

  it('agrees byte for byte with @noble/ciphers aessiv on random keys, associated data and plaintexts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(32, 48, 64).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 3 }),
        fc.array(fc.uint8Array({ maxLength: 70 }), { minLength: 1, maxLength: 4 }),
        (key, ad, plaintexts) => {
          // Several values through one bound object and one key: the persistent native CBC state must not leak.
          const key2 = createAesSiv(key);
          const sealed = key2.bind(...ad);
          const other = key2.bind(new Uint8Array([1, 2, 3]));
          for (const pt of plaintexts) {
            const oracle = aessiv(key, ...ad).encrypt(pt);
            expect(toHex(sealed.encrypt(pt))).toBe(toHex(oracle));
            expect(toHex(other.encrypt(pt))).toBe(toHex(aessiv(key, new Uint8Array([1, 2, 3])).encrypt(pt)));
            expect(toHex(sealed.decrypt(oracle))).toBe(toHex(pt));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects every altered ciphertext and wrong associated data, and keeps working afterwards', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.uint8Array({ maxLength: 50 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (key, pt, where, flip) => {
          const siv = createAesSiv(key);
          const sealed = siv.bind(new Uint8Array([7]));
          const ct = sealed.encrypt(pt);
          const bad = Uint8Array.from(ct);
          const i = where % bad.length;
          bad[i] = (bad[i] as number) ^ flip;
          expect(() => sealed.decrypt(bad)).toThrow('invalid siv tag');
          expect(() => siv.bind(new Uint8Array([8])).decrypt(ct)).toThrow('invalid siv tag');
          expect(() => sealed.decrypt(ct.subarray(0, 15))).toThrow('invalid siv tag');
          expect(toHex(sealed.decrypt(ct))).toBe(toHex(pt));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses keys that are not two AES keys', () => {
    for (const n of [0, 16, 31, 33, 65]) expect(() => createAesSiv(new Uint8Array(n))).toThrow(RangeError);
  });
});
