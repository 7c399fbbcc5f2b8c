// The name detectors' fast paths (kanji runs found by code unit, table-load pre-checks, lookups without slicing)
// against the implementations they replaced, kept verbatim under oracle/: same candidates, in the same order, on
// text made of the pieces those paths branch on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry, getNameDictionary, type Detector, type RuleDefinition } from '@kamen/core';
import { normalizeText } from '../../../packages/core/src/text/normalize.js';
import { createPersonNameJaDetector } from '../../../packages/core/src/detectors/names/person-name-ja.js';
import { JA_LABELS, KANJI_HONORIFICS, isKanjiUnit } from '../../../packages/core/src/detectors/names/ja-name-cues.js';
import { createPersonNameJaDetector as oldJa } from './oracle/person-name-ja.js';
import { createPersonNameKanaDetector } from '../../../packages/core/src/detectors/names/person-name-kana.js';
import { createPersonNameKanaDetector as oldKana } from './oracle/person-name-kana.js';

const dict = getNameDictionary();
const ruleOf = (id: string): RuleDefinition => {
  const rule = getDefaultRegistry().rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
};

// Dictionary names and readings, their itaiji, honorifics, titles, labels, org and place suffixes, departments,
// particles, kana, Latin, separators: every branch of the Japanese detector has a piece that takes it.
const jaPieces = [
  ...dict.surnames.slice(0, 300).map((e) => e.kanji),
  ...dict.givenNames.slice(0, 300).map((e) => e.kanji),
  ...dict.surnames.slice(0, 40).map((e) => e.kana),
  ...dict.givenNames
    .slice(0, 40)
    .map((e) => e.kana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))),
  ...KANJI_HONORIFICS,
  ...JA_LABELS,
  ...'髙﨑邉齋々ヶ部課係室社局所店科班市町村区役所庁経理総務人事システム番号月日生年'.split(''),
  ...['さん', 'さま', 'くん', 'ちゃん', 'の', 'は', 'が', 'から', 'です', '、', '。', ':', '(漢字)', ' ', '  ', '\n'],
  ...['(', ')', '=', ' : ', 'ー', 'ヶ', '々'],
  ...['さくら', 'ひなた', 'タロウ', 'A', 'Mr.', '1'],
];
const jaText = fc.array(fc.constantFrom(...jaPieces), { maxLength: 16 }).map((p) => p.join(''));

// Readings in both scripts, ー and ヶ, every label and bracket and bank-holder shape of the kana detector, and
// what sits between words: the two-word search tries only the starts of words before a space between kana.
const hira = (k: string): string => k.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const kanaPieces = [
  ...dict.surnames.slice(0, 60).map((e) => e.kana),
  ...dict.givenNames.slice(0, 60).map((e) => e.kana),
  ...dict.surnames.slice(0, 30).map((e) => hira(e.kana)),
  ...dict.givenNames.slice(0, 30).map((e) => hira(e.kana)),
  ...dict.surnames.slice(0, 20).map((e, i) => `${e.kana} ${dict.givenNames[i]?.kana ?? ''}`),
  ...dict.surnames.slice(0, 20).map((e, i) => hira(`${e.kana} ${dict.givenNames[i]?.kana ?? ''}`)),
  ...dict.surnames.slice(0, 10).map((e) => `${e.kanji}(${e.kana})`),
  ...['ー', 'ーー', 'ヶ', 'ア', 'あ', 'ハイ', 'ヨウ', 'イ', 'カ', 'ユ', 'シヤ', 'シャ', 'ソ', 'ガ'],
  ...['フリガナ', 'ふりがな', 'カナ', 'セイ', 'メイ', '口座名義', '口座名義人', '名義人', '受取人', '名義', '(カナ)'],
  ...['氏名', 'お名前', '担当者', '従業員名', '扶養者', '山田', '太郎', '佐々木', '様'],
  ...['氏名: ', '担当者=', 'お名前 :', 'セイ: ', 'フリガナ ', '名義 ', '山田(', 'カ)', 'シヤ)'],
  ...[' ', ' ', ' ', '  ', ':', ' : ', '=', '(', ')', '、', '\n', 'A', '1'],
];
const kanaText = fc.array(fc.constantFrom(...kanaPieces), { maxLength: 14 }).map((p) => p.join(''));
// Readings and spaces only, with the longest readings (a first word of 8 units still starts a match, one of 9 does
// not): the two-word search and its retry from the second word.
const readingPieces = [
  ...dict.surnames.filter((e) => e.kana.length >= 7).map((e) => e.kana),
  ...dict.surnames.slice(0, 50).flatMap((e) => [e.kana, hira(e.kana)]),
  ...dict.givenNames.slice(0, 50).flatMap((e) => [e.kana, hira(e.kana)]),
  ...['ー', 'ハイ', 'ア', 'A'],
];
const readingText = fc
  .array(fc.tuple(fc.constantFrom(...readingPieces), fc.constantFrom(' ', ' ', '', '、')), { maxLength: 8 })
  .map((p) => p.flat().join(''));

