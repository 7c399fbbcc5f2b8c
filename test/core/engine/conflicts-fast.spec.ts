import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '@kamen/core';
import { resolveConflicts } from '../../../packages/core/src/engine/conflicts.js';
import { resolveConflicts as resolveBefore } from './oracle/conflicts-before.js';

// Small offsets and a few scores make ties in every sort key; empty, reversed, fractional and non-finite spans and
// scores take the fallbacks; arrays past 64 findings take the built-in sort.
const offset = fc.oneof(
  { weight: 20, arbitrary: fc.nat(40) },
  fc.constantFrom(0.5, -1, Number.NaN, Number.POSITIVE_INFINITY),
);
const score = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(0.3, 0.5, 0.85, 0.9, 1) }, fc.double({ noNaN: false }));
const finding = fc
  .record({
    start: offset,
    len: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 12 }) }, fc.integer({ min: -2, max: 0 })),
    score,
    id: fc.nat(99),
  })
  .map(({ start, len, score: s, id }): Finding => ({
    type: 'PHONE',
    start,
    end: start + len,
    score: s,
    ruleId: `r${id}`,
  }));
const plainFinding = fc
  .tuple(fc.nat(200), fc.integer({ min: 1, max: 15 }), fc.constantFrom(0.4, 0.6, 0.85, 1))
  .map(([start, len, s]): Finding => ({ type: 'EMAIL', start, end: start + len, score: s, ruleId: `e${start}` }));

const findingsArb = fc.oneof(fc.array(finding, { maxLength: 20 }), fc.array(plainFinding, { maxLength: 90 }));

describe('resolveConflicts against the previous implementation', () => {
  for (const strategy of ['keep-highest', 'merge', 'none'] as const) {
    it(`${strategy}: the same findings in the same order`, () => {
      fc.assert(
        fc.property(findingsArb, (input) => {
          const got = resolveConflicts([...input], strategy);
          const want = resolveBefore([...input], strategy);
          expect(got).toEqual(want);
          // The same objects where the old code passed them through (merge builds new ones).
          if (strategy !== 'merge') got.forEach((f, i) => expect(f).toBe(want[i]));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
