import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEach, maskRuns, unitFlags } from '../../../packages/core/src/operators/mask.js';

// Separators, digits, ASCII and full-width letters, kana and kanji, and lone surrogate halves.
const unitArb = fc.constantFrom(...'-‐ー /.@_()（）　：:09０９aZＡｱア山 \ud800\udc00'.split(''));
const caseArb = fc.array(unitArb, { maxLength: 40 }).chain((units) =>
  fc.tuple(
    fc.constant(units.join('')),
    // Longer than the value, as the operator's reused scratch is: only the value's own positions may be read.
    fc.uint8Array({ minLength: units.length + 8, maxLength: units.length + 8, max: 2 }),
    fc.boolean(),
    fc.constantFrom('*', '＊', '■', '𝕏'),
  ),
);

describe('mask: one string per run of kept or masked characters', () => {
  it('gives what the character-by-character loop gives (the old path, kept for values with surrogate pairs)', () => {
    fc.assert(
      fc.property(caseArb, ([value, keep, keepSeps, mc]) => {
        expect(maskRuns(value, keep, keepSeps, mc)).toBe(maskEach(value.split(''), keep, keepSeps, mc));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps separators only when told to, and masks the empty value to the empty string', () => {
    const keep = new Uint8Array(16);
    keep[0] = 1;
    expect(maskRuns('090-1234', keep, true, '*')).toBe('0**-****');
    expect(maskRuns('090-1234', keep, false, '＊')).toBe('0＊＊＊＊＊＊＊');
    expect(maskRuns('', keep, true, '*')).toBe('');
  });
});

describe('mask: unitFlags (one pass instead of the surrogate and wide-character regexes)', () => {
  it('says what the two regexes said, for any code units', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x2fff, 0x3000, 0x9fff, 0xa000, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfeff, 0xff00, 0xffef, 0xfff0),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (codes) => {
        const value = String.fromCharCode(...codes);
        const flags = unitFlags(value);
        expect((flags & 1) !== 0).toBe(/[\ud800-\udfff]/.test(value));
        expect((flags & 2) !== 0).toBe(/[\u3000-\u9fff\uff00-\uffef]/u.test(value));
      }),
      { numRuns: 5000 },
    );
  });
});
