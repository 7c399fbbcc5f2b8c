import { getNameDictionary, type NameDictionary } from '../../../../packages/core/src/names/dictionary.js';
import type { RuleDefinition } from '../../../../packages/core/src/rules/rule.js';
import { contextSpecOf } from '../../../../packages/core/src/detectors/context.js';
import type { Candidate, Detector } from '../../../../packages/core/src/detectors/detector.js';
import {
  KANJI_RUN_RE,
  cannotStartGivenName,
  endsInMunicipalOffice,
  hasLabelBefore,
  honorificAt,
  honorificSuffixLength,
  isKanjiUnit,
  isOrgSuffix,
  labelPrefixLength,
  isDepartmentWord,
  looksLikeGivenName,
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
// Honorifics, particles and auxiliaries that follow a surname and happen to be given-name readings (サン, カラ).
const NOT_A_KANA_GIVEN =
  /^(?:さん|さま|くん|ちゃん|から|まで|より|です|でし|ます|には|では|とは|への|たち|など|ので|けど|って|だけ|しか|ほど|ごと|こと|もの|ため|とし|によ|にて|サン|サマ|クン|チャン)/;
const HONORIFIC_OR_PARTICLE = /^(?:さん|さま|くん|ちゃん|[様殿のはがに、。])/;
const AFTER_KANA_GIVEN = /^(?:$|[\s、。,.!?:)\]」』様はがのをにとへも宛]|さん|さま|くん|ちゃん|から|より|です)/;

/**
 * A kana given name starting at `at` (after an optional space): the longest dictionary reading followed by
 * something a name can be followed by; failing that, when spaced, a whole short kana word followed by an honorific
 * (ひなたさん: modern names IPADIC lacks; the caller scores it low and the honorific lifts it).
 */
function kanaGivenEnd(
  dict: NameDictionary,
  text: string,
  at: number,
  spaced: boolean,
): { end: number; inDict: boolean } | undefined {
  const m = KANA_GIVEN_RE.exec(text.slice(at, at + 8));
  if (m === null) return undefined;
  const word = m[1] as string;
  if (NOT_A_KANA_GIVEN.test(word)) return undefined;
  const lead = m[0].length - word.length;
  for (let len = word.length; len >= 2; len--) {
    const end = at + lead + len;
    if (dict.isGivenNameReading(word.slice(0, len)) && AFTER_KANA_GIVEN.test(text.slice(end, end + 3))) {
      return { end, inDict: true };
    }
  }
  for (let len = Math.min(word.length, 4); len >= 2; len--) {
    const end = at + lead + len;
    if (spaced && HONORIFIC_OR_PARTICLE.test(text.slice(end, end + 3))) return { end, inDict: false };
  }
  return undefined;
}

// A plain function, not a closure per call: bestSplit runs once per kanji run.
const better = (best: Split | undefined, c: Split): Split => (best === undefined || c.score > best.score ? c : best);

