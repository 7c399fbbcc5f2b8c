import { getNameDictionary, type EnglishNameKind, type NameDictionary } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../detector.js';
import {
  GREETING_RE,
  SLOT_TOKEN_RE,
  afterPlaceHead,
  continuesAsSubject,
  greetings,
  isOwnLine,
  isRegion,
  mailboxFollows,
  tokenClass,
  tokenKinds,
  type TokenClass,
  type TokenKinds,
} from './en-name-cues.js';
import { slotBefore } from './en-slots.js';
import { EnFamily, enStartsOf, execFrom, isCapital, isLetter, nameRunEnd, stickyOf } from './en-starts.js';

/**
 * English personal names:
 * - after a title (Mr., Ms., Mrs., Dr., Prof.) or a label (Name:, Contact:, Employee:, Dear): 0.9;
 * - First [M.] Last with a listed first name and a listed last name: 0.85 (0.7 when one of them is also a common
 *   word: Grace, Rose, Brown); a first name that is also a word (Will, May) needs a non-word last name and a
 *   position other than sentence start (0.6), else 0.45 and only the rule's context words can lift it;
 * - listed first name + unlisted capitalised word: 0.45 (context needed);
 * - "Last, First" in lists (both listed, one of them not a common word) and JOHN SMITH in capitals (both listed as
 *   names only): 0.75;
 * - names the lists lack (Prosacco), judged by structure (en-name-cues.ts): a greeting's addressee (Hi Kilback,),
 *   a token after cc/ping/notify/From:, pairs with a middle initial, on a line of their own (signatures), after
 *   for/with/by, before <mail@address>, or starting a sentence as its subject (Jovan Hintz reported …), and
 *   Japanese names in passport order (MORIOKA Yuusei, 0.7) whose capitals spell a surname reading. A token
 *   that is a common English word and no listed name (Support, Payroll) never counts.
 */
// A capitalised name, optionally double-barrelled or with an apostrophe (Smith-Jones, O'Connell, D'Amore).
// Prefixed surnames keep their inner capital (McClure, DuBuque, VonRueden, LaToya).
const NAME = "(?:[A-Z]'|Mc|Mac|D[aeiu]|L[ae]|Van|Von)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const TITLE_RE = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.? (${NAME}(?: (?:[A-Z]\\. )?${NAME}){0,2})`, 'g');
const LABEL_RE = new RegExp(
  `\\b(?:(?:Full |Employee |Contact |Legal )?[Nn]ame|Employee|Contact|Applicant|Approver|Requester|Spouse|Dependent|` +
    `Emergency contact|Attn|(?:Approved|Requested|Submitted|Prepared|Reviewed) by) ?: ?(${NAME}(?: (?:[A-Z]\\. )?${NAME}){0,2})|` +
    `\\bDear (${NAME}(?: ${NAME})?)`,
  'g',
);
// A possessive may follow (Greta Will's birthday); any other apostrophe continues the word.
const PAIR_RE = new RegExp(`(?<![A-Za-z.'-])(${NAME})( [A-Z]\\.)? (${NAME})(?![A-Za-z-])(?!'(?!s(?![A-Za-z])))`, 'g');
const LAST_FIRST_RE = new RegExp(`(?<![A-Za-z])(${NAME}), (${NAME})(?![A-Za-z])`, 'g');
const CAPS_RE = /(?<![A-Za-z])([A-Z]{2,}) ([A-Z]{2,})(?![A-Za-z])/g;
// Passport order for Japanese names written in English (MORIOKA Yuusei): a capitalised surname, then the given name.
const SURNAME_FIRST_RE = /(?<![A-Za-z])([A-Z]{3,}) ([A-Z][a-z]+)(?![A-Za-z])/g;

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
const ORG_MAX = Math.max(...[...ORG_WORDS].map((w) => w.length));
// ORG_WORDS by length and first letter (its low five bits, the same for both cases), at [length * 32 + letter].
const ORG_BY_LENGTH_AND_LETTER: (string[] | undefined)[] = [];
for (const w of ORG_WORDS) (ORG_BY_LENGTH_AND_LETTER[w.length * 32 + (w.charCodeAt(0) & 0x1f)] ??= []).push(w);

