import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIPv4, isIPv6, isIpAddress } from '@kamen/core';
import { ipv4Arb, ipv4InvalidArb, ipv6Arb } from '../../helpers/generators.js';

describe('IP validators', () => {
  it.each(['0.0.0.0', '255.255.255.255', '192.168.0.1'])('IPv4 %s is valid', (s) => expect(isIPv4(s)).toBe(true));
  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3', '1.2.3.4.', 'a.b.c.d', ''])(
    'IPv4 %s is invalid',
    (s) => expect(isIPv4(s)).toBe(false),
  );
  it.each(['::1', '2001:db8::8a2e:370:7334', '::ffff:192.0.2.128', 'fe80::', '1:2:3:4:5:6:7:8', '1::2:3:4:5:6:7'])(
    'IPv6 %s is valid',
    (s) => expect(isIPv6(s)).toBe(true),
  );
  it.each(['::', '1::2::3', '12:34:56', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8'])(
    'IPv6 %s is invalid',
    (s) => expect(isIPv6(s)).toBe(false),
  );

  it('agrees with node:net on generated addresses and arbitrary hex/colon/dot strings', () => {
    const noise = fc
      .array(fc.constantFrom('0', '1', '9', 'a', 'f', 'g', ':', '.', '25', '256'), { maxLength: 20 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          ipv4Arb.map((s) => s.normalize('NFKC')),
          ipv4InvalidArb,
          ipv6Arb,
          noise,
        ),
        (s) => {
          // node:net accepts '::' and IPv4 octets with leading zeros are rejected by both.
          if (s === '::') return;
          expect(isIpAddress(s)).toBe(isIP(s) !== 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
