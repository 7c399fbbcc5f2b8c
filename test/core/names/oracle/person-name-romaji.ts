import { getNameDictionary } from '../../../../packages/core/src/names/dictionary.js';
import type { RuleDefinition } from '../../../../packages/core/src/rules/rule.js';
import { contextSpecOf } from '../../../../packages/core/src/detectors/context.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../../../../packages/core/src/detectors/detector.js';

/**
 * The romaji name detector as a whole-text scan, before it ran at the shared word starts (en-starts.ts) and cached
 * each token's kinds (packages/core/src/detectors/names/person-name-romaji.ts). Kept as the oracle.
 *
 * Japanese names in romaji: YAMADA Taro, Taro Yamada, Yamada Taro, OHNO Kenji. Both tokens must spell dictionary
 * readings (one a surname, the other a given name), compared under romajiMatchKey so Ohno/Ono/Oono/Ōno and
 * Homma/Honma meet. 0.85 when both tokens agree; the pair shape and the two dictionaries are the two kinds of
 * evidence.
 */
const PAIR_RE =
  /(?<![A-Za-z\u0100-\u017f])([A-Z][a-z\u0101\u014d\u016b]+|[A-Z\u0100\u014c\u016a]{2,})[ \t]+([A-Z][a-z\u0101\u014d\u016b]+|[A-Z\u0100\u014c\u016a]{2,})(?![A-Za-z])/g;

// English words and place names that are also kana readings; a pair containing one is not a name.
const STOP = new Set(
  (
    'an on in no to go do so me be he we it is at as of or by up us am my the and are one tokyo osaka kyoto japan ' +
    'nagoya kobe yokohama sapporo fukuoka sendai hiroshima inc co ltd corp mail data team sale sales kana romaji ' +
    'sake sushi ramen anime manga karate judo sumo tofu miso dear hi hello mr mrs ms dr'
  ).split(' '),
);

// PAIR_RE needs a capital (ASCII or macronned): a text without one holds no pair.
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
      let out: Candidate[] | undefined;
      const re = PAIR_RE;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const a = m[1] as string;
        const b = m[2] as string;
        const ok =
          !STOP.has(a.toLowerCase()) &&
          !STOP.has(b.toLowerCase()) &&
          ((dict.isSurnameRomaji(a) && dict.isGivenNameRomaji(b)) ||
            (dict.isGivenNameRomaji(a) && dict.isSurnameRomaji(b)));
        if (!ok) {
          // The second token may start the next pair.
          re.lastIndex = m.index + a.length;
          continue;
        }
        (out ??= []).push({ start: m.index, end: m.index + m[0].length, score: 0.85, pattern: 'romaji-pair' });
      }
      return out ?? NO_CANDIDATES;
    },
  };
}
