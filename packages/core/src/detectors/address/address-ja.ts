import { PREFECTURES } from '../../address/prefectures.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { negativeContextSpecOf } from '../negative-context.js';
import type { Candidate, Detector } from '../detector.js';

// Building blocks on the normalised copy (ASCII digits, '-' for every dash). Every repetition consumes a
// mandatory separator or a bounded run, so the whole pattern is linear (no nested unbounded quantifiers).
const NUM = '[\\d一二三四五六七八九十〇]{1,5}';
const SEP = '(?:丁目|番地|地割|条[東西南北]?|[番号の\\-線])';
const BLOCK = `${NUM}(?:${SEP}${NUM}){0,5}(?:丁目|番地|[番号])?`;
const TOWN = '[\\u4e00-\\u9fff\\u3005\\u30a1-\\u30fa\\u30fc]{0,12}';
// 大字・字 and Kyoto's street directions (上ル/下ル/西入/東入) sit between town names and blocks.
const KYOTO = '(?:(?:上る|下る|上ル|下ル|西入|東入)ル?)?';
const BUILDING =
  '(?:[ \\u3000]?(?:[\\u30a1-\\u30fa\\u30fc\\u4e00-\\u9fffA-Za-z]{1,20}(?:マンション|ハイツ|ビル|コーポ|レジデンス|タワー|アパート|ハウス|ヒルズ|コート|パレス|メゾン|プラザ|[荘寮])|(?:コーポ|メゾン|ハイツ|パレス|グラン|ドミール|ライオンズ)[\\u30a1-\\u30fa\\u30fc\\u4e00-\\u9fffA-Za-z]{1,12})[ \\u3000]?(?:\\d{1,4}(?:号室|[号階F]))?|[ \\u3000]?\\d{1,4}(?:号室|[階F]))?';
const MUNICIPALITY =
  '(?:[^\\d\\s市区郡、。,]{1,5}郡[^\\d\\s、。,]{1,5}?[町村]|[^\\d\\s、。,]{1,6}?市(?:[^\\d\\s市、。,]{1,4}?区)?|[^\\d\\s、。,]{1,4}?区|[^\\d\\s、。,]{1,4}?[町村])';

const WITH_PREFECTURE = new RegExp(
  `(?:${PREFECTURES.join('|')})(${MUNICIPALITY})?(${TOWN}${KYOTO}${BLOCK})?(${BUILDING})`,
  'g',
);
const MUNICIPALITY_FIRST = new RegExp(`(?<![\\u4e00-\\u9fff])${MUNICIPALITY}${TOWN}${KYOTO}${BLOCK}${BUILDING}`, 'g');
const STRONG_BLOCK = /丁目|番地|番\d|号/;

interface Params {
  /** Prefecture + municipality + block numbers (default 0.9). */
  readonly full: number;
  /** Prefecture + municipality, no block (default 0.4: 東京都渋谷区 alone is a place, not an address). */
  readonly area: number;
  /** Municipality + 丁目/番地 structure, no prefecture (default 0.6). */
  readonly noPrefecture: number;
  /** Municipality + a bare 1-2-3 block, no prefecture (default 0.4). */
  readonly weak: number;
}

/**
 * Japanese postal addresses from the prefecture (or a municipality) to the room: 〜郡〜町/村, 〜市〜区, Tokyo's 区,
 * 町域, 丁目 in kanji or digits, 番地/番/号, 1-2-3, Kyoto directions, building names and room numbers.
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
    *scan(input): Iterable<Candidate> {
      const text = input.text;
      const covered: [number, number][] = [];
      WITH_PREFECTURE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = WITH_PREFECTURE.exec(text)) !== null) {
        const end = trimEnd(text, m.index, m.index + m[0].length);
        if (m[1] === undefined && m[2] === undefined) continue; // a prefecture alone
        const score = m[2] !== undefined ? p.full : p.area;
        covered.push([m.index, end]);
        yield {
          start: m.index,
          end,
          score,
          pattern: m[2] !== undefined ? 'prefecture to block' : 'prefecture and municipality',
        };
      }
      MUNICIPALITY_FIRST.lastIndex = 0;
      while ((m = MUNICIPALITY_FIRST.exec(text)) !== null) {
        const start = m.index;
        if (covered.some(([s, e]) => start >= s && start < e)) continue;
        const end = trimEnd(text, start, start + m[0].length);
        yield {
          start,
          end,
          score: STRONG_BLOCK.test(m[0]) ? p.noPrefecture : p.weak,
          pattern: 'municipality to block',
        };
      }
    },
  };
}

/** Drops a trailing separator or space the optional parts may have taken. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[ \u3000\-の]/.test(text[e - 1] as string)) e--;
  return e;
}
