import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERAS, isCalendarDate, isInEra, type Era } from '../../../packages/core/src/dates/eras.js';
import { isCalendarDateByDate } from './oracle/is-calendar-date.js';
import { isInEraByDate } from './oracle/is-in-era.js';

// Any number a caller could pass: both date checks must answer as the Date-based oracles do, not only on real dates.
const num = fc.oneof(
  fc.integer({ min: -20_000, max: 20_000 }),
  fc.integer({ min: 0, max: 40 }),
  fc.double({ min: -10, max: 10_100, noNaN: false }),
  fc.constantFrom(99, 100, 101, 9999, 10_000, Number.NaN, Infinity, -0, 0.5, 2.5, 1e21),
);

describe('isCalendarDate', () => {
  it('agrees with the Date round trip on every day of 1896-2104 and the century years', () => {
    const years = [...Array.from({ length: 209 }, (_, i) => 1896 + i), 100, 1600, 1700, 1800, 2400, 9999];
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          expect(isCalendarDate(y, m, d), `${y}-${m}-${d}`).toBe(isCalendarDateByDate(y, m, d));
  });

  it('agrees with the Date round trip on any numbers', () => {
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

describe('isInEra', () => {
  // An era object built by a caller is not one of ERAS: it keeps the Date path.
  const eras: Era[] = [...ERAS, { name: '試', kanji: '試', latin: 'X', offset: 1900, start: [1950, 6, 15] }];

  it('agrees with the Date day numbers on every day of 1860-2040, and days 0-32 of months 0-13, for every era', () => {
    const differ: string[] = [];
    for (const era of eras)
      for (let y = 1860; y <= 2040; y++)
        for (let m = 0; m <= 13; m++)
          for (let d = 0; d <= 32; d++)
            if (isInEra(era, y, m, d) !== isInEraByDate(era, y, m, d)) differ.push(`${era.name} ${y}-${m}-${d}`);
    expect(differ).toEqual([]);
  });

  it('agrees with the Date day numbers on any numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...eras), num, num, num, (era, y, m, d) => {
        expect(isInEra(era, y, m, d)).toBe(isInEraByDate(era, y, m, d));
      }),
      { numRuns: 20_000 },
    );
  });
});
