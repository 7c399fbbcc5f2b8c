import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileContextMatcher,
  findContextWords,
  hasContextWord,
} from '../../../packages/core/src/detectors/context.js';

describe('hasContextWord', () => {
  const words = ['DOB', 'born', '生年月日', '生まれ', 'birth date', '歳'];
  const piece = fc.oneof(fc.constantFrom(...words, 'dob', 'Born', ' ', '日', 'x', '\n'), fc.string({ maxLength: 3 }));
  it('is true exactly when findContextWords finds a word, for any window and candidate', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.nat(60),
        fc.nat(10),
        fc.nat(40),
        fc.nat(12),
        (parts, at, len, before, after) => {
          const text = parts.join('');
          const start = Math.min(at, text.length);
          const end = Math.min(start + len, text.length);
          const spec = { words, before, after, boost: 0.4 };
          const re = compileContextMatcher(spec);
          const found = findContextWords(re, spec, text, start, end).length > 0;
          expect(hasContextWord(re, spec, text, start, end)).toBe(found);
          // The shared matcher is left reset for the next caller.
          expect(re.lastIndex).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
