import { getNameDictionary } from '../../names/dictionary.js';
import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import type { Candidate, Detector } from '../detector.js';
import {
  hasLabelBefore,
  honorificAt,
  honorificSuffixLengthAt,
  isKanjiUnit,
  isOrgSuffixUnit,
  labelPrefixLengthAt,
} from './ja-name-cues.js';
import { bestSplit, loneSurnameEnd, split } from './ja-split.js';

/**
 * Japanese names written in kanji (山田太郎, 山田 太郎, 髙橋さん, 氏名：幸松 一) and kanji surname + kana given name
 * (佐藤 さくら). Evidence is combined into one score, and the engine's context boost is not added on top:
 * - dictionary surname + dictionary given name: 0.85 (0.75 when the surname is also a word, 0.55 for one kanji);
 * - dictionary surname + other 1–3 kanji: 0.6 with a space between, 0.4 without (needs more evidence);
 * - an honorific or title after (様, さん, 部長) lifts any of these to ≥ 0.85 and makes a lone surname a name;
 * - a label before (氏名:, 担当:) makes any short kanji run a name (0.9), dictionary or not.
 */
const LABELLED_MAX = 8;

const PERSONAL_HONORIFIC = /^ ?(?:さん|さま|くん|ちゃん|[様殿氏君])/;
// The first units PERSONAL_HONORIFIC can start with: most calls end at this one table load.
const PERSONAL_FIRST = new Uint8Array(0x10000);
for (const c of ' さくち様殿氏君') PERSONAL_FIRST[c.charCodeAt(0)] = 1;
// PERSONAL_HONORIFIC tried at one index: every honorific fits in the four units the slice it replaced held.
const PERSONAL_HONORIFIC_AT = new RegExp(PERSONAL_HONORIFIC.source.slice(1), 'y');
function isPersonalHonorific(text: string, at: number): boolean {
  if (PERSONAL_FIRST[text.charCodeAt(at)] !== 1) return false;
  PERSONAL_HONORIFIC_AT.lastIndex = at;
  return PERSONAL_HONORIFIC_AT.test(text);
}

export function createPersonNameJaDetector(rule: RuleDefinition): Detector {
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    scan(input): Candidate[] {
      const out: Candidate[] = [];
      const dict = getNameDictionary();
      const text = input.text;
      const n = text.length;
      let skipUntil = 0;
      // Kanji runs as KANJI_RUN_RE finds them, found by code unit with the test inlined: ~4x faster than the
      // regex skip loop it replaced (2.5 vs 10.7 ms on 2 MB of Japanese HR text), which paid a call per run. Most
      // runs are ordinary words, and for those the rest of the scan is a few table loads. The test is isKanjiUnit's,
      // written out: calling isKanjiUnit in these two loops measured 30-34 vs 20-23 ms for the whole scan per 2 MB of
      // Japanese bench text.
      for (let i = 0; i < n; i++) {
        let c = text.charCodeAt(i);
        // 々 (U+3005) is the lowest kanji unit: ASCII, Latin and 、。 (below it) leave at one compare
        // (2.93 -> 2.65 ms for this loop over 2 MB of mixed HR text).
        if (
          c < 0x3005 ||
          !((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || c === 0x30f6)
        )
          continue;
        const runStart = i;
        for (i++; i < n; i++) {
          c = text.charCodeAt(i);
          if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || c === 0x30f6)) break;
        }
        // text[i] is no kanji (or the end): the loop's i++ steps over it.
        const runEnd = i;
        if (runStart < skipUntil) continue;
        const honorLen = honorificSuffixLengthAt(text, runStart, runEnd);
        const coreEnd = runEnd - honorLen;
        const labelled = hasLabelBefore(text, runStart);
        // Name starts to try: the run start, after a glued label (氏名山田), after an org suffix (営業部山田).
        const glued = labelPrefixLengthAt(text, runStart);
        let s1 = -1;
        let s2 = -1;
        let s3 = -1;
        let count = 1;
        if (glued > 0 && glued < runEnd - runStart) s1 = runStart + glued;
        if (s1 >= 0) count++;
        for (let j = runStart + 1; j < coreEnd - 1 && count < 4; j++) {
          if (!isOrgSuffixUnit(text.charCodeAt(j - 1))) continue;
          if (count === 1) s1 = j;
          else if (count === 2) s2 = j;
          else s3 = j;
          count++;
        }
        // Without a label, a start yields something only where a surname starts (bestSplit finds none elsewhere):
        // one table load per start rules out most runs before any dictionary walk.
        if (
          !labelled &&
          !dict.canStartSurname(text.charCodeAt(runStart)) &&
          !(s1 >= 0 && dict.canStartSurname(text.charCodeAt(s1))) &&
          !(s2 >= 0 && dict.canStartSurname(text.charCodeAt(s2))) &&
          !(s3 >= 0 && dict.canStartSurname(text.charCodeAt(s3)))
        )
          continue;
        let emitted: Candidate | undefined;
        // The starts in order (run start, s1, s2, s3), without an array per run.
        for (let k = 0; k < count; k++) {
          const s = k === 0 ? runStart : k === 1 ? s1 : k === 2 ? s2 : s3;
          if (coreEnd - s > 12) continue;
          const gluedLabel = s === runStart + glued && glued > 0;
          const hasSplit = bestSplit(dict, text, s, coreEnd, runEnd);
          // No split and no label before the run: nothing below can raise the score from 0 (most kanji runs are
          // ordinary words), so skip the honorific and label checks.
          if (!hasSplit && !(labelled && s === runStart)) continue;
          const splitScore = hasSplit ? split.score : 0;
          const splitPattern = hasSplit ? split.pattern : '';
          let score = splitScore;
          let end = hasSplit ? split.end : coreEnd;
          let pattern = hasSplit ? splitPattern : 'labelled';
          const honorific = (end >= coreEnd && honorificAt(text, end)) || splitPattern === 'surname-department';
          const weakSplit = hasSplit && splitScore < 0.5 && splitPattern === 'surname-kanji';
          const lone = weakSplit && !isPersonalHonorific(text, end) ? loneSurnameEnd(dict, text, s, end) : 0;
          if (honorific && lone > 0) {
            // 西村企画課長: an unknown word between surname and job title is a department, not a given name.
            end = lone;
            score = 0.6;
            pattern = 'surname+title';
          } else if (honorific && hasSplit) {
            const sur = dict.surnameInfoAt(text, s, Math.min(end, s + 4));
            score = Math.max(score + 0.3, sur?.word === true ? 0.6 : 0.85);
            pattern += '+honorific';
          }
          if ((labelled && s === runStart) || (gluedLabel && hasSplit)) {
            if (!hasSplit || splitScore < 0.5) {
              // A label vouches for an unknown name: take the whole short run (and one spaced part after it).
              end = coreEnd;
              if (end === runEnd && text.charCodeAt(end) === 0x20 && isKanjiUnit(text.charCodeAt(end + 1))) {
                let e = end + 1;
                while (e < text.length && isKanjiUnit(text.charCodeAt(e)) && e - s <= LABELLED_MAX) e++;
                end = e - honorificSuffixLengthAt(text, end + 1, e);
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
          out.push(emitted);
          skipUntil = emitted.end;
        }
      }
      return out;
    },
  };
}
