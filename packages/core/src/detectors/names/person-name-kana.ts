import { getNameDictionary, type NameDictionary } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { consumeFirst } from '../consume-first.js';
import { contextSpecOf } from '../context.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../detector.js';
import { colonGate, parenGate } from './kana-gates.js';

/**
 * Name readings in kana (entity NAME_KANA). The matching copy is NFKC, so half-width ﾔﾏﾀﾞ ﾀﾛｳ arrives here as
 * ヤマダ タロウ and offsets map back to the half-width original. Four shapes:
 * - after a reading label (フリガナ, セイ, メイ, カナ, 口座名義, 名義 on a transfer line): 0.9, dictionary or not;
 * - after a name label (氏名: スミス ジョン): 0.85, reported as PERSON_NAME (the name itself is in kana);
 * - in brackets right after kanji (山田太郎（ヤマダ タロウ）) when a surname reading starts it: 0.85;
 * - bank holder forms with a legal-form prefix (ｶ)ﾔﾏﾀﾞ): 0.8;
 * - two kana words, a surname reading then a given-name reading (ヤマダ タロウ, やまだ はなこ): 0.85 / 0.75.
 */
const KATA = '[\\u30a1-\\u30fa\\u30fc]';
const HIRA = '[\\u3041-\\u3096\\u30fc]';
// One or two kana words of one script; used inside a capture group, which delimits the alternation.
const WORDS = `${KATA}+(?: ${KATA}+)?|${HIRA}+(?: ${HIRA}+)?`;

// Katakana labels must not sit inside a longer katakana word (ヨウセイ is not セイ). A bare 名義 needs a space or
// colon after it: 名義を変更 is no name.
const LABEL_RE = new RegExp(
  `(?:(?<![\\u30a1-\\u30fa\\u30fc])(?:フリガナ|ふりがな|カナ|セイ|メイ)\\)?(?: ?[:=] ?| )|` +
    `(?:口座名義人?|名義人|受取人)(?:\\(カナ\\))? ?:? ?|名義(?: ?: ?| ))(${WORDS})`,
  'g',
);
// A name written only in kana after a name label (氏名: スミス ジョン, foreign staff): a PERSON_NAME, not a reading.
const NAME_LABEL_RE = new RegExp(
  `(?:氏名|名前|お名前|担当者?|申請者|従業員名?|配偶者|扶養者) ?[:=] ?(${WORDS})(?![\\u4e00-\\u9fff])`,
  'g',
);
const BRACKET_SOURCE = `(?<=[\\u4e00-\\u9fff\\u3005] ?)\\((${WORDS})\\)`;
// Run as \((?<=…\()…: the same matches, but V8 skips to each '(' instead of trying the lookbehind everywhere.
// Sticky, and tried only at each '(' indexOf finds (every match starts there), in order from the end of the last
// match: the global scan's matches. Over 2 MB of bench text, same process, median of 15: the global scan 0.96 ms
// mixed / 0.69 ja, the indexOf walk 0.47 / 0.49 (3.4k '(' in mixed, 358 matches).
const BRACKET_AT = new RegExp(consumeFirst(BRACKET_SOURCE) ?? BRACKET_SOURCE, 'y');
// Legal-form abbreviations used in bank holder names: ｶ) 株式会社, ﾕ) 有限会社, ｼﾔ) 社団法人 …
const BANK_RE = new RegExp(
  `(?<![\\u30a1-\\u30fa\\u30fc])(?:シヤ|シャ|[カユドザゼイメソガ])\\)${KATA}+(?: ${KATA}+)?`,
  'g',
);
// How far before its gate (kana-gates.ts) a match can start: the longest label (従業員名) and the space before the
// colon; the longest legal-form abbreviation (シヤ).
const NAME_LABEL_BACK = 5;
const BANK_BACK = 2;
const TWO_WORDS_SOURCE =
  `(?<![\\u30a1-\\u30fa\\u30fc])(${KATA}{2,8}) (${KATA}{1,8})(?![\\u30a1-\\u30fa\\u30fc])|` +
  `(?<![\\u3041-\\u3096\\u30fc])(${HIRA}{2,8}) (${HIRA}{1,8})(?![\\u3041-\\u3096\\u30fc])`;
// Tried only where a match can start, at the start of the kana word before a space between two kana (found by
// SPACED_KANA): the global scan of TWO_WORDS_SOURCE tried its lookbehind at every position, 7–9 ms per 2 MB of HR
// text, where SPACED_KANA and these tries cost about 1 ms.
const TWO_WORDS_AT = new RegExp(TWO_WORDS_SOURCE, 'y');
const SPACED_KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc] (?=[\u3041-\u3096\u30a1-\u30fa\u30fc])/g;
const isKata = (c: number): boolean => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
const isHira = (c: number): boolean => (c >= 0x3041 && c <= 0x3096) || c === 0x30fc;

/**
 * Start of the word of 2–8 units of one script (per `isScript`) that ends at `end`, or -1. A TWO_WORDS match
 * starts only there: its first word follows no letter of its script (the lookbehind) and runs up to the space.
 */
