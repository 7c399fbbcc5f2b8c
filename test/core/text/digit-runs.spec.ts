import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '@kamen/core';
import { digitRunsOf, findDigitRuns } from '../../../packages/core/src/text/digit-runs.js';

/** The runs as [start, end) pairs, read the slow way. */
function naive(text: string): [number, number][] {
  return [...text.matchAll(/\d+/g)].map((m) => [m.index, m.index + m[0].length]);
}
const pairs = (r: ReturnType<typeof findDigitRuns>): [number, number][] =>
  Array.from({ length: r.count }, (_, i) => [r.starts[i] as number, r.ends[i] as number]);

describe('findDigitRuns', () => {
  it('finds every maximal ASCII digit run and the longest length, for any string', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.stringMatching(/^\d{1,9}$/), fc.string({ maxLength: 4 }))), (parts) => {
        const text = parts.join('');
        const runs = findDigitRuns(text);
        const expected = naive(text);
        expect(pairs(runs)).toEqual(expected);
        expect(runs.maxLength).toBe(Math.max(0, ...expected.map(([s, e]) => e - s)));
      }),
      { numRuns: 1000 },
    );
  });

  it('tells digits from the units either side of them and from any other unit (one unsigned compare)', () => {
    // '/' and ':' border the digits; U+0000 and U+FFFF are the ends of the range the compare wraps; ０ and ٠ are digits
    // of other scripts, which \d does not match.
    const unit = fc.oneof(
      fc.constantFrom('/', ':', '0', '9', '\u0000', '\uffff', '０', '٠', '\u0130', '\ud800'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(pairs(findDigitRuns(text))).toEqual(naive(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('digitRunsOf', () => {
  it('answers for the copy it is asked about, also when copies are asked about alternately', () => {
    const a = normalizeText('TEL 03-1234-5678');
    const b = normalizeText('部長');
    for (let k = 0; k < 3; k++) {
      expect(pairs(digitRunsOf(a))).toEqual(naive(a.text));
      expect(digitRunsOf(b).count).toBe(0);
    }
  });

  it('does not reuse runs for a copy spread into an object with another text, and accepts a frozen copy', () => {
    const a = normalizeText('12 345');
    digitRunsOf(a);
    const other = { ...a, text: 'x 6789 01' };
    expect(pairs(digitRunsOf(other))).toEqual(naive(other.text));
    const frozen = Object.freeze({ ...normalizeText('no. 42') });
    expect(pairs(digitRunsOf(frozen))).toEqual(naive(frozen.text));
  });
});
