import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '@kamen/core';
import { resolveConflicts } from '../../../packages/core/src/engine/conflicts.js';

const f = (start: number, end: number, score: number, type: Finding['type'] = 'PHONE'): Finding => ({
  type,
  start,
  end,
  score,
  ruleId: `r${start}`,
});

const findingArb = fc
  .tuple(fc.nat(100), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([s, len, score]) => f(s, s + len, score));

describe('resolveConflicts', () => {
  it('keep-highest keeps the higher score, then the longer span', () => {
    expect(resolveConflicts([f(0, 10, 0.6), f(5, 12, 0.9)], 'keep-highest')).toEqual([f(5, 12, 0.9)]);
    expect(resolveConflicts([f(0, 10, 0.9), f(2, 5, 0.9)], 'keep-highest')).toEqual([f(0, 10, 0.9)]);
  });

  it('merge unions overlapping spans under the best-scoring type', () => {
    const out = resolveConflicts([f(0, 10, 0.6, 'ADDRESS'), f(8, 14, 0.9, 'PHONE'), f(20, 22, 0.5)], 'merge');
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 14, 'PHONE'],
      [20, 22, 'PHONE'],
    ]);
  });

  it('none keeps everything, sorted', () => {
    expect(resolveConflicts([f(5, 6, 1), f(0, 10, 0.1)], 'none').map((x) => x.start)).toEqual([0, 5]);
  });

  it('keep-highest output never overlaps and is sorted; merge covers every input character', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), (input) => {
        const kept = resolveConflicts([...input], 'keep-highest');
        for (let i = 1; i < kept.length; i++) expect(kept[i]!.start).toBeGreaterThanOrEqual(kept[i - 1]!.end);
        const merged = resolveConflicts([...input], 'merge');
        for (const x of input) expect(merged.some((m) => m.start <= x.start && x.end <= m.end)).toBe(true);
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThanOrEqual(merged[i - 1]!.end);
      }),
    );
  });
});