/** True when only spaces, tabs and quotes stand between text[i] and the text's start or a . ! ? : ; or line break. */
function isSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  let c = text.charCodeAt(j);
  while (c === 0x20 || c === 0x09 || c === 0x22) c = text.charCodeAt(--j);
  // Before the text's start charCodeAt gives NaN: j < 0 is the start.
  return j < 0 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d || c === 0x3a || c === 0x3b;
}

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

/** True when the classes a and b are x and y in either order. */
const isPair = (a: TokenClass, b: TokenClass, x: TokenClass, y: TokenClass): boolean =>
  (a === x && b === y) || (a === y && b === x);

/**
 * Pairs the lists explain only in part, scored from the two token classes: a listed name next to an unknown token
 * (Noemy Hintz, Ila Ledner) 0.45, two unknown tokens 0.3; structure around the pair lifts them (structuralScore).
 */
function partialPairScore(a: TokenClass, b: TokenClass, atStart: boolean): number {
  if (a === 'word' || b === 'word') return 0;
  if (isPair(a, b, 'name', 'unknown')) return atStart ? 0.4 : 0.45;
  if (isPair(a, b, 'name', 'name-word')) return atStart ? 0.25 : 0.3; // Tevin Block, Delta Klein
  if (isPair(a, b, 'unknown', 'unknown')) return atStart ? 0.25 : 0.3;
  // An unknown token or two names that are also words (Google Cloud, Rocky Smith): little on their own.
  return 0.1;
}

/** Lifts a pair's score by what surrounds it: middle initial, slot word, own line, mailbox, sentence subject. */
function structuralScore(
  base: number,
  text: string,
  start: number,
  end: number,
  initial: boolean,
  subject: boolean,
): number {
  if (base <= 0) return 0;
  let score = subject ? base + 0.1 : base;
  if (initial) score += 0.3;
  const slot = slotBefore(text, start);
  if (slot > 0) score += slot === 2 ? 0.25 : 0.2;
  if (isOwnLine(text, start, end)) score += 0.25;
  if (mailboxFollows(text, end)) score += 0.3;
  return Math.min(score, 0.9);
}

/**
 * "Last, First": both listed 0.75; one listed needs structure (a slot, a label already found at the same start, its
 * own line, a verb after it) for 0.7; neither listed, but no common word either, 0.55 with structure.
 */
function lastFirstScore(
  dict: NameDictionary,
  text: string,
  start: number,
  a: string,
  b: string,
  labelled: boolean,
): number {
  const end = start + a.length + 2 + b.length;
  const ka = tokenKinds(dict, a);
  const kb = tokenKinds(dict, b);
  const old =
    (ka.listedLast === 'name' && kb.listedFirst !== undefined) ||
    (ka.listedLast !== undefined && kb.listedFirst === 'name');
  if (old) return 0.75;
  if (kb.region) return 0; // Paris, France; Sendai, Miyagi
  const ca = ka.cls;
  const cb = kb.cls;
  if (ca === 'word' || cb === 'word') return 0;
  // Inside an enumeration (Node.js, Deno, Bun, and others) a comma separates items, not a surname from a name.
  if (enumerationAround(text, start, end)) return 0;
  const listed = (ca === 'name' ? 1 : 0) + (cb === 'name' ? 1 : 0);
  const structured =
    labelled ||
    slotBefore(text, start) > 0 ||
    isOwnLine(text, start, end) ||
    continuesAsSubject(text, end) ||
    (start === 0 && text.charAt(end) !== ',');
  if (listed === 2) return 0.75;
  if (listed === 1) return structured ? 0.7 : 0.45;
  // Two names that are also words (Pro, Core) say nothing; an unknown token with structure does.
  return structured && (ca === 'unknown' || cb === 'unknown') ? 0.55 : 0;
}