const candidates = (d: Detector, text: string): unknown[] => [...d.scan(normalizeText(text))];

function sameAsOracle(fresh: Detector, oracle: Detector, arb: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(arb, (text) => {
      expect(candidates(fresh, text)).toEqual(candidates(oracle, text));
    }),
    { numRuns },
  );
}

describe('name detector fast paths match the implementations they replaced', () => {
  it('person_name_ja', () => {
    const rule = ruleOf('names.person_name_ja');
    sameAsOracle(createPersonNameJaDetector(rule), oldJa(rule), jaText, 3000);
    // Arbitrary strings too: lone surrogates, NUL, kanji from every block the run scanner accepts.
    sameAsOracle(createPersonNameJaDetector(rule), oldJa(rule), fc.string({ unit: 'binary', maxLength: 40 }), 1000);
  });

  it('person_name_kana', () => {
    const rule = ruleOf('names.person_name_kana');
    sameAsOracle(createPersonNameKanaDetector(rule), oldKana(rule), kanaText, 4000);
    sameAsOracle(createPersonNameKanaDetector(rule), oldKana(rule), readingText, 3000);
    sameAsOracle(createPersonNameKanaDetector(rule), oldKana(rule), fc.string({ unit: 'binary', maxLength: 40 }), 1000);
    // Brackets packed close together after kanji (山(ヤマダ)田(やまだ), 田((ヤマダ)): the bracket shape is tried only
    // at each '(', from the end of the last match.
    const bracketPieces = fc.constantFrom(
      ...['山', '田', '々', '(', '(', ')', ')', ' ', 'ア', 'あ'],
      ...dict.surnames.slice(0, 3).flatMap((e) => [e.kana, hira(e.kana)]),
    );
    sameAsOracle(
      createPersonNameKanaDetector(rule),
      oldKana(rule),
      fc.array(bracketPieces, { maxLength: 16 }).map((u) => u.join('')),
      3000,
    );
    const kanaUnits = fc.constantFrom(...'アイウカタロヤマダーあいうかたろやまだーヶ  :()名義'.split(''));
    sameAsOracle(
      createPersonNameKanaDetector(rule),
      oldKana(rule),
      fc.array(kanaUnits, { maxLength: 30 }).map((u) => u.join('')),
      2000,
    );
  });

  it('the generated texts hold names (the comparison above is not of empty lists)', () => {
    const rule = ruleOf('names.person_name_ja');
    const hit = fc.sample(jaText, { numRuns: 500, seed: 1 }).filter((t) => candidates(oldJa(rule), t).length > 0);
    expect(hit.length).toBeGreaterThan(40);
    const kana = oldKana(ruleOf('names.person_name_kana'));
    const kanaHits = fc
      .sample(kanaText, { numRuns: 500, seed: 1 })
      .map((t) => candidates(kana, t) as { pattern: string }[]);
    for (const pattern of ['two-words', 'label', 'name-label', 'bracket', 'bank-holder'])
      expect(kanaHits.filter((c) => c.some((x) => x.pattern === pattern)).length, pattern).toBeGreaterThan(5);
  });

  it('labels are kanji only but お名前, so a label at a kanji run start ends inside the run', () => {
    for (const l of JA_LABELS) {
      const rest = l === 'お名前' ? l.slice(1) : l;
      expect(
        [...rest].every((c) => isKanjiUnit(c.charCodeAt(0))),
        l,
      ).toBe(true);
    }
  });
});
