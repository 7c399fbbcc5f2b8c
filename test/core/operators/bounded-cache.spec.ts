import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache, perRing } from '../../../packages/core/src/operators/bounded-cache.js';

describe('BoundedCache', () => {
  it('behaves like a least-recently-used model and never holds more than its bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 80 }),
        (max, ops) => {
          const cache = new BoundedCache<number, string>(max);
          let model: number[] = []; // oldest first
          for (const [isSet, k] of ops) {
            if (isSet) {
              expect(cache.set(k, `v${k}`)).toBe(`v${k}`);
              model = [...model.filter((x) => x !== k), k];
              if (model.length > max) model = model.slice(1);
            } else {
              const hit = model.includes(k);
              expect(cache.get(k)).toBe(hit ? `v${k}` : undefined);
              if (hit) model = [...model.filter((x) => x !== k), k];
            }
            expect(cache.size).toBe(model.length);
            expect(cache.size).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  it('refuses a bound below one', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
    expect(() => new BoundedCache(1.5)).toThrow(RangeError);
  });

  it('keeps one cache per ring object', () => {
    const of = perRing<object, number>(2);
    const a = {};
    const b = {};
    of(a).set('x', 1);
    expect(of(a).get('x')).toBe(1);
    expect(of(b).get('x')).toBeUndefined();
  });
});
