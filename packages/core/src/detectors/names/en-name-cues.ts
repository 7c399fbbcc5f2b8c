import type { EnglishNameKind, NameDictionary } from '../../names/dictionary.js';
import { execFrom, stickyOf } from './en-starts.js';

/**
 * What the English name detector knows about a capitalised token and the text around it.
 *
 * The name lists cannot hold every surname (Watsica, Prosacco), so a token is also judged by what it is NOT: a
 * token that is neither a listed name nor a common English word (wamerican-small) is `unknown`, which is weak
 * evidence of a name and becomes enough in a slot where people are named ("Hi ___,", "cc ___", "From: ___",
 * a signature line, a middle initial). A common word that no list holds (Support, Payroll) is never a name.
 */
export type TokenClass = 'name' | 'name-word' | 'unknown' | 'word';

// Who a greeting, a cc or a label can address without being a person; classed as words whatever the lists say.
const NOT_A_PERSON = new Set(
  [
    'all everyone everybody team teams there folks guys colleague colleagues friends friend sir sirs madam madame',
    'customer customers member members partner partners world again both people staff hr it admin admins support',
    'payroll finance legal sales manager managers recruiter recruiting hiring candidate applicant applicants user',
    'users client clients vendor vendors reviewer reviewers approver approvers owner owners lead leads crew',
    'mr mrs ms miss mx dr prof sr jr inc llc ltd corp co plc gmbh',
    // Place-name heads (Saint Helena, Port Moresby): a listed surname after them is a place.
    'saint st san santa mount mt fort port lake cape isle new north south east west upper lower great',
  ]
    .join(' ')
    .split(' '),
);

// Regions written after a city ("Paris, France", "Sendai, Miyagi"): not the "Last, First" of a person.
const JP_PREFECTURES =
  'hokkaido aomori iwate miyagi akita yamagata fukushima ibaraki tochigi gunma saitama chiba tokyo kanagawa niigata ' +
  'toyama ishikawa fukui yamanashi nagano gifu shizuoka aichi mie shiga kyoto osaka hyogo nara wakayama tottori ' +
  'shimane okayama hiroshima yamaguchi tokushima kagawa ehime kochi fukuoka saga nagasaki kumamoto oita miyazaki ' +
  'kagoshima okinawa japan';
const US_STATES =
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois ' +
  'indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri ' +
  'montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington ' +
  'wisconsin wyoming ontario quebec bc england scotland wales';
let regions: Set<string> | undefined;
function regionSet(): Set<string> {
  if (regions !== undefined) return regions;
  const set = new Set(`${JP_PREFECTURES} ${US_STATES}`.split(' '));
  // Every one-word country name CLDR knows (France, Japan, Vietnam), so the list is not ours to keep up to date.
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name !== undefined && name !== code && !name.includes(' ')) set.add(name.toLowerCase());
    }
  }
  return (regions = set);
}

/** True for a country, US state or Japanese prefecture name: the second half of "City, Region". */
export const isRegion = (token: string): boolean => regionSet().has(token.toLowerCase());

