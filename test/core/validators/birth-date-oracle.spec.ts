import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJapaneseDate } from '../../../packages/core/src/dates/parse.js';
import { isEraImpliedBirthDate, isPlausibleBirthDate } from '../../../packages/core/src/validators/birth-date.js';
import { parseJapaneseDate as parseBefore } from '../dates/oracle/parse.js';
import {
  isEraImpliedBirthDate as eraImpliedBefore,
  isPlausibleBirthDate as plausibleBefore,
} from './oracle/birth-date.js';
import { gregorianArb, warekiArb } from '../../helpers/date-arbs.js';

// Pieces of every form the parser reads, near misses, and whitespace the trim and the space fold change.
const pieceArb = fc.oneof(
  fc.stringMatching(/^\d{1,4}$/),
  fc.constantFrom('年', '月', '日', '.', '/', '-', ',', ' ', '  ', '\t', '\u3000', '元', '昭和', 'S', 's', 'H', 'x'),
  fc.constantFrom('May', 'Sept', 'december', 'st', 'th', 'Ｓ', '６０', '１９８５'),
);
// Mostly nothing at the ends: a space there makes both versions trim and fold, hiding a slip in the inner check.
const spaceArb = fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, fc.constantFrom(' ', '\t', '\u3000', '\n'));
const textArb = fc.oneof(
  fc.array(pieceArb, { maxLength: 10 }).map((parts) => parts.join('')),
  fc
    .tuple(
      spaceArb,
      fc.oneof(warekiArb(), gregorianArb(Date.UTC(1890, 0, 1), Date.UTC(2040, 0, 1))),
      fc.constantFrom(' ', '  ', '\t', '\u00a0'),
      spaceArb,
    )
    .map(([a, d, inner, b]) => `${a}${d.text.replace(/ /g, inner)}${b}`),
);
// Any day from 1899 to 2041 (29 February included), and an invalid date.
const nowArb = fc.oneof(
  fc.integer({ min: Date.UTC(1899, 0, 1), max: Date.UTC(2041, 0, 1) }).map((ms) => new Date(ms)),
  fc.constant(new Date(Date.UTC(2024, 1, 29, 12))),
  fc.constant(new Date(Number.NaN)),
);

describe('birth-date validators against their previous implementation (test/core/*/oracle)', () => {
  it('parse, and judge plausible, every text as before', () => {
    fc.assert(
      fc.property(textArb, nowArb, (text, now) => {
        expect(parseJapaneseDate(text)).toEqual(parseBefore(text));
        expect(isPlausibleBirthDate(text, now)).toBe(plausibleBefore(text, now));
        expect(isPlausibleBirthDate(text)).toBe(plausibleBefore(text));
      }),
      { numRuns: 400 },
    );
  });

  it('draw the line at today as before (the day itself, the days around it, 29 February)', () => {
    const dayArb = fc.tuple(nowArb, fc.integer({ min: -2, max: 2 })).map(([now, k]) => {
      const t = new Date(now.getTime() + k * 86_400_000);
      const text = `${t.getUTCFullYear()}-${t.getUTCMonth() + 1}-${t.getUTCDate()}`;
      return { now, text };
    });
    fc.assert(
      fc.property(dayArb, ({ now, text }) => {
        expect(isPlausibleBirthDate(text, now)).toBe(plausibleBefore(text, now));
      }),
      { numRuns: 200 },
    );
  });

  it('judge era-implied dates as before', () => {
    const impliedArb = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${y}.${m}.${d}`),
      fc.stringMatching(/^\d{7}$/),
      fc.stringMatching(/^[0-9.\-/]{1,8}$/),
    );
    fc.assert(
      fc.property(impliedArb, nowArb, (text, now) => {
        expect(isEraImpliedBirthDate(text, now)).toBe(eraImpliedBefore(text, now));
        expect(isEraImpliedBirthDate(text)).toBe(eraImpliedBefore(text));
      }),
      { numRuns: 300 },
    );
  });
});