/**
 * True inside an enumeration: ", " before `start`, or " and " / " or " (a comma may lead) after `end`; what
 * `/, $/` on the two units before and `/^,? (?:and|or) /` on the six after read, read in place.
 */
function enumerationAround(text: string, start: number, end: number): boolean {
  if (start >= 2 && text.charCodeAt(start - 2) === 0x2c && text.charCodeAt(start - 1) === 0x20) return true;
  const p = text.charCodeAt(end) === 0x2c ? end + 1 : end;
  return text.charCodeAt(p) === 0x20 && (text.startsWith('and ', p + 1) || text.startsWith('or ', p + 1));
}

/**
 * SURNAME Given: the capitals must spell a Japanese surname reading and be no English word or region (NOTE, OSAKA);
 * the given name may be any capitalised token that is no common word, listed or not (Yuusei is unlisted).
 */
function surnameFirstScore(dict: NameDictionary, a: string, b: string): number {
  if (!dict.isSurnameRomaji(a) || dict.isEnglishWord(a) || isRegion(a)) return 0;
  const c = tokenClass(dict, b);
  return c === 'name' || c === 'unknown' ? 0.7 : 0; // all-caps words (NOTE, PLEASE) are common words, not surnames
}

/**
 * True when a space and an ORG_WORDS word follow `end` (Jane Roe Street): the letters of text[end + 1, end + 20),
 * what `/^ ([a-z]+)/i` reads on a 20-unit slice, read in place (no slice, no regex, for most pairs).
 */
function orgWordAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20) return false;
  const limit = Math.min(end + 20, text.length);
  let k = end + 1;
  while (k < limit && isLetter(text.charCodeAt(k))) k++;
  const length = k - end - 1;
  if (length < 2 || length > ORG_MAX) return false;
  // Compared in place against the words of that length and first letter (no slice, no lower-casing): ASCII letters
  // lower-case by setting bit 5.
  const words = ORG_BY_LENGTH_AND_LETTER[length * 32 + (text.charCodeAt(end + 1) & 0x1f)];
  if (words === undefined) return false;
  next: for (const w of words) {
    for (let i = 1; i < length; i++) if ((text.charCodeAt(end + 1 + i) | 0x20) !== w.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}

/** The score of the First [M.] Last match text[start, end) from its tokens' list kinds and what surrounds it. */
function scorePair(text: string, start: number, end: number, initial: boolean, ka: TokenKinds, kb: TokenKinds): number {
  const sentenceStart = isSentenceStart(text, start);
  const subject = sentenceStart && continuesAsSubject(text, end);
  const atStart = sentenceStart && !subject;
  const listed = pairScore(ka.first, ka.last, kb.last, atStart);
  if (ORG_WORDS.has(kb.lower) || orgWordAfter(text, end) || afterPlaceHead(text, start)) {
    return 0;
  }
  const base = listed > 0 ? listed : partialPairScore(ka.cls, kb.cls, atStart);
  return Math.max(listed, structuralScore(base, text, start, end, initial, subject));
}

/**
 * True when a pair whose first token has kinds `ka` scores nothing whatever its second token is: no listed first
 * name, no listed last name and a common word (Employee, Passport, Our).
 */
const pairlessFirst = (ka: TokenKinds): boolean => ka.first === undefined && ka.last !== 'name' && ka.cls === 'word';

// The patterns above run sticky at the word starts where they can begin (en-starts.ts), not as whole-text scans.
const TITLE_AT = stickyOf(TITLE_RE);
const LABEL_AT = stickyOf(LABEL_RE);
const SLOT_TOKEN_AT = stickyOf(SLOT_TOKEN_RE);
const PAIR_AT = stickyOf(PAIR_RE);
const LAST_FIRST_AT = stickyOf(LAST_FIRST_RE);
const CAPS_AT = stickyOf(CAPS_RE);
const SURNAME_FIRST_AT = stickyOf(SURNAME_FIRST_RE);

/** Each global pattern with the family of word starts it runs at; the property test checks the pairing. */
export const EN_PATTERN_FAMILIES: readonly (readonly [RegExp, EnFamily])[] = [
  [TITLE_RE, EnFamily.title],
  [LABEL_RE, EnFamily.label],
  [SLOT_TOKEN_RE, EnFamily.slot],
  [GREETING_RE, EnFamily.greeting],
  [PAIR_RE, EnFamily.pair],
  [LAST_FIRST_RE, EnFamily.lastFirst],
  [CAPS_RE, EnFamily.caps],
  [SURNAME_FIRST_RE, EnFamily.caps],
];

// Every pattern above needs an ASCII capital (a NAME, a title, CAPS): a text without one holds no candidate.
const HAS_CAPITAL = /[A-Z]/;

/**
 * Keeps one candidate per start; a longer one replaces a shorter one (Dear Beahan → Dear Beahan, Bonnie). A plain
 * function, not a closure made per scan: tsx names each closure it creates (a defineProperty per scan).
 */
function addCandidate(
  byStart: Map<number, Candidate>,
  start: number,
  end: number,
  score: number,
  pattern: string,
  contextApplied: boolean,
): void {
  if (score <= 0) return;
  const had = byStart.get(start);
  if (had !== undefined && (end <= had.end || score < 0.5)) return;
  byStart.set(start, { start, end, score: Math.max(score, had?.score ?? 0), pattern, contextApplied });
}

/**
 * True when a token of a title's or label's value (space-separated) is listed as a first or last name. The tokens
 * are cut at the spaces one by one (no array of them, and the later ones not at all once one is listed).
 */
function listedToken(dict: NameDictionary, value: string): boolean {
  for (let i = 0; i <= value.length;) {
    let j = value.indexOf(' ', i);
    if (j < 0) j = value.length;
    const k = tokenKinds(dict, value.slice(i, j));
    if (k.listedFirst === 'name' || k.listedLast === 'name') return true;
    i = j + 1;
  }
  return false;
}

export function createPersonNameEnDetector(rule: RuleDefinition): Detector {
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    scan(input): readonly Candidate[] {
      const text = input.text;
      if (!HAS_CAPITAL.test(text)) return NO_CANDIDATES;
      const dict = getNameDictionary();
      const byStart = new Map<number, Candidate>();
      const starts = enStartsOf(input);
      let m: RegExpExecArray | null;
      for (const [re, family, pattern] of [
        [TITLE_AT, EnFamily.title, 'title'],
        [LABEL_AT, EnFamily.label, 'label'],
      ] as const) {
        for (let from = 0; (m = execFrom(re, text, starts[family] as number[], from)) !== null; from = re.lastIndex) {
          const value = (m[1] ?? m[2]) as string;
          const start = m.index + m[0].length - value.length;
          const listed = listedToken(dict, value);
          if (pattern === 'label' && m[2] !== undefined && !listed) continue; // "Dear Sir"
          addCandidate(byStart, start, start + value.length, listed || pattern === 'title' ? 0.9 : 0.7, pattern, true);
        }
      }
      for (const [start, end, score] of greetings(dict, text, starts[EnFamily.greeting] as number[])) {
        addCandidate(byStart, start, end, score, 'greeting', true);
      }
      const slots = starts[EnFamily.slot] as number[];
      for (let from = 0; (m = execFrom(SLOT_TOKEN_AT, text, slots, from)) !== null; from = SLOT_TOKEN_AT.lastIndex) {
        const token = m[1] as string;
        const start = m.index + m[0].length - token.length;
        const end = start + token.length;
        // A capitalised word next makes it a pair (call Google Cloud): the pair rules judge it.
        if (isCapital(text.charCodeAt(end + 1)) ? text.charCodeAt(end) === 0x20 : orgWordAfter(text, end)) continue;
        const c = tokenClass(dict, token);
        addCandidate(byStart, start, end, c === 'name' ? 0.75 : c === 'unknown' ? 0.6 : 0, 'slot', true);
      }
      // The pair's first token is the start's run of NAME units (PAIR_RE wants a space right after it), looked up
      // before the pattern runs: a common word there (Employee, Passport, Our: a fifth of the pair starts of English
      // HR text) makes any pair score nothing, and the scan resumes after it as it does after a weak pair. The
      // starts skipped with it follow an apostrophe or a hyphen, where PAIR_RE's look-behind never matches.
      // After a weak pair the next one often begins at its second token (Annual Leave Policy): that token's kinds
      // are at hand (lastB) and not looked up again.
      const pairs = starts[EnFamily.pair] as number[];
      let lastB: TokenKinds | undefined;
      let lastBStart = -1;
      let lastBEnd = -1;
      for (let k = 0, from = 0; k < pairs.length; k++) {
        const start = pairs[k] as number;
        if (start < from) continue;
        const q = nameRunEnd(text, start);
        const ka =
          start === lastBStart && q === lastBEnd ? (lastB as TokenKinds) : tokenKinds(dict, text.slice(start, q));
        if (pairlessFirst(ka)) {
          from = q + 1;
          continue;
        }
        // test, not exec: the groups are read off the match's ends instead of coming as an array of four slices. The
        // first NAME is the start's whole run (a space follows it, which no NAME holds); a middle initial (` X.`) is
        // there exactly when a dot stands two units after that run (no NAME has a dot after its first capital, so
        // the match without the initial fails there); the second NAME ends the match. Pair and romaji scans, same
        // process, old and new alternating per 40 documents, both load orders, median per-batch time ratio new /
        // old: en 0.95-0.97, mixed 0.97 (the same harness old / old: 0.99-1.06 by load order).
        PAIR_AT.lastIndex = start;
        if (!PAIR_AT.test(text)) continue;
        const end = PAIR_AT.lastIndex;
        const initial = text.charCodeAt(q + 2) === 0x2e;
        lastBStart = initial ? q + 4 : q + 1;
        const kb = tokenKinds(dict, text.slice(lastBStart, end));
        lastB = kb;
        lastBEnd = end;
        // Neither the lists nor the token classes give the pair a score, wherever it stands (both are zero whatever
        // atStart is): the look around it is skipped.
        const score =
          pairScore(ka.first, ka.last, kb.last, false) === 0 && partialPairScore(ka.cls, kb.cls, false) === 0
            ? 0
            : scorePair(text, start, end, initial, ka, kb);
        addCandidate(byStart, start, end, score, 'first-last', false);
        // A weak pair may be a word and a name (Welcome Anand, Per Vasudev): the name may pair with the next token.
        from = score < 0.6 ? q + 1 : end;
      }
      for (const [re, family, pattern] of [
        [LAST_FIRST_AT, EnFamily.lastFirst, 'last-comma-first'],
        [CAPS_AT, EnFamily.caps, 'capitals'],
        [SURNAME_FIRST_AT, EnFamily.caps, 'surname-first'],
      ] as const) {
        for (let from = 0; (m = execFrom(re, text, starts[family] as number[], from)) !== null; from = re.lastIndex) {
          const a = m[1] as string;
          const b = m[2] as string;
          const score =
            pattern === 'capitals'
              ? tokenKinds(dict, a).listedFirst === 'name' && tokenKinds(dict, b).listedLast === 'name'
                ? 0.75
                : 0
              : pattern === 'surname-first'
                ? surnameFirstScore(dict, a, b)
                : lastFirstScore(dict, text, m.index, a, b, byStart.has(m.index));
          if (score === 0) {
            re.lastIndex = m.index + a.length + 1;
            continue;
          }
          addCandidate(byStart, m.index, m.index + m[0].length, score, pattern, false);
        }
      }
      return byStart.size === 0 ? NO_CANDIDATES : [...byStart.values()];
    },
  };
}
