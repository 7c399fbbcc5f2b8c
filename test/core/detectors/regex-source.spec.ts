import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternatives, classEnd, groupEnd, isDigitClass } from '../../../packages/core/src/detectors/regex-source.js';

describe('regex-source', () => {
  it('closes classes at the first unescaped ] and groups at their matching )', () => {
    expect(classEnd('[a\\]b]c', 0)).toBe(6);
    expect(classEnd('[abc', 0)).toBe(-1);
    expect(groupEnd('(a(b)[)]c)d', 0)).toBe(10);
    expect(groupEnd('(a\\)', 0)).toBe(-1);
  });

  it('splits only at top-level bars, never inside classes, groups or escapes', () => {
    const src = 'a|[|](x|y)\\||b';
    expect(alternatives(src, 0, src.length)?.map(([s, e]) => src.slice(s, e))).toEqual(['a', '[|](x|y)\\|', 'b']);
    expect(alternatives('(a|b', 0, 4)).toBeUndefined();
  });

  it('property: joining alternatives with | and splitting gives them back', () => {
    const atom = fc.constantFrom('a', '\\d', '[|x]', '(p|q)', '\\|', '[\\]|]', '(?:1|2)', '0{2}');
    const alt = fc.array(atom, { minLength: 0, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(alt, { minLength: 1, maxLength: 5 }), (alts) => {
        const src = alts.join('|');
        expect(alternatives(src, 0, src.length)?.map(([s, e]) => src.slice(s, e))).toEqual(alts);
      }),
    );
  });

  it('knows digit classes', () => {
    expect(isDigitClass('0-9')).toBe(true);
    expect(isDigitClass('\\d5')).toBe(true);
    expect(isDigitClass('^0-9')).toBe(false);
    expect(isDigitClass('0-9a')).toBe(false);
    expect(isDigitClass('\\w')).toBe(false);
  });
});