function wordStart(text: string, end: number, isScript: (c: number) => boolean): number {
  let i = end;
  while (i > end - 9 && i > 0 && isScript(text.charCodeAt(i - 1))) i--;
  const len = end - i;
  return len >= 2 && len <= 8 && !isScript(text.charCodeAt(i - 1)) ? i : -1;
}

/**
 * The next match of `re` from its lastIndex, as a global scan finds it. With `lead`, the unit every match starts
 * with, `re` is sticky and tried only where indexOf finds that unit.
 */
function nextMatch(re: RegExp, text: string, lead: string | undefined): RegExpExecArray | null {
  if (lead === undefined) return re.exec(text);
  for (let p = text.indexOf(lead, re.lastIndex); p >= 0; p = text.indexOf(lead, p + 1)) {
    re.lastIndex = p;
    // A match moves lastIndex to its end, where the search for the next one starts.
    const m = re.exec(text);
    if (m !== null) return m;
  }
  return null;
}

function startsWithSurnameReading(dict: NameDictionary, s: string): boolean {
  const first = s.split(' ')[0] ?? '';
  if (s.includes(' ')) return dict.isSurnameReading(first);
  for (let len = Math.min(first.length - 1, 7); len >= 2; len--) {
    if (dict.isSurnameReading(first.slice(0, len))) return true;
  }
  return false;
}

// Every pattern above ends in kana words (WORDS, KATA): a text without kana holds no candidate.
const HAS_KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/;

export function createPersonNameKanaDetector(rule: RuleDefinition): Detector {
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    scan(input): readonly Candidate[] {
      const text = input.text;
      if (!HAS_KANA.test(text)) return NO_CANDIDATES;
      const dict = getNameDictionary();
      const out: Candidate[] = [];
      const seen = new Set<number>();
      const emit = (start: number, end: number, score: number, pattern: string): Candidate | undefined => {
        if (seen.has(start)) return undefined;
        seen.add(start);
        return { start, end, score, pattern, type: 'NAME_KANA', contextApplied: true };
      };
      for (const [re, kind, gate, back, lead] of [
        [LABEL_RE, 'label', undefined, 0, undefined],
        [NAME_LABEL_RE, 'name-label', colonGate, NAME_LABEL_BACK, undefined],
        [BRACKET_AT, 'bracket', undefined, 0, '('],
        [BANK_RE, 'bank-holder', parenGate, BANK_BACK, undefined],
      ] as const) {
        let from = 0;
        if (gate !== undefined) {
          const at = gate(text);
          if (at < 0) continue;
          from = Math.max(0, at - back);
        }
        re.lastIndex = from;
        let m: RegExpExecArray | null;
        while ((m = nextMatch(re, text, lead)) !== null) {
          let c: Candidate | undefined;
          if (kind === 'name-label') {
            const value = m[1] as string;
            const start = m.index + m[0].length - value.length;
            if (!seen.has(start)) {
              seen.add(start);
              out.push({
                start,
                end: start + value.length,
                score: 0.85,
                pattern: kind,
                type: 'PERSON_NAME',
                contextApplied: true,
              });
            }
            continue;
          } else if (kind === 'label' || kind === 'bracket') {
            const value = m[1] as string;
            const start = m.index + m[0].length - value.length - (kind === 'bracket' ? 1 : 0);
            if (kind === 'bracket' && !startsWithSurnameReading(dict, value)) continue;
            c = emit(start, start + value.length, kind === 'label' ? 0.9 : 0.85, kind);
          } else {
            c = emit(m.index, m.index + m[0].length, 0.8, kind);
          }
          if (c !== undefined) out.push(c);
        }
      }
      // Two kana words, as the global scan of TWO_WORDS_SOURCE found them: `from` is that scan's lastIndex, and
      // every position a match can start at is tried in text order (a katakana and a hiragana word can end at the
      // same space when ー ends both).
      let from = 0;
      const spaced = SPACED_KANA;
      spaced.lastIndex = 0;
      while (spaced.test(text)) {
        const space = spaced.lastIndex - 1;
        const kata = wordStart(text, space, isKata);
        const hira = wordStart(text, space, isHira);
        for (const at of kata < hira ? [kata, hira] : [hira, kata]) {
          if (at < from) continue;
          const re = TWO_WORDS_AT;
          re.lastIndex = at;
          const m = re.exec(text);
          if (m === null) continue;
          const sur = (m[1] ?? m[3]) as string;
          const giv = (m[2] ?? m[4]) as string;
          if (!dict.isSurnameReading(sur) || !dict.isGivenNameReading(giv)) {
            // Retry from the second word: ハイ ヤマダ タロウ.
            from = at + sur.length + 1;
            continue;
          }
          from = at + m[0].length;
          const c = emit(at, from, m[1] !== undefined ? 0.85 : 0.75, 'two-words');
          if (c !== undefined) out.push(c);
        }
      }
      return out;
    },
  };
}
