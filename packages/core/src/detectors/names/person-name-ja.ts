import { getNameDictionary, type NameDictionary } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import type { Candidate, Detector } from '../detector.js';
import {
  KANJI_RUN_RE,
  cannotStartGivenName,
  hasLabelBefore,
  honorificAt,
  honorificSuffixLength,
  isKanjiUnit,
  isOrgSuffix,
  labelPrefixLength,
} from './ja-name-cues.js';

/**
 * Japanese names written in kanji (山田太郎, 山田 太郎, 髙橋さん, 氏名：幸松 一) and kanji surname + kana given name
 * (佐藤 さくら). Evidence is combined into one score, and the engine's context boost is not added on top:
 * - dictionary surname + dictionary given name: 0.85 (0.75 when the surname is also a word, 0.55 for one kanji);
 * - dictionary surname + other 1–3 kanji: 0.6 with a space between, 0.4 without (needs more evidence);
 * - an honorific or title after (様, さん, 部長) lifts any of these to ≥ 0.85 and makes a lone surname a name;
 * - a label before (氏名:, 担当:) makes any short kanji run a name (0.9), dictionary or not.
 */
const LONE_GIVEN_MAX = 3;
const LABELLED_MAX = 8;

interface Split {
  readonly end: number;
  readonly score: number;
  readonly pattern: string;
}

const KANA_GIVEN_RE = /^ ?([\u3041-\u3096]{2,5}|[\u30a1-\u30fa\u30fc]{2,6})/;
// What may follow a kana given name: end of text, punctuation, a space, an honorific or a particle.
const AFTER_KANA_GIVEN = /^(?:$|[\s、。,.!?:)\]」』様はがのをにとへも宛]|さん|さま|くん|ちゃん|から|より|です)/;

function kanaGivenEnd(dict: NameDictionary, text: string, at: number): number {
  const m = KANA_GIVEN_RE.exec(text.slice(at, at + 8));
  if (m === null) return -1;
  const word = m[1] as string;
  const lead = m[0].length - word.length;
  // Longest given-name reading that is followed by something a name can be followed by.
  for (let len = word.length; len >= 2; len--) {
    if (
      dict.isGivenNameReading(word.slice(0, len)) &&
      AFTER_KANA_GIVEN.test(text.slice(at + lead + len, at + lead + len + 3))
    )
      return at + lead + len;
  }
  return -1;
}

/** The best name starting at `s` in a kanji run ending at `runEnd` (`coreEnd` excludes a trailing title). */
function bestSplit(dict: NameDictionary, text: string, s: number, coreEnd: number, runEnd: number): Split | undefined {
  let best: Split | undefined;
  const consider = (c: Split): void => {
    if (best === undefined || c.score > best.score) best = c;
  };
  const maxL = Math.min(dict.maxSurnameLength, coreEnd - s, 4);
  for (let L = maxL; L >= 1; L--) {
    const sur = dict.surnameInfo(text.slice(s, s + L));
    if (sur === undefined) continue;
    const weakSurname = sur.word || L === 1;
    const rem = coreEnd - (s + L);
    if (rem === 0) {
      // A lone surname is a name only with an honorific or label; its base score only ranks it above weak splits.
      consider({ end: s + L, score: weakSurname ? 0.2 : 0.3, pattern: 'surname' });
      // 山田 太郎: the given name is the next kanji run after one space.
      if (coreEnd === runEnd && text.charCodeAt(runEnd) === 0x20 && isKanjiUnit(text.charCodeAt(runEnd + 1))) {
        let e = runEnd + 1;
        while (e < text.length && isKanjiUnit(text.charCodeAt(e))) e++;
        const given = text.slice(runEnd + 1, e);
        const g = given.slice(0, given.length - honorificSuffixLength(given));
        if (g.length <= LONE_GIVEN_MAX && !cannotStartGivenName(g)) {
          const inDict = dict.givenNameInfo(g) !== undefined;
          const score = inDict ? (L === 1 ? 0.6 : 0.85) : weakSurname ? 0.3 : 0.6;
          consider({ end: runEnd + 1 + g.length, score, pattern: inDict ? 'surname-given' : 'surname-kanji' });
        }
      }
      const kanaEnd = coreEnd === runEnd && !weakSurname ? kanaGivenEnd(dict, text, runEnd) : -1;
      if (kanaEnd > 0) consider({ end: kanaEnd, score: 0.7, pattern: 'surname-kana-given' });
      continue;
    }
    const given = text.slice(s + L, coreEnd);
    if (cannotStartGivenName(given)) continue;
    if (rem <= LONE_GIVEN_MAX) {
      const inDict = dict.givenNameInfo(given) !== undefined && (given.length > 1 || !weakSurname);
      // A dictionary given name after a two-kanji surname is strong even when the surname is also a word
      // (山田, 小川): the pair is what makes it a name.
      const score = inDict ? (L === 1 ? 0.55 : sur.word ? 0.75 : 0.85) : weakSurname ? 0.25 : 0.4;
      consider({ end: coreEnd, score, pattern: inDict ? 'surname-given' : 'surname-kanji' });
    } else if (!weakSurname) {
      // 田中太郎作成: a dictionary given name followed by more kanji; weaker, the run may be one compound word.
      for (let g = Math.min(3, rem); g >= 2; g--) {
        if (dict.givenNameInfo(text.slice(s + L, s + L + g)) !== undefined) {
          consider({ end: s + L + g, score: 0.55, pattern: 'surname-given' });
          break;
        }
      }
    }
  }
  return best;
}

