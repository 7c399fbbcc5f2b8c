import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reservoir } from '../../../packages/core/src/profile/reservoir.js';

describe('Reservoir', () => {
  it('holds min(size, n) items, all from the stream, and the same ones for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 500 }), fc.nat(), (size, n, seed) => {
        const a = new Reservoir<number>(size, seed);
        const b = new Reservoir<number>(size, seed);
        for (let i = 0; i < n; i++) {
          a.add(i);
          b.add(i);
        }
        expect(a.items).toHaveLength(Math.min(size, n));
        expect(new Set(a.items).size).toBe(a.items.length);
        expect(a.items.every((x) => x >= 0 && x < n)).toBe(true);
        expect(a.items).toEqual(b.items);
        expect(a.count).toBe(n);
      }),
    );
  });

  it('samples the whole stream, not just its start', () => {
    const r = new Reservoir<number>(100);
    for (let i = 0; i < 100_000; i++) r.add(i);
    const late = r.items.filter((x) => x >= 50_000).length;
    // Uniform: about half the sample from the second half (binomial 100, 0.5: 30..70 is > 99.99 %).
    expect(late).toBeGreaterThan(30);
    expect(late).toBeLessThan(70);
  });
});
