import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAddressMatcher } from '../../packages/proxy/src/net/cidr.js';

const ranges = ['127.0.0.0/8', '10.1.0.0/16', '::1/128', 'fd00::/8'];

describe('createAddressMatcher', () => {
  it('matches IPv4, IPv6 and IPv4-mapped IPv6 peers against the ranges; never an invalid or missing address', () => {
    const m = createAddressMatcher(ranges);
    expect(m.matches('127.0.0.1')).toBe(true);
    expect(m.matches('::ffff:127.0.0.1')).toBe(true);
    expect(m.matches('10.1.255.3')).toBe(true);
    expect(m.matches('10.2.0.1')).toBe(false);
    expect(m.matches('::1')).toBe(true);
    expect(m.matches('fd12::7')).toBe(true);
    expect(m.matches('2001:db8::1')).toBe(false);
    expect(m.matches('not an address')).toBe(false);
    expect(m.matches(undefined)).toBe(false);
    expect(createAddressMatcher([]).matches('127.0.0.1')).toBe(false);
  });

  it('property: remembered answers are the answers of a fresh matcher, whatever the order and repetition', () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4().map((a) => `::ffff:${a}`),
      fc.constantFrom('127.0.0.1', '10.1.0.1', '::1', 'fd00::1', 'garbage', ''),
    );
    const shared = createAddressMatcher(ranges);
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 20 }), (addresses) => {
        for (const a of [...addresses, ...addresses.reverse()])
          expect(shared.matches(a)).toBe(createAddressMatcher(ranges).matches(a));
      }),
      { numRuns: 300 },
    );
  });
});