export function createPersonNameJaDetector(rule: RuleDefinition): Detector {
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    *scan(input): Iterable<Candidate> {
      const dict = getNameDictionary();
      const text = input.text;
      const re = KANJI_RUN_RE;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let skipUntil = 0;
      while ((m = re.exec(text)) !== null) {
        const runStart = m.index;
        const runEnd = runStart + m[0].length;
        if (runStart < skipUntil) continue;
        const run = m[0];
        const honorLen = honorificSuffixLength(run);
        const coreEnd = runEnd - honorLen;
        const labelled = hasLabelBefore(text, runStart);
        // Name starts to try: the run start, after a glued label (氏名山田), after an org suffix (営業部山田).
        const starts = [runStart];
        const glued = labelPrefixLength(run);
        if (glued > 0 && glued < run.length) starts.push(runStart + glued);
        for (let i = runStart + 1; i < coreEnd - 1 && starts.length < 4; i++) {
          if (isOrgSuffix(text[i - 1] as string)) starts.push(i);
        }
        let emitted: Candidate | undefined;
        for (const s of starts) {
          if (coreEnd - s > 12) continue;
          const gluedLabel = s === runStart + glued && glued > 0;
          const split = bestSplit(dict, text, s, coreEnd, runEnd);
          let score = split?.score ?? 0;
          let end = split?.end ?? coreEnd;
          let pattern = split?.pattern ?? 'labelled';
          const honorific = end >= coreEnd && honorificAt(text, end);
          if (honorific && split !== undefined) {
            const sur = split !== undefined ? dict.surnameInfo(text.slice(s, Math.min(end, s + 4))) : undefined;
            score = Math.max(score + 0.3, sur?.word === true ? 0.6 : 0.85);
            pattern += '+honorific';
          }
          if ((labelled && s === runStart) || (gluedLabel && split !== undefined)) {
            if (split === undefined || split.score < 0.5) {
              // A label vouches for an unknown name: take the whole short run (and one spaced part after it).
              end = coreEnd;
              if (end === runEnd && text.charCodeAt(end) === 0x20 && isKanjiUnit(text.charCodeAt(end + 1))) {
                let e = end + 1;
                while (e < text.length && isKanjiUnit(text.charCodeAt(e)) && e - s <= LABELLED_MAX) e++;
                end = e - honorificSuffixLength(text.slice(end + 1, e));
              }
              if (end - s > LABELLED_MAX) continue;
            }
            score = Math.max(score, 0.9);
            pattern += '+label';
          }
          if (score < 0.35) continue;
          if (emitted === undefined || score > emitted.score) {
            emitted = { start: s, end, score: Math.min(score, 0.95), pattern, contextApplied: true };
          }
        }
        if (emitted !== undefined) {
          yield emitted;
          skipUntil = emitted.end;
        }
      }
    },
  };
}
