import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNameDictionary } from '@kamen/core';
import { findings, spans } from './helpers.js';
import { JA_HR_SENTENCES } from './hr-sentences.js';

const RULE = 'names.person_name_ja';
const ja = (t: string): string[] => spans(t, RULE);

describe('person_name_ja', () => {
  it.each([
    ['山田太郎さんが入社しました', '山田太郎'],
    ['山田 太郎', '山田 太郎'],
    ['山田　太郎様', '山田　太郎'],
    ['髙橋一郎の申請', '髙橋一郎'],
    ['山﨑さんへ', '山﨑'],
    ['渡邉部長の承認', '渡邉'],
    ['渡邊 花子', '渡邊 花子'],
    ['齋藤課長', '齋藤'],
    ['氏名：幸松 一', '幸松 一'],
    ['氏名(漢字): 山田 花子', '山田 花子'],
    ['担当者 鈴木', '鈴木'],
    ['緊急連絡先: 田中 一郎', '田中 一郎'],
    ['佐藤 さくらさん', '佐藤 さくら'],
    ['営業部鈴木課長より連絡', '鈴木'],
    ['西村経理課長', '西村'],
    ['佐々木さん、お疲れ様です', '佐々木'],
    ['ｻﾄｳ様ではなく佐藤健太様', '佐藤健太'],
  ])('%s → %s', (text, want) => expect(ja(text)).toContain(want));

  it.each([
    '本日の会議は中央会議室で行います。',
    '日本の上田市と大阪府で説明会を開催します。',
    '田中工業株式会社の見積書',
    '中村橋駅で下車してください',
    '山田から連絡がありました',
    '基本給250,000円、賞与は年2回',
    '小林製薬の製品',
    '松本市の人口',
  ])('leaves %s alone', (text) => expect(ja(text)).toEqual([]));

  it('maps offsets back through full-width spaces and itaiji', () => {
    const text = '承認者：髙橋　一郎（人事部）';
    const [f] = findings(text, RULE);
    expect(f && text.slice(f.start, f.end)).toBe('髙橋　一郎');
  });

  it('scores strong evidence ≥ 0.85', () => {
    for (const t of ['山田太郎さん', '氏名: 山田太郎', '佐藤部長']) {
      expect(findings(t, RULE)[0]?.score ?? 0).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('leaves ≥ 95% of name-free HR sentences unchanged', () => {
    const hit = JA_HR_SENTENCES.filter((s) => ja(s).length > 0);
    expect(hit.length / JA_HR_SENTENCES.length).toBeLessThanOrEqual(0.05);
  });

  const dict = getNameDictionary();
  // Common, unambiguous dictionary names: surnames that are not ordinary words, given names of 2 kanji.
  const surnames = dict.surnames.filter(
    (e) => /^[\u4e00-\u9fff]{2,3}$/.test(e.kanji) && dict.surnameInfo(e.kanji)?.word === false,
  );
  // Given names ending in an honorific kanji (一氏, 正君) are read as surname + given + honorific; left out.
  const givens = dict.givenNames.filter(
    (e) =>
      /^[\u4e00-\u9fff]{2}$/.test(e.kanji) &&
      dict.givenNameInfo(e.kanji)?.word === false &&
      !/[様殿氏君]$/.test(e.kanji),
  );
  const name = fc.record({
    sur: fc.constantFrom(...surnames.slice(0, 1500)),
    giv: fc.constantFrom(...givens.slice(0, 1500)),
    sep: fc.constantFrom('', ' ', '　'),
  });
  const frame = fc.constantFrom(
    ['', 'さんの入社手続き'],
    ['担当：', ''],
    ['本日、', '様より連絡がありました。'],
    ['申請者 ', '（営業部）'],
    ['', 'の給与明細を送付します。'],
  );

  it('finds generated dictionary names in sentences with exact spans', () => {
    fc.assert(
      fc.property(name, frame, ({ sur, giv, sep }, [pre, post]) => {
        const full = sur.kanji + sep + giv.kanji;
        const text = `${pre}${full}${post}`;
        const hits = findings(text, RULE);
        return hits.some((f) => f.start === pre.length && f.end === pre.length + full.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and its offsets stay in bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'山田太郎佐藤花子様さん 　氏名:の日本中央会議髙﨑') }), (t) => {
        const a = findings(t, RULE);
        const b = findings(t, RULE);
        return (
          JSON.stringify(a) === JSON.stringify(b) &&
          a.every((f) => 0 <= f.start && f.start < f.end && f.end <= t.length)
        );
      }),
    );
  });

  it('reads a municipality and its office as a place, not surname + given name (太田和市役所)', () => {
    expect(ja('太田和市役所に提出')).toEqual([]);
    expect(ja('横浜市役所')).toEqual([]);
    expect(ja('太田和市さんに提出')).toEqual(['太田和市']);
  });

  it('does not find a surname followed by a place or organisation suffix (near misses)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...surnames.slice(0, 1500)),
        fc.constantFrom('市役所', '工業の', '駅前で', '区の', '株式会社'),
        (s, suffix) => {
          return ja(`${s.kanji}${suffix}`).length === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});