/** List lookup for a token, trying the parts of a double-barrelled name (Schowalter-Haag, O'Connell). */
export function lookup(get: (s: string) => EnglishNameKind | undefined, token: string): EnglishNameKind | undefined {
  const whole = get(token);
  if (whole !== undefined || !/['-]/.test(token)) return whole;
  const parts = token.split(/['-]/).filter((p) => p.length > 1);
  return parts.some((p) => get(p) === 'name') ? 'name' : parts.some((p) => get(p) === 'word') ? 'word' : undefined;
}

/**
 * What the lists say about a token: its first-name and last-name kinds (lookup, parts tried), the lists' own
 * answers for the whole token (listedFirst, listedLast: what titles, labels, Last, First and capitals read), its
 * class, and whether it names a region.
 */
export interface TokenKinds {
  readonly first: EnglishNameKind | undefined;
  readonly last: EnglishNameKind | undefined;
  readonly listedFirst: EnglishNameKind | undefined;
  readonly listedLast: EnglishNameKind | undefined;
  readonly cls: TokenClass;
  readonly region: boolean;
  /** The token lower-cased, for the word sets (kept so that a pair does not lower-case its tokens again). */
  readonly lower: string;
}

// Kinds of recent tokens: a text repeats its names and words, and each token costs up to five list lookups. One
// record per token answers a pair's three kinds and two classes with two map probes instead of up to ten, and a
// Last, First's four list answers, two classes and region test with two probes instead of eight and a lower-casing
// (person_name_en on mixed bench text, same process, old and new alternating per 40 documents: median per-batch
// CPU ratio new / old 0.92-0.94; the same harness old / old: 1.01).
const KINDS_CACHE = new Map<string, TokenKinds>();
const KINDS_CACHE_MAX = 4096;

export function tokenKinds(dict: NameDictionary, token: string): TokenKinds {
  const cached = KINDS_CACHE.get(token);
  if (cached !== undefined) return cached;
  const k: TokenKinds = {
    first: lookup(dict.englishFirstName, token),
    last: lookup(dict.englishLastName, token),
    listedFirst: dict.englishFirstName(token),
    listedLast: dict.englishLastName(token),
    cls: classify(dict, token),
    region: isRegion(token),
    lower: token.toLowerCase(),
  };
  if (KINDS_CACHE.size >= KINDS_CACHE_MAX) KINDS_CACHE.clear();
  KINDS_CACHE.set(token, k);
  return k;
}

export const tokenClass = (dict: NameDictionary, token: string): TokenClass => tokenKinds(dict, token).cls;

function classify(dict: NameDictionary, token: string): TokenClass {
  if (NOT_A_PERSON.has(token.toLowerCase())) return 'word';
  const f = lookup(dict.englishFirstName, token);
  const l = lookup(dict.englishLastName, token);
  if (f === 'name' || l === 'name') return 'name';
  if (f === 'word' || l === 'word') return 'name-word';
  // Follow-Up is words; an unlisted Mc/O' prefix (McTavish) is no word.
  const parts = token.split(/['-]/).filter((p) => p.length > 1);
  return parts.length > 0 && parts.every((p) => dict.isEnglishWord(p)) ? 'word' : 'unknown';
}

const NAME = "(?:[A-Z]'|Mc|Mac|D[aeiu]|L[ae]|Van|Von)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
// Words before a name that make the next capitalised token a person (cc Kilback, From: Watsica); weak ones (for,
// with, by) only lift a pair of tokens (en-slots.ts reads them before a pair).
const STRONG_SLOT =
  '(?:[Cc]c|[Bb]cc|[Pp]ing|[Nn]otify|[Aa]sk|[Tt]ell|[Rr]emind|[Tt]hank|[Ii]nvite|[Mm]essage|[Ee]-?mail|[Cc]all|' +
  '[Tt]his is|Dear|[Hh]i|[Hh]ello|[Hh]ey|Welcome|(?:From|To|Cc|Bcc|Attn|Attention|Reply-To|Signed):)';
const PLACE_HEAD_RE = /(?<![A-Za-z])(?:Saint|St\.?|San|Santa|Mount|Mt\.?|Fort|Port|Lake|Cape|Isle) $/;
/** True after a place-name head: "Saint Patrick Day", "Port Elizabeth Road" name no person. */
export function afterPlaceHead(text: string, start: number): boolean {
  // Every head ends in t, n, a, e or a dot and a space before the pair: most pairs fail that without a slice.
  if (text.charCodeAt(start - 1) !== 0x20 || !'tnae.'.includes(text.charAt(start - 2))) return false;
  return PLACE_HEAD_RE.test(text.slice(Math.max(0, start - 7), start));
}

/** A single capitalised token in a strong slot: "ping Watsica at", "cc Bogan". */
export const SLOT_TOKEN_RE = new RegExp(`(?<![A-Za-z])${STRONG_SLOT} ?(${NAME})(?![A-Za-z'-])`, 'g');

export const GREETING_RE = new RegExp(
  `(?<![A-Za-z])(?:[Hh]i|[Hh]ello|[Hh]ey|Dear|Greetings|Thanks|Thank you|Morning|Good (?:morning|afternoon|evening))` +
    `[ ,]{1,2}(${NAME})(?:, (${NAME}))?(?= ?[,!:\\n]|$)`,
  'g',
);

// Run sticky at the greeting family's word starts (en-starts.ts), not as a whole-text scan.
const GREETING_AT = stickyOf(GREETING_RE);

/**
 * A greeting's addressee: "Hi Kilback,", "Dear Beahan, Bonnie,". Yields [start, end, score]. `starts` are the
 * text's greeting-family word starts (en-starts.ts), where GREETING_RE can begin.
 */
export function* greetings(
  dict: NameDictionary,
  text: string,
  starts: readonly number[],
): Iterable<[number, number, number]> {
  let m: RegExpExecArray | null;
  for (let from = 0; (m = execFrom(GREETING_AT, text, starts, from)) !== null; from = GREETING_AT.lastIndex) {
    const first = m[1] as string;
    const second = m[2];
    const a = tokenClass(dict, first);
    if (a === 'word') continue;
    const start = m.index + m[0].length - first.length - (second === undefined ? 0 : second.length + 2);
    const b = second === undefined ? undefined : tokenClass(dict, second);
    const end = b === undefined || b === 'word' ? start + first.length : m.index + m[0].length;
    yield [start, end, a === 'name' || b === 'name' ? 0.85 : 0.75];
  }
}

/** True when [start, end) is all there is on its line, and the line is not the text's first (a heading). */
export function isOwnLine(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] !== '\n') return false;
  let j = end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '.' || text[j] === ',')) j++;
  return j === text.length || text[j] === '\n' || text[j] === '\r';
}

/**
 * What follows a name that starts a sentence: a verb, a possessive, ", born", a bracketed team (Jane Roe (HR)
 * will …) or a directory separator (Jane Roe - Accountant) make it the subject, not a heading.
 */
export function continuesAsSubject(text: string, end: number): boolean {
  // What /^(?:'s\b| [a-z]|, [a-z]| \(| [-\u2013|] )/ reads on the three units at `end`, read in place.
  const c = text.charCodeAt(end);
  const d = text.charCodeAt(end + 1);
  if (c === 0x20) {
    return (
      isSmall(d) || d === 0x28 || ((d === 0x2d || d === 0x2013 || d === 0x7c) && text.charCodeAt(end + 2) === 0x20)
    );
  }
  if (c === 0x2c) return d === 0x20 && isSmall(text.charCodeAt(end + 2));
  return c === 0x27 && d === 0x73 && !isWordUnit(text.charCodeAt(end + 2));
}

const isSmall = (c: number): boolean => c >= 0x61 && c <= 0x7a;
// What \b counts as a word character: [A-Za-z0-9_]. Past the text's end charCodeAt gives NaN, no word character.
const isWordUnit = (c: number): boolean => isSmall(c | 0x20) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** An e-mail address in angle brackets right after the name: `Jane Roe <jane@example.com>`. */
export function mailboxFollows(text: string, end: number): boolean {
  // A "<" or " <" must come first: most names fail that without a slice.
  const c = text.charCodeAt(end);
  if (c !== 0x3c && (c !== 0x20 || text.charCodeAt(end + 1) !== 0x3c)) return false;
  return /^ ?<[^\s<>@]{1,64}@/.test(text.slice(end, end + 70));
}
