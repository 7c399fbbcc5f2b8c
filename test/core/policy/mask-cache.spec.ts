import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, maskText } from '@kamen/core';
import { LruCache } from '../../../packages/core/src/policy/lru.js';
import { SHORT_TEXT_CACHE_SIZE, SHORT_TEXT_MAX } from '../../../packages/core/src/policy/mask-text.js';
import { myNumberArb } from '../../helpers/generators.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

describe('LruCache', () => {
  it('never holds more than its capacity and behaves like a reference LRU', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 20 }), value: fc.integer() }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 20 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (capacity, ops) => {
        const lru = new LruCache<number, number>(capacity);
        // Reference: keys ordered from least to most recently used.
        const order: number[] = [];
        const values = new Map<number, number>();
        const touch = (k: number): void => {
          order.splice(order.indexOf(k), 1);
          order.push(k);
        };
        for (const o of ops) {
          if (o.kind === 'get') {
            expect(lru.get(o.key)).toBe(values.get(o.key));
            if (values.has(o.key)) touch(o.key);
          } else {
            lru.set(o.key, o.value);
            if (values.has(o.key)) touch(o.key);
            else {
              if (order.length >= capacity) values.delete(order.shift() as number);
              order.push(o.key);
            }
            values.set(o.key, o.value);
          }
          expect(lru.size).toBe(values.size);
          expect(lru.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
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

  it('is bounded: the least recently used text is evicted after SHORT_TEXT_CACHE_SIZE others', () => {
    const plan = compilePolicy(loadPolicy('support'), 'support', { keys });
    const first = maskText('部署 人事部', plan);
    for (let i = 0; i < SHORT_TEXT_CACHE_SIZE - 1; i++) maskText(`k${i}`, plan);
    expect(maskText('部署 人事部', plan)).toBe(first); // still cached, and now the most recently used
    for (let i = 0; i < SHORT_TEXT_CACHE_SIZE; i++) maskText(`m${i}`, plan);
    const after = maskText('部署 人事部', plan);
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });
});
