import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findings, spans } from './helpers.js';
import { EN_HR_SENTENCES } from './hr-sentences.js';

const RULE = 'names.person_name_en';
const en = (t: string): string[] => spans(t, RULE);

describe('person_name_en', () => {
  it.each([
    ['Please send the contract to John Smith by Friday.', 'John Smith'],
    ['Approved by Dr. Emily Carter', 'Emily Carter'],
    ['Employee: Olivia Johnson', 'Olivia Johnson'],
    ['Name: Xavier Quintrell', 'Xavier Quintrell'],
    ['Contact Ms. Wilson for details', 'Wilson'],
    ['Meeting with Michael A. Thompson at 3pm', 'Michael A. Thompson'],
    ['Attendees: Garcia, Maria; Brown, Kevin', 'Garcia, Maria'],
    ['Signed: EMILY CARTER', 'EMILY CARTER'],
    ["We welcomed Ahmad O'Connell to the team.", "Ahmad O'Connell"],
    ['Forward it to Sarah Smith-Jones.', 'Sarah Smith-Jones'],
    ['Dear Kevin, thanks.', 'Kevin'],
  ])('%s → %s', (text, want) => expect(en(text)).toContain(want));

  it.each([
    'Will the payroll run on Monday?',
    'May Payroll Summary',
    'Grace period for Annual Leave requests ends soon.',
    'Total Amount Due: 250,000 JPY',
    'Human Resources Department',
    'Jordan Street is closed.',
    'Dear Sir or Madam,',
  ])('leaves %s alone', (text) => expect(en(text)).toEqual([]));

  it('leaves ≥ 95% of name-free HR sentences unchanged', () => {
    const hit = EN_HR_SENTENCES.filter((s) => en(s).length > 0);
    expect(hit.length / EN_HR_SENTENCES.length).toBeLessThanOrEqual(0.05);
  });

  const FIRST = ['Emily', 'Michael', 'Olivia', 'Daniel', 'Sophia', 'Kevin', 'Hannah', 'Thomas', 'Laura', 'Robert'];
  const LAST = ['Johnson', 'Carter', 'Thompson', 'Anderson', 'Martinez', 'Robinson', 'Walker', 'Nguyen', 'Garcia'];
  const frames = fc.constantFrom(
    ['Please send the form to ', ' by Friday.'],
    ['The request from ', ' was approved.'],
    ['Employee: ', ''],
    ['Minutes prepared by ', '.'],
  );

  it('finds First Last with exact spans, deterministically', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIRST), fc.constantFrom(...LAST), frames, (f, l, [pre, post]) => {
        const text = `${pre}${f} ${l}${post}`;
        const a = findings(text, RULE);
        const ok = a.some((x) => x.start === pre.length && x.end === pre.length + f.length + 1 + l.length);
        return ok && JSON.stringify(a) === JSON.stringify(findings(text, RULE));
      }),
    );
  });

  it('does not find lower-case near misses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIRST), fc.constantFrom(...LAST), frames, (f, l, [pre, post]) => {
        return en(`${pre}${f.toLowerCase()} ${l.toLowerCase()}${post}`).length === 0;
      }),
    );
  });
});
