// English names the lists lack, found by structure (en-name-cues.ts), and the capitalised non-names that the same
// structures must leave alone. Surnames in the properties are made of syllables, so no list holds them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNameDictionary } from '@kamen/core';
import { findings, spans } from './helpers.js';

const RULE = 'names.person_name_en';
const en = (t: string): string[] => spans(t, RULE);

describe('person_name_en structure', () => {
  it.each([
    ['Hi Quarshie,\nthe payslip is attached.', 'Quarshie'],
    ['hello Wojtaszek, thanks for the form', 'Wojtaszek'],
    ['Dear Okonkwo, Ngozi,\nYour contract is ready.', 'Okonkwo, Ngozi'],
    ['ping Vrabelova at the usual address', 'Vrabelova'],
    ['cc Brannigan', 'Brannigan'],
    ['Please notify Oyelaran before Friday.', 'Oyelaran'],
    ['From: Zanele Mokoena <z.mokoena@example.org>', 'Zanele Mokoena'],
    ['Signed by Tomasz K. Wojtaszek', 'Tomasz K. Wojtaszek'],
    ['Thanks for the documents.\nBest,\nAdaeze Okafor', 'Adaeze Okafor'],
    ['Emily Mokoena submitted the leave form.', 'Emily Mokoena'],
    ["Mokoena, Zanele's request was approved.", 'Mokoena, Zanele'],
    ["Greta Will's birthday is on Friday", 'Greta Will'],
    ['Employee: Ward, Ottilie\nSSN on file', 'Ward, Ottilie'],
    ['Attendees: Kathlyn Cheng, Esi Opoku and Sumitra Patil.', 'Esi Opoku'],
    ['Per Vasudev Shah, the cut-off moves.', 'Vasudev Shah'],
    ['Anand Desai - Senior Accountant - Tokyo', 'Anand Desai'],
    ['sent to Leda DuBuque and Jamison VonRueden', 'Leda DuBuque'],
    ['Hi, this is Noemie Crooks. Call me back.', 'Noemie Crooks'],
    ['Pension number 1234-567890 for MORIOKA Yuusei', 'MORIOKA Yuusei'],
    ['Full name: KITAHARA Nanari\nAddress: on file', 'KITAHARA Nanari'],
  ])('%s → %s', (text, want) => expect(en(text)).toContain(want));

  it.each([
    'Hi team, the Q3 Payroll Summary is attached.',
    'Hi all,\nthe office is closed.',
    'Thanks Everyone!',
    'Dear Sir or Madam,',
    'cc Payroll',
    'Please ping Support at the Help Desk.',
    'Use the token to call Google Cloud services.',
    'Our offices in Paris, France and Osaka, Japan are closed.',
    'Runs on Node.js, Deno, Bun, and others.',
    'Benchmarked on a MacBook Pro, Core i5.',
    'Saint Helena and Saint Patrick Day are on the list.',
    'Regards,\nPayroll Team',
    'From: Payroll Notifications <notifications>',
    'Attendees: Finance, Legal and HR.',
    'Subject: Annual Leave',
    'TODO List for the OSAKA Branch',
    'NOTE Please read before signing.',
    'WARNING Do not share JSON Schema files.',
  ])('leaves %s alone', (text) => expect(en(text)).toEqual([]));

  // Syllable surnames: not in the name lists, not English words.
  const dict = getNameDictionary();
  const syllable = fc.constantFrom('ka', 'zu', 'vo', 'rel', 'mbe', 'tsi', 'qua', 'nyo', 'dri', 'xo', 'lek', 'bha');
  const surname = fc
    .array(syllable, { minLength: 2, maxLength: 4 })
    .map((s) => s.join(''))
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .filter((s) => dict.englishLastName(s) === undefined && dict.englishFirstName(s) === undefined)
    .filter((s) => !dict.isEnglishWord(s));
  const FIRST = ['Emily', 'Daniel', 'Sophia', 'Kevin', 'Hannah', 'Thomas', 'Laura', 'Robert'];

  it('finds a listed first name with an unlisted surname in name slots, with exact spans', () => {
    const frames = fc.constantFrom(
      ['Dear ', ',\nthanks.'],
      ['cc ', ''],
      ['Approved by ', '.'],
      ['From: ', ' <someone@example.org>'],
      ['Thanks,\n', ''],
      ['', ' submitted the form.'],
      ['Attendees: Finance and ', '.'],
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIRST), surname, frames, (first, last, [pre, post]) => {
        const text = `${pre}${first} ${last}${post}`;
        return findings(text, RULE).some(
          (f) => f.start === pre.length && f.end === pre.length + first.length + 1 + last.length,
        );
      }),
    );
  });

  it('finds an unlisted surname alone after a greeting or cc, and never a lower-case one', () => {
    fc.assert(
      fc.property(
        surname,
        fc.constantFrom(['Hi ', ',\nsee below.'], ['cc ', ''], ['ping ', ' at noon']),
        (last, [pre, post]) => {
          const found = en(`${pre}${last}${post}`);
          return found.includes(last) && en(`${pre}${last.toLowerCase()}${post}`).length === 0;
        },
      ),
    );
  });

  it('never takes a common English word for a name in the same slots', () => {
    const words = fc.constantFrom('Support', 'Payroll', 'Security', 'Facilities', 'Everyone', 'Reception', 'Sales');
    fc.assert(
      fc.property(words, fc.constantFrom(['Hi ', ','], ['cc ', ''], ['ping ', ' at noon']), (w, [pre, post]) => {
        return en(`${pre}${w}${post}`).length === 0;
      }),
    );
  });
});
