import { getNameDictionary, type NameDictionary } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../detector.js';
import { EnFamily, enStartsOf, stickyOf } from './en-starts.js';

/**
 * Japanese names in romaji: YAMADA Taro, Taro Yamada, Yamada Taro, OHNO Kenji. Both tokens must spell dictionary
 * readings (one a surname, the other a given name), compared under romajiMatchKey so Ohno/Ono/Oono/Ōno and
 * Homma/Honma meet. 0.85 when both tokens agree; the pair shape and the two dictionaries are the two kinds of
 * evidence.
 */
export const ROMAJI_PAIR_RE =
  /(?<![A-Za-z\u0100-\u017f])([A-Z][a-z\u0101\u014d\u016b]+|[A-Z\u0100\u014c\u016a]{2,})[ \t]+([A-Z][a-z\u0101\u014d\u016b]+|[A-Z\u0100\u014c\u016a]{2,})(?![A-Za-z])/g;

// English words and place names that are also kana readings; a pair containing one is not a name.
const STOP = new Set(
  (
    'an on in no to go do so me be he we it is at as of or by up us am my the and are one tokyo osaka kyoto japan ' +
    'nagoya kobe yokohama sapporo fukuoka sendai hiroshima inc co ltd corp mail data team sale sales kana romaji ' +
    'sake sushi ramen anime manga karate judo sumo tofu miso dear hi hello mr mrs ms dr'
  ).split(' '),
);

/** What a token can be in a pair: nothing (a STOP word), a surname reading, a given-name reading. */
interface RomajiKinds {
  readonly surname: boolean;
  readonly given: boolean;
}
const NEITHER: RomajiKinds = { surname: false, given: false };

// Kinds of recent tokens: one map probe per token instead of a lower-casing, a STOP probe and two memo probes of
// the dictionary; a text repeats its capitalised words. Cleared when full, so memory stays bounded.
const KINDS_CACHE = new Map<string, RomajiKinds>();
const KINDS_CACHE_MAX = 4096;

function romajiKinds(dict: NameDictionary, token: string): RomajiKinds {
  const cached = KINDS_CACHE.get(token);
  if (cached !== undefined) return cached;
  const k = STOP.has(token.toLowerCase())
    ? NEITHER
    : { surname: dict.isSurnameRomaji(token), given: dict.isGivenNameRomaji(token) };
  if (KINDS_CACHE.size >= KINDS_CACHE_MAX) KINDS_CACHE.clear();
  KINDS_CACHE.set(token, k);
  return k;
}

const isRomajiSmall = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || c === 0x101 || c === 0x14d || c === 0x16b;
const isRomajiCapital = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || c === 0x100 || c === 0x14c || c === 0x16a;

/**
 * Where the pattern's first token ends when it begins at `start`, or -1 when it cannot begin there: a capital and
 * small letters ([A-Z][a-zāōū]+), else two or more capitals ([A-ZĀŌŪ]{2,}). Either run is maximal in any match
 * (a shorter one leaves a letter where spaces or tabs must follow), so this is the first group of any match there.
 */
function firstTokenEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  const d = text.charCodeAt(start + 1);
  let e = start + 2;
  if (c >= 0x41 && c <= 0x5a && isRomajiSmall(d)) {
    while (isRomajiSmall(text.charCodeAt(e))) e++;
    return e;
  }
  if (!isRomajiCapital(c) || !isRomajiCapital(d)) return -1;
  while (isRomajiCapital(text.charCodeAt(e))) e++;
  return e;
}

// Run sticky at the romaji family's starts (en-starts.ts, found in the pass the English name detector makes anyway),
// not as a whole-text scan: the detector took 8.6 ms per 2 MB of English HR text and 9.0 of mixed with the scan,
// 6.6 and 4.9 without (bench/detect.ts inputs, same process); what is left is mostly the dictionary lookups.
const PAIR_AT = stickyOf(ROMAJI_PAIR_RE);

// The pattern needs a capital (ASCII or macronned): a text without one holds no pair.
const HAS_CAPITAL = /[A-Z\u0100\u014c\u016a]/;

export function createPersonNameRomajiDetector(rule: RuleDefinition): Detector {
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
      const starts = enStartsOf(input)[EnFamily.romaji] as number[];
      let out: Candidate[] | undefined;
      for (let k = 0, from = 0; k < starts.length; k++) {
        const start = starts[k] as number;
        if (start < from) continue;
        // The first token is read from the code units: a first token that is no reading pairs with nothing, and
        // the pattern is not run there (most starts). Romaji scan with the starts found, same process, old and new
        // alternating per 40 documents, min CPU ms per 2 MB: mixed 3.0 -> 2.5, en 3.7 -> 2.4.
        const aEnd = firstTokenEnd(text, start);
        if (aEnd < 0) continue;
        const ka = romajiKinds(dict, text.slice(start, aEnd));
        if (!ka.surname && !ka.given) continue;
        PAIR_AT.lastIndex = start;
        const m = PAIR_AT.exec(text);
        if (m === null) continue;
        const kb = romajiKinds(dict, m[2] as string);
        if ((ka.surname && kb.given) || (ka.given && kb.surname)) {
          (out ??= []).push({ start, end: start + m[0].length, score: 0.85, pattern: 'romaji-pair' });
          from = start + m[0].length;
        }
        // Else the second token may start the next pair: the next start is past the first token anyway.
      }
      return out ?? NO_CANDIDATES;
    },
  };
}
