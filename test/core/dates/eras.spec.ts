import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCalendarDate } from '../../../packages/core/src/dates/eras.js';
import { isCalendarDateByDate } from './oracle/is-calendar-date.js';

describe('isCalendarDate', () => {
  it('agrees with the Date round trip on every day of 1896-2104 and the century years', () => {
    const years = [...Array.from({ length: 209 }, (_, i) => 1896 + i), 100, 1600, 1700, 1800, 2400, 9999];
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          expect(isCalendarDate(y, m, d), `${y}-${m}-${d}`).toBe(isCalendarDateByDate(y, m, d));
  });

  it('agrees with the Date round trip on any numbers', () => {
    const num = fc.oneof(
      fc.integer({ min: -20_000, max: 20_000 }),
      fc.integer({ min: 0, max: 40 }),
      fc.double({ min: -10, max: 10_100, noNaN: false }),
      fc.constantFrom(99, 100, 101, 9999, 10_000, Number.NaN, Infinity, -0, 0.5, 2.5, 1e21),
    );
    fc.assert(
      fc.property(num, num, num, (y, m, d) => {
        expect(isCalendarDate(y, m, d)).toBe(isCalendarDateByDate(y, m, d));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          expect(isCalendarDate(y, m, d)).toBe(isCalendarDateByDate(y, m, d));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
