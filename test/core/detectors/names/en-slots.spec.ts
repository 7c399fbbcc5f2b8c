// slotBefore reads the slot word before a pair in place instead of running three `$`-anchored regexes on the 20
// units before it; the regex version is kept as the oracle (test/core/names/oracle/en-name-cues.ts). Same answer at
// every index of generated text: slot words in both cases, cut by the 20-unit window, after letters, with their
// commas, colons and spaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotBefore } from '../../../../packages/core/src/detectors/names/en-slots.js';
import { slotBefore as oracle } from '../../names/oracle/en-name-cues.js';

const pieces = [
  ...['cc', 'Cc', 'bcc', 'BCC', 'ping', 'Notify', 'ask', 'Tell', 'remind', 'Thank', 'invite', 'Message', 'email'],
  ...['E-mail', 'e-mail', 'Call', 'this is', 'This is', 'THIS IS', 'Dear', 'dear', 'hi', 'Hi', 'HI', 'hello', 'Hey'],
  ...['Welcome', 'From:', 'from:', 'To:', 'Cc:', 'Bcc:', 'Attn:', 'Attention:', 'Reply-To:', 'Signed:', 'Signed'],
  ...['for', 'FOR', 'With', 'by', 'From', 'AND', 'to', 'Per', 'on behalf of', 'On Behalf Of', 'according to'],
  ...['Roe', 'Jane', 'ROE', 'x', 'abc', 'Attendees', 'Panel', 'aRoe', 'Z', 'a', 'thank you', 'onbehalf of'],
  ...[' ', ' ', ' ', '  ', ',', ', ', ':', ': ', ',:', ' ,', '-', "'", '.', '\n', '\t', '5', 'é', 'ſ', '\u212a', 'İ'],
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join('')),
  fc.string({ unit: fc.constantFrom(...'aAcCfoRrTt :,-'.split('')), maxLength: 40 }),
  fc.string({ maxLength: 30 }),
  // Words long enough for the 20-unit window to cut them: a capital at its edge, a letter before it.
  fc
    .tuple(
      fc.constantFrom('a', 'Q', '-', ''),
      fc.constantFrom('R', 'a', ''),
      fc.string({ unit: fc.constantFrom('a', 'z'), minLength: 15, maxLength: 21 }),
      fc.constantFrom(',', ':', ', ', ': ', ' ', ''),
    )
    .map((parts) => parts.join('')),
);

describe('slotBefore', () => {
  it('matches the regex version on examples', () => {
    for (const s of ['cc ', 'Bcc: ', 'xcc ', 'for, ', 'Roe, ', 'Attendees:', 'on behalf of ', '12345678901234cc ']) {
      for (let i = 0; i <= s.length; i++) expect(slotBefore(s, i)).toBe(oracle(s, i));
    }
  });

  it('property: the same answer as the three regexes at every index', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (let i = 0; i <= s.length; i++) expect(slotBefore(s, i)).toBe(oracle(s, i));
      }),
      { numRuns: 20000 },
    );
  });
});
