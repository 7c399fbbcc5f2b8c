import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNameDictionary, toHalfWidthKatakana, toHiragana } from '@kamen/core';
import { findings, spans } from './helpers.js';

const RULE = 'names.person_name_kana';
const kana = (t: string): string[] => spans(t, RULE);

describe('person_name_kana', () => {
  it.each([
    ['フリガナ：ヤマダ　タロウ', 'ヤマダ　タロウ'],
    ['ふりがな: さとう はなこ', 'さとう はなこ'],
    ['セイ: ヤマダ', 'ヤマダ'],
    ['メイ タロウ', 'タロウ'],
    ['氏名(カナ): スズキ イチロウ', 'スズキ イチロウ'],
    ['口座名義 ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['口座名義(カナ)：ｻﾄｳ ﾊﾅｺ', 'ｻﾄｳ ﾊﾅｺ'],
    ['振込先 ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ', 'ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ'],
    ['山田太郎（ヤマダ タロウ）', 'ヤマダ タロウ'],
    ['佐藤花子(さとう はなこ)', 'さとう はなこ'],
    ['受付 スズキ イチロウ 様', 'スズキ イチロウ'],
  ])('%s → %s', (text, want) => expect(kana(text)).toContain(want));

  it('reports NAME_KANA', () => {
    expect(findings('フリガナ：ヤマダ タロウ', RULE)[0]?.type).toBe('NAME_KANA');
  });

  it('reports a kana-only name after a name label as PERSON_NAME', () => {
    const [f] = findings('氏名：スミス ジョン', RULE);
    expect(f?.type).toBe('PERSON_NAME');
    expect(f && '氏名：スミス ジョン'.slice(f.start, f.end)).toBe('スミス ジョン');
  });

  it.each([
    'メール アドレスを変更しました',
    'データ ベースのバックアップ',
    'カナ入力に切り替えてください',
    'システム メンテナンスのお知らせ',
    'ヨウセイ: 陽性',
    '（カブシキガイシャ）',
  ])('leaves %s alone', (text) => expect(kana(text)).toEqual([]));

  const dict = getNameDictionary();
  const pick = (es: readonly { kana: string }[]) =>
    fc.constantFrom(...es.slice(0, 1500).filter((e) => /^[\u30a1-\u30fa\u30fc]{2,6}$/.test(e.kana)));
  const script = fc.constantFrom<(s: string) => string>((s) => s, toHiragana, toHalfWidthKatakana);

  it('finds dictionary readings in every kana script with exact spans in the original', () => {
    fc.assert(
      fc.property(
        pick(dict.surnames),
        pick(dict.givenNames),
        script,
        fc.constantFrom('フリガナ：', 'ふりがな ', '口座名義 '),
        (s, g, conv, label) => {
          const reading = conv(`${s.kana} ${g.kana}`);
          const text = `${label}${reading}\n`;
          return findings(text, RULE).some((f) => f.start === label.length && f.end === label.length + reading.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a surname reading + given reading pair without a label (katakana)', () => {
    fc.assert(
      fc.property(pick(dict.surnames), pick(dict.givenNames), (s, g) => {
        const text = `連絡先は ${s.kana} ${g.kana} です`;
        const start = text.indexOf(s.kana);
        return findings(text, RULE).some(
          (f) => f.start === start && f.end === start + s.kana.length + 1 + g.kana.length,
        );
      }),
      { numRuns: 200 },
    );
  });
});
