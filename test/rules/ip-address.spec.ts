import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { ipv4Arb, ipv4InvalidArb, ipv6Arb } from '../helpers/generators.js';

const RULE = 'common.ip_address';

describe('common.ip_address', () => {
  it('finds IPv4 and IPv6 in one line', () => {
    const text = 'from 192.0.2.1 and 2001:db8::1, then ::1.';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(['192.0.2.1', '2001:db8::1', '::1']);
  });

  it.each(['version 1.2.3.4', 'v1.2.3.4', 'ver. 10.0.0.1', '10:30:00', '00:1A:2B:3C:4D:5E', 'std::cout', '1.2.3.4.5'])(
    'does not report %s',
    (text) => expectNotFound(text, RULE),
  );

  it('finds every IPv4 and IPv6 address at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(fc.oneof(ipv4Arb, ipv6Arb), ['IPアドレス', '接続元', 'IP', '備考']), (e) => {
        expect(isIP(e.text.slice(e.start, e.end).normalize('NFKC'))).not.toBe(0);
        expectFoundExactly(e, RULE, 'IP_ADDRESS');
      }),
      { numRuns: 300 },
    );
  });

  it('never reports an IPv4 with an octet above 255', () => {
    fc.assert(
      fc.property(embeddedArb(ipv4InvalidArb, ['IPアドレス']), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 200 },
    );
  });

  it('vetoes version strings', () => {
    fc.assert(
      fc.property(embeddedArb(ipv4Arb, ['version', 'バージョン', 'Ver.']), (e) => expectNotFound(e.text, RULE)),
      { numRuns: 100 },
    );
  });
});
