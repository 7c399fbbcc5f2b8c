import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { negativeContextSpecOf } from '../negative-context.js';
import type { Candidate, Detector } from '../detector.js';
import { LEADING_LABEL, NARROW_TOWN, STRONG_BLOCK } from './address-ja-patterns.js';
import { municipalityFirstMatches } from './municipality-first.js';
import { municipalityEnd, withPrefectureMatches } from './prefecture-first.js';
import { suffixPlaces } from './suffix-places.js';

interface Params {
  /** Prefecture + municipality + block numbers (default 0.9). */
  readonly full: number;
  /** Prefecture + municipality, no block (default 0.4: 東京都渋谷区 alone is a place, not an address). */
  readonly area: number;
  /** Municipality + 丁目/番地 structure, no prefecture (default 0.6). */
  readonly noPrefecture: number;
  /** Municipality + a bare number, no prefecture (default 0.4). */
  readonly weak: number;
}

/**
 * Japanese postal addresses from the prefecture (or a municipality) to the room: 〜郡〜町/村, 〜市〜区, Tokyo's 区,
 * 町域 and 大字・字, 丁目 in kanji or digits, 番地/番/号, 1-2-3, Kyoto directions, building names and room numbers.
 * A postal code before the prefecture is left to the POSTAL_CODE rule, so each keeps its own operator.
 */
export function createAddressJaDetector(rule: RuleDefinition): Detector {
  const p: Params = { full: 0.9, area: 0.4, noPrefecture: 0.6, weak: 0.4, ...(rule.params as Partial<Params>) };
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    negativeContext: negativeContextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    scan(input): Candidate[] {
      const text = input.text;
      const out: Candidate[] = [];
      // Prefecture-led spans, in order: a municipality inside one is not a second address.
      const covered: number[] = [];
      // Both scans start from suffix characters, found in one read of the text.
      const places = suffixPlaces(text);
      for (const m of withPrefectureMatches(text, places.prefecture)) {
        const town = m[2];
        const block = m[3];
        if (m[1] === undefined && block === undefined) continue; // a prefecture alone is a region, not an address
        // A town with particles in it may be the sentence going on (北海道札幌市へ1泊): only 丁目/番地 structure or a
        // building after it makes it an address; otherwise the place ends at the municipality.
        const full =
          block !== undefined && (NARROW_TOWN.test(town ?? '') || STRONG_BLOCK.test(block) || (m[4] ?? '') !== '');
        if (!full && m[1] === undefined) continue;
        const matchEnd = m.index + m[0].length;
        const rawEnd = full || m[5] !== undefined ? matchEnd : (municipalityEnd(m) ?? matchEnd);
        const end = trimEnd(text, m.index, rawEnd);
        // The whole match is covered even when the span stops early, so no fragment of it is reported again.
        covered.push(m.index, matchEnd);
        out.push({
          start: m.index,
          end,
          score: full ? p.full : p.area,
          pattern: full ? 'prefecture to block' : 'prefecture and municipality',
        });
      }
      let k = 0;
      for (const m of municipalityFirstMatches(text, places.municipality)) {
        while (k < covered.length && (covered[k + 1] as number) <= m.index) k += 2;
        if (k < covered.length && (covered[k] as number) <= m.index) continue;
        const label = LEADING_LABEL.exec(m[0]);
        const start = m.index + (label?.[0].length ?? 0);
        const end = trimEnd(text, start, m.index + m[0].length);
        out.push({
          start,
          end,
          score: STRONG_BLOCK.test(m[1] ?? '') ? p.noPrefecture : p.weak,
          pattern: 'municipality to block',
        });
      }
      return out;
    },
  };
}

/** Drops a trailing separator or space the optional parts may have taken. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && ' -の'.includes(text[e - 1] as string)) e--;
  return e;
}
