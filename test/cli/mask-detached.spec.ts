import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMasker, detached } from '../../packages/cli/src/mask/masker.js';
import { planOf } from '../../packages/cli/src/mask/job.js';
import { SUPPORT_SETUP } from './mask-helpers.js';
import { applyTransform, type Leaf } from '@kamen/core';

describe('detached (values cut from a batch text are copied before caches keep them)', () => {
  it('returns the same text for any string, cut from a longer one or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), fc.string({ maxLength: 40 }), (s, pad) => {
        const cut = `${pad}${s}${pad}`.slice(pad.length, pad.length + s.length);
        expect(detached(cut)).toBe(s);
        expect(detached(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks a record the same whether its values were cut from a batch text or not', () => {
    const values = ['東京都千代田区千代田1-1-1 山田ビル', 'taro.yamada.example@example.com', '090-1234-5678'];
    const fields = ['住所', 'メールアドレス', '電話番号'];
    const batch = `xx${values.join('|')}xx`;
    const leaves = (cut: boolean): Leaf[] => {
      let at = 2;
      return values.map((v, i) => {
        const value = cut ? batch.slice(at, at + v.length) : v;
        at += v.length + 1;
        return { path: fields[i] as string, field: fields[i] as string, kind: 'cell', record: 1, value };
      });
    };
    const run = (cut: boolean): string[] => {
      const l = leaves(cut);
      applyTransform(
        [{ record: 1, pieces: ['', ',', ',', '\n'], leaves: l }],
        createMasker(planOf(SUPPORT_SETUP), {}).hooks,
      );
      return l.map((x) => x.value);
    };
    expect(run(true)).toEqual(run(false));
    expect(run(true)).not.toEqual(values);
  });
});
