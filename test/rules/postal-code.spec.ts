import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedArb, expectFoundExactly, expectNotFound, findingsOf } from '../helpers/embed.js';
import { digitsArb, postalCodeArb } from '../helpers/generators.js';

const RULE = 'jp.postal_code';

describe('jp.postal_code', () => {
  it('reports the digits, not the 〒 mark', () => {
    const text = '〒100-0001 東京都千代田区';
    expect(findingsOf(text, RULE).map((f) => text.slice(f.start, f.end))).toEqual(['100-0001']);
  });

  it.each(['123-4567', '1000001', '2026-04-01', '電話 03-1234-5678', 'TEL 012-3456'])('does not report %s', (text) =>
    expectNotFound(text, RULE),
  );

  it('finds every postal code (dashed or bare) after 〒 or 郵便番号 at its exact span', () => {
    fc.assert(
      fc.property(embeddedArb(postalCodeArb, ['〒', '郵便番号', '住所 〒']), (e) =>
        expectFoundExactly(e, RULE, 'POSTAL_CODE'),
      ),
      { numRuns: 200 },
    );
  });

  it('never reports bare 6 or 8 digits after 〒', () => {
    fc.assert(
      fc.property(embeddedArb(fc.oneof(digitsArb(6), digitsArb(8)), ['〒', '郵便番号']), (e) =>
        expectNotFound(e.text, RULE),
      ),
      { numRuns: 100 },
    );
  });

  it('finds seven bare digits after an English postal label at their exact span', () => {
    fc.assert(
      fc.property(digitsArb(7), fc.constantFrom('Postal code: ', 'Postcode ', 'ZIP code: ', 'Zip '), (d, label) => {
        const text = `Address: Sapporo\n${label}${d}`;
        const start = text.length - 7;
        expect(findingsOf(text, RULE).map((f) => [f.start, f.end])).toContainEqual([start, start + 7]);
        expectNotFound(`Postal service ticket ${d}`, RULE);
      }),
      { numRuns: 100 },
    );
  });
});
