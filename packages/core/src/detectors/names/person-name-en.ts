import { getNameDictionary, type EnglishNameKind } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import type { Candidate, Detector } from '../detector.js';

/**
 * English personal names:
 * - after a title (Mr., Ms., Mrs., Dr., Prof.) or a label (Name:, Contact:, Employee:, Dear): 0.9;
 * - First [M.] Last with a listed first name and a listed last name: 0.85 (0.7 when one of them is also a common
 *   word: Grace, Rose, Brown); a first name that is also a word (Will, May) needs a non-word last name and a
 *   position other than sentence start (0.6), else 0.45 and only the rule's context words can lift it;
 * - listed first name + unlisted capitalised word: 0.45 (context needed);
 * - "Last, First" in lists (both listed, one of them not a common word) and JOHN SMITH in capitals (both listed as
 *   names only): 0.75.
 */
// A capitalised name, optionally double-barrelled or with an apostrophe (Smith-Jones, O'Connell, D'Amore).
const NAME = "(?:[A-Z]'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const TITLE_RE = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.? (${NAME}(?: (?:[A-Z]\\. )?${NAME}){0,2})`, 'g');
const LABEL_RE = new RegExp(
  `\\b(?:(?:Full |Employee |Contact |Legal )?[Nn]ame|Employee|Contact|Applicant|Approver|Requester|Spouse|Dependent|` +
    `Emergency contact|Attn|(?:Approved|Requested|Submitted|Prepared|Reviewed) by) ?: ?(${NAME}(?: (?:[A-Z]\\. )?${NAME}){0,2})|` +
    `\\bDear (${NAME}(?: ${NAME})?)`,
  'g',
);
const PAIR_RE = new RegExp(`(?<![A-Za-z.'-])(${NAME})( [A-Z]\\.)? (${NAME})(?![A-Za-z'-])`, 'g');
const LAST_FIRST_RE = new RegExp(`(?<![A-Za-z])(${NAME}), (${NAME})(?![A-Za-z])`, 'g');
const CAPS_RE = /(?<![A-Za-z])([A-Z]{2,}) ([A-Z]{2,})(?![A-Za-z])/g;

// Words after which a capitalised pair is a place or an organisation, not a person.
const ORG_WORDS = new Set(
  [
    'street st avenue ave road rd boulevard lane drive way park hall center centre hospital university college',
    'school bank inc corp ltd llc company group foundation institute building tower station airport bridge river',
    'county city office branch plant division department team project system service services store shop hotel',
    'restaurant church museum library market mall square campus clinic lab labs studio',
  ]
    .join(' ')
    .split(' '),
);

const isSentenceStart = (text: string, i: number): boolean => {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '"')) j--;
  return j < 0 || '.!?\n\r:;'.includes(text[j] as string);
};

function pairScore(
  first: EnglishNameKind | undefined,
  firstAsLast: EnglishNameKind | undefined,
  last: EnglishNameKind | undefined,
  atStart: boolean,
): number {
  if (first === 'name') return last === 'name' ? 0.85 : last === 'word' ? 0.7 : atStart ? 0.45 : 0.5;
  if (first === 'word' && last === 'name') return atStart ? 0.45 : 0.6;
  // Not a listed first name but a listed name all the same (the broad list mixes first and last names): both
  // tokens listed as names and away from sentence start is two kinds of evidence.
  if (first === undefined && firstAsLast === 'name' && last === 'name') return atStart ? 0.45 : 0.6;
  return 0;
}

/** List lookup for a token, trying the parts of a double-barrelled name (Schowalter-Haag, O'Connell). */
function lookup(get: (s: string) => EnglishNameKind | undefined, token: string): EnglishNameKind | undefined {
  const whole = get(token);
  if (whole !== undefined || !/['-]/.test(token)) return whole;
  const parts = token.split(/['-]/).filter((p) => p.length > 1);
  return parts.some((p) => get(p) === 'name') ? 'name' : parts.some((p) => get(p) === 'word') ? 'word' : undefined;
}

export function createPersonNameEnDetector(rule: RuleDefinition): Detector {
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    *scan(input): Iterable<Candidate> {
      const dict = getNameDictionary();
      const text = input.text;
      const taken = new Set<number>();
      const out: Candidate[] = [];
      const add = (start: number, end: number, score: number, pattern: string, contextApplied = false): void => {
        if (score <= 0 || taken.has(start)) return;
        taken.add(start);
        out.push({ start, end, score, pattern, contextApplied });
      };
      for (const [re, pattern] of [
        [TITLE_RE, 'title'],
        [LABEL_RE, 'label'],
      ] as const) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          const value = (m[1] ?? m[2]) as string;
          const start = m.index + m[0].length - value.length;
          const tokens = value.split(' ');
          const listed = tokens.some((t) => dict.englishFirstName(t) === 'name' || dict.englishLastName(t) === 'name');
          if (pattern === 'label' && m[2] !== undefined && !listed) continue; // "Dear Sir"
          add(start, start + value.length, listed || pattern === 'title' ? 0.9 : 0.7, pattern, true);
        }
      }
      PAIR_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PAIR_RE.exec(text)) !== null) {
        const a = m[1] as string;
        const b = m[3] as string;
        const end = m.index + m[0].length;
        const next = /^ ([a-z]+)/i.exec(text.slice(end, end + 20))?.[1]?.toLowerCase();
        const score =
          ORG_WORDS.has(b.toLowerCase()) || (next !== undefined && ORG_WORDS.has(next))
            ? 0
            : pairScore(
                lookup(dict.englishFirstName, a),
                lookup(dict.englishLastName, a),
                lookup(dict.englishLastName, b),
                isSentenceStart(text, m.index),
              );
        if (score === 0) {
          PAIR_RE.lastIndex = m.index + a.length + 1;
          continue;
        }
        add(m.index, end, score, 'first-last');
      }
      for (const [re, pattern] of [
        [LAST_FIRST_RE, 'last-comma-first'],
        [CAPS_RE, 'capitals'],
      ] as const) {
        re.lastIndex = 0;
        while ((m = re.exec(text)) !== null) {
          const a = m[1] as string;
          const b = m[2] as string;
          const ok =
            pattern === 'capitals'
              ? dict.englishFirstName(a) === 'name' && dict.englishLastName(b) === 'name'
              : (dict.englishLastName(a) === 'name' && dict.englishFirstName(b) !== undefined) ||
                (dict.englishLastName(a) !== undefined && dict.englishFirstName(b) === 'name');
          if (!ok) {
            re.lastIndex = m.index + a.length + 1;
            continue;
          }
          add(m.index, m.index + m[0].length, 0.75, pattern);
        }
      }
      yield* out;
    },
  };
}
