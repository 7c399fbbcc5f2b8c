import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, ephemeralKeyRing, loadPolicy } from '@kamen/core';
import { exampleOf, shape } from '../../../packages/core/src/profile/examples.js';

const CLASSES = new Set(['9', 'a', 'A', 'カ', 'あ', '漢', 'x']);

describe('shape', () => {
  it('keeps the length in code points and no letter or digit of the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const out = shape(s);
        expect(Array.from(out)).toHaveLength(Array.from(s).length);
        for (const ch of out) if (/[\p{L}\p{Nd}]/u.test(ch)) expect(CLASSES.has(ch) || ch === 'ー').toBe(true);
      }),
    );
  });

  it('shows the layout of common values', () => {
    expect(shape('営業部')).toBe('漢漢漢');
    expect(shape('〒123-4567')).toBe('〒999-9999');
    expect(shape('Sato たろう')).toBe('Aaaa あああ');
  });
});

describe('exampleOf', () => {
  const plan = compilePolicy(loadPolicy('support'), 'support', { keys: ephemeralKeyRing() });

  it('masks a typed value with the plan and never shows a kept value', () => {
    expect(exampleOf('090-1234-5678', '電話', 'PHONE', plan)).toBe('090-****-5678');
    // CORPORATE_NUMBER is `keep` in the support policy: the report still shows only its shape.
    expect(exampleOf('1234567890123', '法人番号', 'CORPORATE_NUMBER', plan)).toBe('9999999999999');
  });

  it('masks findings in free text and shapes the rest', () => {
    const out = exampleOf('至急 090-1234-5678 へ折り返し', '備考', 'FREE_TEXT', plan);
    expect(out).toBe('漢漢 090-****-5678 あ漢あ漢あ');
  });

  it('cuts long examples after masking', () => {
    const out = exampleOf('あ'.repeat(200), '備考', undefined, plan);
    expect(Array.from(out)).toHaveLength(81);
    expect(out.endsWith('…')).toBe(true);
  });
});
