import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from '../../../packages/core/src/keys/hmac-sha256.js';

const node = (key: Uint8Array, value: string, encoding: 'hex' | 'base64url' = 'hex'): string =>
  createHmac('sha256', key).update(value, 'utf8').digest(encoding);

describe('HmacSha256', () => {
  // RFC 4231 section 4: the test cases whose data is text (cases 3 and 4 are binary, not a UTF-8 value).
  const rfc4231 = [
    {
      name: 'case 1 (20-byte key)',
      key: Buffer.alloc(20, 0x0b),
      data: 'Hi There',
      mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    },
    {
      name: 'case 2 (key shorter than the output)',
      key: Buffer.from('Jefe'),
      data: 'what do ya want for nothing?',
      mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    },
    {
      name: 'case 6 (131-byte key, hashed first)',
      key: Buffer.alloc(131, 0xaa),
      data: 'Test Using Larger Than Block-Size Key - Hash Key First',
      mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    },
    {
      name: 'case 7 (131-byte key, data of three blocks)',
      key: Buffer.alloc(131, 0xaa),
      data:
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be ' +
        'hashed before being used by the HMAC algorithm.',
      mac: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    },
  ];
  for (const v of rfc4231)
    it(`RFC 4231 ${v.name}`, () => {
      expect(new HmacSha256(v.key).digest(v.data, 'hex')).toBe(v.mac);
    });

  it('equals createHmac for any key and value (UTF-8, lone surrogates, block boundaries, long values)', () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      // Every code unit, lone surrogate halves included: node writes them as U+FFFD.
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((u) => String.fromCharCode(...u)),
      // Around the one- and two-block paddings (55/56 and 119/120 bytes) and past the scratch (340 units).
      fc.integer({ min: 0, max: 400 }).map((n) => 'x'.repeat(n)),
      fc.integer({ min: 0, max: 130 }).map((n) => 'あ'.repeat(n)),
    );
    const key = fc.uint8Array({ minLength: 1, maxLength: 140 });
    fc.assert(
      fc.property(key, fc.array(value, { minLength: 1, maxLength: 4 }), (k, values) => {
        const mac = new HmacSha256(k);
        // Several values under one key: the scratch of one value never leaks into the next.
        for (const v of values) {
          expect(mac.digest(v, 'hex')).toBe(node(k, v));
          expect(mac.digest(v, 'base64url')).toBe(node(k, v, 'base64url'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the caller keeping the key bytes', () => {
    const key = Buffer.alloc(32, 7);
    const expected = node(key, 'E10001');
    const mac = new HmacSha256(key);
    key.fill(0);
    expect(mac.digest('E10001', 'hex')).toBe(expected);
  });
});
