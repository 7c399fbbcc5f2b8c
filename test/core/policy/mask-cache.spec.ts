import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, maskText } from '@kamen/core';
import { LruCache } from '../../../packages/core/src/policy/lru.js';
import { SHORT_TEXT_CACHE_SIZE, SHORT_TEXT_MAX } from '../../../packages/core/src/policy/mask-text.js';
import { myNumberArb } from '../../helpers/generators.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

describe('LruCache', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }), value: fc.integer() }),
    fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 30 }) }),
  );

  it('never holds more than its capacity, never returns a stale value, keeps what was used within capacity / 2 operations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.array(op, { maxLength: 300 }), (capacity, ops) => {
        const lru = new LruCache<number, number>(capacity);
        const latest = new Map<number, number>(); // last value set per key
        const touched = new Map<number, number>(); // key -> index of the operation that last set or hit it
        ops.forEach((o, i) => {
          if (o.kind === 'set') {
            lru.set(o.key, o.value);
            latest.set(o.key, o.value);
            touched.set(o.key, i);
          } else {
            const got = lru.get(o.key);
            const last = touched.get(o.key);
            if (got !== undefined) {
              expect(got).toBe(latest.get(o.key));
              touched.set(o.key, i);
            } else if (last !== undefined) {
              // Evicted: only allowed once at least capacity / 2 - 1 operations followed its last use.
              expect(i - last).toBeGreaterThanOrEqual(Math.floor(capacity / 2));
            }
          }
          expect(lru.size).toBeLessThanOrEqual(capacity);
        });
      }),
    );
  });

  it('rejects a capacity below 2 or not an integer', () => {
    expect(() => new LruCache(1)).toThrow(RangeError);
    expect(() => new LruCache(10.5)).toThrow(RangeError);
  });
});

describe('maskText memo of short texts', () => {
  const keys = testKeyRing();
  const policies = ['support', 'migration'] as const;
  const shortText = fc.oneof(
    myNumberArb.map((n) => `番号 ${n}`),
    fc.constantFrom(
      '人事部',
      'みずほ銀行',
      '本店営業部',
      '2018-11-19',
      '特になし',
      '携帯 090-1234-5678',
      '山田 太郎様',
    ),
    fc.string({ maxLength: SHORT_TEXT_MAX }),
  );

  it('returns exactly what an uncached call on an identical plan returns (determinism)', () => {
    for (const name of policies) {
      const cached = compilePolicy(loadPolicy(name), name, { keys });
      fc.assert(
        fc.property(shortText, (text) => {
          const first = maskText(text, cached);
          const again = maskText(text, cached);
          // A fresh plan has an empty memo: this result is computed, not looked up.
          const fresh = maskText(text, compilePolicy(loadPolicy(name), name, { keys }));
          expect(again.text).toBe(first.text);
          expect(first.text).toBe(fresh.text);
          expect(first.findings).toEqual(fresh.findings);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('shares frozen results, so no caller can alter what another caller gets', () => {
    const plan = compilePolicy(loadPolicy('support'), 'support', { keys });
    const a = maskText('携帯 090-1234-5678', plan);
    const b = maskText('携帯 090-1234-5678', plan);
    expect(b).toBe(a);
    expect(a.text).toBe('携帯 090-****-5678');
    expect(Object.isFrozen(a.findings)).toBe(true);
    expect(Object.isFrozen(a.findings[0])).toBe(true);
  });

  it('does not memoise long texts', () => {
    const plan = compilePolicy(loadPolicy('support'), 'support', { keys });
    const long = `連絡先は 090-1234-5678 です。${'特記事項なし。'.repeat(10)}`;
    expect(long.length).toBeGreaterThan(SHORT_TEXT_MAX);
    const a = maskText(long, plan);
    const b = maskText(long, plan);
    expect(b).not.toBe(a);
    expect(b.text).toBe(a.text);
  });

  it('is bounded: a text unused for SHORT_TEXT_CACHE_SIZE others is evicted, a recently used one is kept', () => {
    const plan = compilePolicy(loadPolicy('support'), 'support', { keys });
    const first = maskText('部署 人事部', plan);
    for (let i = 0; i < SHORT_TEXT_CACHE_SIZE / 2 - 1; i++) maskText(`k${i}`, plan);
    expect(maskText('部署 人事部', plan)).toBe(first); // still cached, and now recently used
    for (let i = 0; i < SHORT_TEXT_CACHE_SIZE; i++) maskText(`m${i}`, plan);
    const after = maskText('部署 人事部', plan);
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });
});
