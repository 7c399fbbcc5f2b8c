// The English and romaji name detectors' fast paths (pairs scored from one record per token, the look around a
// pair skipped when no score is possible, the org word, place head and mailbox around it read in place first,
// romaji pairs tried at the shared word starts with cached token kinds)
// against the implementations they replaced, kept under test/core/names/oracle: the same candidates in the same
// order, on text made of the pieces their branches turn on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDefaultRegistry, type Detector, type RuleDefinition } from '@kamen/core';
import { createPersonNameEnDetector } from '../../../../packages/core/src/detectors/names/person-name-en.js';
import { createPersonNameRomajiDetector } from '../../../../packages/core/src/detectors/names/person-name-romaji.js';
import { normalizeText } from '../../../../packages/core/src/text/normalize.js';
import { createPersonNameEnDetector as oldEn } from '../../names/oracle/person-name-en.js';
import { createPersonNameRomajiDetector as oldRomaji } from '../../names/oracle/person-name-romaji.js';

const ruleOf = (id: string): RuleDefinition => {
  const rule = getDefaultRegistry().rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
};

// Listed names, names that are also words, unlisted surnames, common words, org and place words, regions, romaji
// readings, capitals; titles, labels, slots, greetings; and the cues around a pair (sentence ends, verbs,
// possessives, brackets, mailboxes, enumerations, line breaks).
const pieces = [
  ...['John', 'Mary', 'James', 'Smith', 'Johnson', 'Grace', 'Rose', 'Brown', 'Will', 'May', 'Tevin', 'Block'],
  ...['Delta', 'Klein', 'Noemy', 'Hintz', 'Prosacco', 'Kilback', 'Watsica', 'Jovan', "O'Connell", 'Smith-Jones'],
  ...['McClure', 'Schowalter-Haag', 'Follow-Up', 'Support', 'Payroll', 'Google', 'Cloud', 'Street', 'Team', 'The'],
  ...['Report', 'Annual', 'Saint', 'Port', 'Paris', 'France', 'Sendai', 'Miyagi', 'Pro', 'Core', 'Node', 'Deno'],
  ...['SMITH', 'JOHN', 'MORIOKA', 'Yuusei', 'YAMADA', 'Taro', 'Yamada', 'OHNO', 'Ohno', 'Ōno', 'Kenji', 'Satoh'],
  ...['Hanako', 'HOMMA', 'Ichiro', 'Tokyo', 'Sushi', 'NOTE', 'OSAKA', 'Sato', 'Yūko', 'Q.', 'A.', 'X'],
  ...['Mr.', 'Mrs', 'Dr', 'Prof.', 'Name:', 'Employee:', 'Approved by:', 'Dear', 'Hi', 'hello', 'Thanks', 'cc'],
  ...['From:', 'ping', 'Welcome', 'for', 'with', 'by', 'and', 'or', 'per', 'reported', 'will', 'is', "'s", '(HR)'],
  ...['JOHN SMITH', 'MARY JOHNSON', 'Smith, John', 'YAMADA Taro', 'Taro Yamada', 'Jovan Hintz', 'John Q. Smith'],
  ...[
    'St.',
    'Mt.',
    'Lake',
    'Cape',
    'Santa',
    'hospital',
    'Hall',
    'Inc',
    'universityſ',
    'university',
    'HALL',
    'Departments',
    'Ltd.',
    '<a@b>',
    '<x',
    'ſ',
    '\u212a',
  ],
  ...['- Accountant', '<jane@example.com>', ',', ', ', '.', '. ', '!', ':', '\n', '\n\n', ' ', ' ', ' ', ' ', '\t'],
];
// Mostly single spaces between pieces, so that pairs form; sometimes nothing, a comma, a tab or a line break.
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '', ', ', '\t', '\n', '. ');
const text = fc.array(fc.tuple(fc.constantFrom(...pieces), separator), { maxLength: 16 }).map((p) => p.flat().join(''));

function agree(now: Detector, old: Detector): void {
  fc.assert(
    fc.property(text, (s) => {
      const input = normalizeText(s);
      expect([...now.scan(input)]).toEqual([...old.scan(normalizeText(s))]);
    }),
    { numRuns: 20000 },
  );
}

describe('English and romaji name fast paths', () => {
  it('property: person_name_en finds what the previous implementation found', () => {
    const rule = ruleOf('names.person_name_en');
    agree(createPersonNameEnDetector(rule), oldEn(rule));
  });

  it('person_name_en reads enumerations, subjects and the word after a slot as the previous implementation did', () => {
    const rule = ruleOf('names.person_name_en');
    const now = createPersonNameEnDetector(rule);
    const old = oldEn(rule);
    for (const s of [
      'Prosacco, Kilback or Hintz',
      'Prosacco, Kilback, and others',
      'Deno, Prosacco, Kilback',
      'Prosacco, Kilback orbits',
      "Jovan Hintz's desk",
      "Jovan Hintz'sx",
      "Jovan Hintz's",
      'Jovan Hintz (HR) will',
      'Jovan Hintz \u2013 Accountant',
      'Jovan Hintz | Accountant',
      'Jovan Hintz, born',
      'cc Kilback hospital',
      'cc Kilback Street',
      'cc Kilback:Street',
    ]) {
      expect([...now.scan(normalizeText(s))], s).toEqual([...old.scan(normalizeText(s))]);
    }
  });

  it('person_name_en reads the pair and its middle initial off the match ends as the previous implementation did', () => {
    // The pair pattern runs as test(): its groups are read from where the first token's run ends and a dot two units
    // after it, not from exec's array.
    const rule = ruleOf('names.person_name_en');
    const now = createPersonNameEnDetector(rule);
    const old = oldEn(rule);
    for (const s of [
      'John Q. Smith',
      'met John Q. Smith today',
      'John Q.Smith',
      'John Q. smith',
      'John Q Smith',
      "John Q. Smith's desk",
      "John Q. Smith'x",
      'John QQ. Smith',
      'John Q.. Smith',
      'John Q. Smith-Jones',
      "O'Neil Q. Smith",
      "Mary O'Neil",
      'Smith-Jones Q. Roe',
      'Tevin Block Q. Smith',
      'cc Jovan Q. Hintz',
      'John Q. Street',
      'John Smith.',
      'Noemy Hintz Q.',
    ]) {
      expect([...now.scan(normalizeText(s))], s).toEqual([...old.scan(normalizeText(s))]);
    }
    expect([...now.scan(normalizeText('met John Q. Smith today'))]).toMatchObject([{ start: 4, end: 17 }]);
  });

  it('person_name_romaji reads macronned first tokens as the previous implementation did', () => {
    const rule = ruleOf('names.person_name_romaji');
    const now = createPersonNameRomajiDetector(rule);
    const old = oldRomaji(rule);
    for (const s of [
      'ŌNO Kenji',
      'ŌNO KENJI',
      'Kenji ŌNO',
      'ĀBE Taro',
      'Yūko Satō',
      'Satō Yūko',
      'ŌNo Kenji',
      'Ōno Kenji',
    ]) {
      const found = [...now.scan(normalizeText(s))];
      expect(found, s).toEqual([...old.scan(normalizeText(s))]);
    }
    expect([...now.scan(normalizeText('ŌNO Kenji'))]).toHaveLength(1);
  });

  it('property: person_name_romaji finds what the previous implementation found', () => {
    const rule = ruleOf('names.person_name_romaji');
    agree(createPersonNameRomajiDetector(rule), oldRomaji(rule));
  });
});
