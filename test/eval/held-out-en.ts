// A held-out English check, kept apart from the evaluation corpus so that rules tuned on the corpus can be seen to
// generalise: other templates (minutes, sign-offs, review notes, forwarded headers, @-less chat), and names from
// faker's Indian, Nigerian, Ghanaian, South African and Hong Kong locales, whose name lists neither the corpus
// (fakerEN) nor kamen's dictionaries (stdlib, humannames) are built from. PII-free texts full of capitalised words
// (departments, products, places, holidays) must come through unchanged.
import { fakerEN_GH, fakerEN_HK, fakerEN_IN, fakerEN_NG, fakerEN_ZA, type Faker } from '@faker-js/faker';
import type { Corpus, LabelledSpan, LabelledText } from './corpus.js';
import { int, pick, rng, type Rand } from './gen/random.js';

const LOCALES: readonly Faker[] = [fakerEN_IN, fakerEN_NG, fakerEN_GH, fakerEN_ZA, fakerEN_HK];

interface Person {
  readonly first: string;
  readonly last: string;
}
function person(r: Rand): Person {
  const f = pick(r, LOCALES);
  f.seed(int(r, 1, 1e9));
  return { first: f.person.firstName(), last: f.person.lastName() };
}

// {N} full name, {LF} "Last, First", {F} first name alone, {L} last name alone; {MAIL} a role address (no PII).
const TEMPLATES: readonly string[] = [
  'Minutes 14 May. Attendees: {N}, {N} and {N}.',
  'Performance review for {N} was completed by {N}.',
  '---------- Forwarded message ----------\nFrom: {N} <{MAIL}>\nTo: {N} <{MAIL}>\nSubject: leave balance',
  'Thanks for your patience.\n\nKind regards,\n{N}\nPayroll Team',
  '{N} (Finance) will cover for {N} (Legal) next week.',
  'Please update the bank account for {N}; new details are attached.',
  'Hello {F}, your request has been approved.',
  'Approver: {LF}\nStatus: approved',
  'The badge for {N} was deactivated on 3 March.',
  'Interview with {N} at 2pm; panel: {N}, {N}.',
  '{N} joined as a senior analyst on 1 April.',
  'Spoke to Ms {L} about the relocation package.',
  'Expense claim submitted by {N} needs a receipt.',
  'Good morning {F}! The contract is ready for signature.',
  'Reminder: {N} and {N} are on leave until Monday.',
  // Added after the rules above were tuned and measured once, untouched since: a check nothing was fitted to.
  'Can {F} please share the onboarding checklist with {N}?',
  'Offer letter for {N} sent; the signed copy is due Friday.',
  'Name,Department,Start date\n{N},Finance,2026-04-01',
  '{N} - Senior Accountant - Tokyo',
  'Leave approved for {LF} (annual, 3 days).',
  'Per {N}, the payroll cut-off moves to the 20th.',
  'Welcome {N} to the Osaka team!',
];

export const HELD_OUT_NEGATIVES: readonly string[] = [
  'Attendees: Finance, Legal and HR.',
  'The Tokyo Midtown office opens on Monday.',
  'Hi team, the Q3 Payroll Summary is attached.',
  'Please ping Support at the Help Desk.',
  'Regards,\nPayroll Team',
  'Our offices in Paris, France and Osaka, Japan are closed for the holiday.',
  'Thanks Everyone!',
  'Microsoft Teams and Google Meet links are in the invite.',
  'Dear Sir or Madam,\nPlease find the policy attached.',
  'The New Year holiday starts on December 29.',
  'cc HR Operations',
  'Receipts go through Workday, Concur and SAP.',
  'Annual Leave Policy (Revised)',
  'Visa Sponsorship Program update',
  'Customer Success Review moved to Friday.',
  'Contact the Help Desk for VPN access.',
  'From: Payroll Notifications <notifications>\nSubject: your payslip is ready',
  'The Golden Week schedule is on the portal.',
  'Saint Patrick Day party in the lobby at 5pm.',
  'Hello World is the first exercise in the onboarding course.',
  'Welcome aboard, Team!',
  'Sales Kickoff, Marketing Offsite and Engineering All Hands are next month.',
  'Shared Services handles Accounts Payable and Accounts Receivable.',
  'Please call Facilities about the broken chair.',
  'The Kansai Branch moved to Umeda.',
  'Name,Department,Start date',
  'Per Diem rates were updated for Tokyo and Nagoya.',
  'Welcome to the Osaka team!',
  'Can Finance please share the Q2 budget?',
  'Offer Letter Template v3 (Legal approved)',
];

function fill(r: Rand, template: string): LabelledText {
  const spans: LabelledSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(/\{([A-Z]+)\}/g)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === 'MAIL') {
      text += pick(r, ['hr@example.com', 'payroll@example.co.jp', 'people-ops@example.org']);
      continue;
    }
    const p = person(r);
    const [value, fragments] =
      m[1] === 'LF'
        ? [`${p.last}, ${p.first}`, [p.last, p.first]]
        : m[1] === 'F'
          ? [p.first, [p.first]]
          : m[1] === 'L'
            ? [p.last, [p.last]]
            : [`${p.first} ${p.last}`, [p.first, p.last]];
    spans.push({ type: 'PERSON_NAME', start: text.length, end: text.length + value.length, value, fragments });
    text += value;
  }
  return { lang: 'en', text: text + template.slice(last), spans, template };
}

/** `perTemplate` texts of every template, seeded; the negatives as they are. No held-out documents. */
export function heldOutEnglish(seed: number, perTemplate: number): Corpus {
  const r = rng(seed);
  const positives = TEMPLATES.flatMap((t) => Array.from({ length: perTemplate }, () => fill(r, t)));
  return { positives, negatives: HELD_OUT_NEGATIVES.map((text) => ({ lang: 'en', text })), heldOut: [] };
}
