import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { requiredCharOf } from '../../../packages/core/src/detectors/required-char.js';

describe('requiredCharOf', () => {
  it.each([
    ['記号[ :]{0,2}\\d{4}', '記'],
    ['\\d日?(?= ?生(?![産活]))', '生'],
    ['(?<=番号)\\d', '番'],
    ['(?:\\d+号)\\d', '号'],
    ['(\\d+号)\\d', '号'],
    ['[記]\\d号', '号'],
  ])('%s needs %s', (source, char) => {
    expect(requiredCharOf(source)).toBe(char);
  });

  it.each([
    'a|記', // an alternation
    '記?\\d', // a quantified character
    '(?:記\\d)?', // an optional group
    '(?!生)\\d', // a negative lookahead
    '(?:記|号)\\d', // a group of alternatives
    '\\u8a18\\d', // an escape
    '[記号]\\d', // a class
    'abc', // ASCII only
  ])('%s needs no character', (source) => {
    expect(requiredCharOf(source)).toBeUndefined();
  });

  it('reads nothing under the i flag', () => {
    expect(requiredCharOf('記号', 'i')).toBeUndefined();
  });

  it('holds for small generated regexes: a text they match in contains the character', () => {
    const leaf = fc.constantFrom(
      '生',
      '年',
      '生?',
      '年{0,2}',
      'a',
      '\\d',
      '[生a]',
      '(?=生)',
      '(?!生)',
      '(?<=年)',
      '.',
      '\\b',
    );
    const { tree } = fc.letrec<{ tree: string }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
        fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie('tree'), fc.constantFrom('?', '*', '+', '{2}', '{0,2}')).map(([a, q]) => `(?:${a})${q}`),
        tie('tree').map((a) => `(${a})`),
        tie('tree').map((a) => `(?=${a})`),
        tie('tree').map((a) => `(?<=${a})`),
      ),
    }));
    const text = fc.array(fc.constantFrom('生', '年', 'a', '1', 'x', ' '), { maxLength: 12 }).map((xs) => xs.join(''));
    let checked = 0;
    fc.assert(
      fc.property(tree, text, (source, t) => {
        const c = requiredCharOf(source);
        if (c === undefined || !new RegExp(source).test(t)) return;
        checked++;
        expect(t, source).toContain(c);
      }),
      { numRuns: 3000 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('holds for the built-in patterns on generated text', () => {
    const patterns = getDefaultRegistry()
      .rules.flatMap((r) => (r.patterns ?? []).map((p) => ({ source: p.regex, flags: p.flags ?? '' })))
      .flatMap((p) => {
        const c = requiredCharOf(p.source, p.flags);
        return c === undefined ? [] : [{ ...p, c }];
      });
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    const piece = fc.oneof(
      fc.stringMatching(/^\d{1,8}$/),
      fc.constantFrom('生', '生年月日', '昭和', '年', '月', '日', '生まれ', '記号', '番号', '口座番号', '〒', '枝番'),
      fc.constantFrom(' ', ':', '-', '.', '/', '(普通)', 'S', 'H', '保険者番号', '基礎年金番号', '産'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const t = parts.join('');
        for (const p of patterns) if (new RegExp(p.source, p.flags).test(t)) expect(t, p.source).toContain(p.c);
      }),
      { numRuns: 500 },
    );
  });
});