/** The best name starting at `s` in a kanji run ending at `runEnd` (`coreEnd` excludes a trailing title). */
function bestSplit(dict: NameDictionary, text: string, s: number, coreEnd: number, runEnd: number): Split | undefined {
  let best: Split | undefined;
  const maxL = Math.min(dict.maxSurnameLength, coreEnd - s, 4);
  // Every surname length at `s` in one dictionary walk (most runs hold one short surname or none).
  const surnames = dict.surnamesAt(text, s, maxL);
  for (let L = Math.min(maxL, surnames.length - 1); L >= 1; L--) {
    const sur = surnames[L];
    if (sur === undefined) continue;
    const weakSurname = sur.word || L === 1;
    const rem = coreEnd - (s + L);
    if (rem === 0) {
      // A lone surname is a name only with an honorific or label; its base score only ranks it above weak splits.
      best = better(best, { end: s + L, score: weakSurname ? 0.2 : 0.4, pattern: 'surname' });
      // 山田 太郎: the given name is the next kanji run after one space.
      if (coreEnd === runEnd && text.charCodeAt(runEnd) === 0x20 && isKanjiUnit(text.charCodeAt(runEnd + 1))) {
        let e = runEnd + 1;
        while (e < text.length && isKanjiUnit(text.charCodeAt(e))) e++;
        const given = text.slice(runEnd + 1, e);
        const g = given.slice(0, given.length - honorificSuffixLength(given));
        const gInDict = dict.givenNameInfo(g) !== undefined;
        if (g.length <= LONE_GIVEN_MAX && !(cannotStartGivenName(g) && (!gInDict || g.length === 1))) {
          const inDict = gInDict;
          const shaped = !inDict && looksLikeGivenName(g);
          const score = inDict ? (L === 1 ? 0.6 : 0.85) : shaped ? (L === 1 ? 0.45 : 0.6) : weakSurname ? 0.3 : 0.6;
          best = better(best, {
            end: runEnd + 1 + g.length,
            score,
            pattern: inDict ? 'surname-given' : 'surname-kanji',
          });
        }
      }
      // 佐藤 さくら, 渡辺ひなた: a kana given name. One-kanji surnames (岡, 森) only with a space before it.
      const spaced = text.charCodeAt(runEnd) === 0x20;
      const kana = coreEnd === runEnd && (L > 1 || spaced) ? kanaGivenEnd(dict, text, runEnd, spaced) : undefined;
      if (kana !== undefined) {
        const score = kana.inDict ? (weakSurname ? 0.6 : 0.7) : 0.45;
        best = better(best, { end: kana.end, score, pattern: 'surname-kana-given' });
      }
      continue;
    }
    const given = text.slice(s + L, coreEnd);
    if (isDepartmentWord(given) && coreEnd < runEnd && !sur.word && L > 1) {
      // 西村経理課長: surname, department, title. The surname alone is the name.
      best = better(best, { end: s + L, score: 0.45, pattern: 'surname-department' });
      continue;
    }
    // 上田市, 田中工業: a place or company suffix is no given name, unless the dictionary lists a longer given
    // name that happens to start with that character (省軒).
    const givenListed = dict.givenNameInfoAt(text, s + L, coreEnd) !== undefined;
    const listed = given.length > 1 && givenListed;
    if ((cannotStartGivenName(given) && !listed) || isDepartmentWord(given)) continue;
    if (rem <= LONE_GIVEN_MAX) {
      const inDict = givenListed && (given.length > 1 || L > 1);
      const shaped = !inDict && looksLikeGivenName(given);
      // A dictionary given name after a two-kanji surname is strong even when the surname is also a word
      // (山田, 小川): the pair is what makes it a name. A name-shaped unknown given name (瑛太) is weaker.
      const score = inDict
        ? L === 1
          ? 0.55
          : sur.word
            ? 0.75
            : 0.85
        : shaped && L > 1
          ? sur.word
            ? 0.5
            : 0.6
          : weakSurname
            ? 0.25
            : 0.4;
      best = better(best, { end: coreEnd, score, pattern: inDict ? 'surname-given' : 'surname-kanji' });
    } else if (!weakSurname) {
      // 田中太郎作成: a dictionary given name followed by more kanji; weaker, the run may be one compound word.
      for (let g = Math.min(3, rem); g >= 2; g--) {
        if (dict.givenNameInfoAt(text, s + L, s + L + g) !== undefined) {
          if (endsInMunicipalOffice(text, s + L + g)) break;
          best = better(best, { end: s + L + g, score: 0.55, pattern: 'surname-given' });
          break;
        }
      }
    }
  }
  return best;
}

/** End of the longest two-or-more-kanji, non-word dictionary surname at `s` (before `limit`), or 0. */
function loneSurnameEnd(dict: NameDictionary, text: string, s: number, limit: number): number {
  const maxL = Math.min(4, limit - s - 1);
  const surnames = dict.surnamesAt(text, s, maxL);
  for (let L = Math.min(maxL, surnames.length - 1); L >= 2; L--) {
    const info = surnames[L];
    if (info !== undefined && !info.word) return s + L;
  }
  return 0;
}

const PERSONAL_HONORIFIC = /^ ?(?:さん|さま|くん|ちゃん|[様殿氏君])/;
const isPersonalHonorific = (text: string, at: number): boolean => PERSONAL_HONORIFIC.test(text.slice(at, at + 4));

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
          // No split and no label before the run: nothing below can raise the score from 0 (most kanji runs are
          // ordinary words), so skip the honorific and label checks.
          if (split === undefined && !(labelled && s === runStart)) continue;
          let score = split?.score ?? 0;
          let end = split?.end ?? coreEnd;
          let pattern = split?.pattern ?? 'labelled';
          const honorific = (end >= coreEnd && honorificAt(text, end)) || split?.pattern === 'surname-department';
          const weakSplit = split !== undefined && split.score < 0.5 && split.pattern === 'surname-kanji';
          const lone = weakSplit && !isPersonalHonorific(text, end) ? loneSurnameEnd(dict, text, s, end) : 0;
          if (honorific && lone > 0) {
            // 西村企画課長: an unknown word between surname and job title is a department, not a given name.
            end = lone;
            score = 0.6;
            pattern = 'surname+title';
          } else if (honorific && split !== undefined) {
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
          out.push(emitted);
          skipUntil = emitted.end;
        }
      }
      return out;
    },
  };
}
