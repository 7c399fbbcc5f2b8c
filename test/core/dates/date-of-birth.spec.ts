import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, parseJapaneseDate } from '@kamen/core';
import { isEraImpliedBirthDate, isPlausibleBirthDate } from '../../../packages/core/src/validators/birth-date.js';
import { embeddedArb, expectFoundExactly } from '../../helpers/embed.js';
import { ERA_ROWS, gregorianArb, warekiArb } from '../../helpers/date-arbs.js';

const dobs = (text: string): string[] =>
  detect(text, { entities: ['DATE_OF_BIRTH'] }).map((f) => text.slice(f.start, f.end));

const TODAY = Date.now();
const BIRTH_FROM = Date.UTC(1900, 0, 1);

describe('date of birth: written forms with a birth context', () => {
  it.each([
    ['生年月日 昭和60年4月1日', '昭和60年4月1日'],
    ['生年月日：Ｓ６０．４．１', 'Ｓ６０．４．１'],
    ['生年月日 S60/04/01', 'S60/04/01'],
    ['生年月日 S.60.4.1', 'S.60.4.1'],
    ['生年月日 S600401', 'S600401'],
    ['生年月日 H1.1.8', 'H1.1.8'],
    ['生年月日 平成元年1月8日', '平成元年1月8日'],
    ['生年月日 R1.5.1', 'R1.5.1'],
    ['生年月日 令和元年５月１日（長女）', '令和元年５月１日'],
    ['生年月日 昭60.4.1', '昭60.4.1'],
    ['生年月日 大正15年12月25日', '大正15年12月25日'],
    ['生年月日 明治45年7月30日', '明治45年7月30日'],
    ['生年月日: 60.4.1', '60.4.1'],
    ['生年月日 3600401', '3600401'],
    ['誕生日は1985年4月1日です', '1985年4月1日'],
    ['1985年4月1日生まれ', '1985年4月1日'],
    ['山田太郎（1985年4月1日生）', '1985年4月1日'],
    ['扶養親族 山田花子 平成20年5月5日生', '平成20年5月5日'],
    ['満40歳（1985年4月1日）', '1985年4月1日'],
    ['出生日 2024年3月3日', '2024年3月3日'],
    ['生年月日 1985/4/1', '1985/4/1'],
    ['生年月日 19850401', '19850401'],
    ['DOB: 1985-04-01', '1985-04-01'],
    ['DOB 01/04/1985', '01/04/1985'],
    ['Date of birth: April 1, 1985', 'April 1, 1985'],
    ['born 1 April 1985 in Osaka', '1 April 1985'],
    ['Born: Apr. 1, 1985', 'Apr. 1, 1985'],
  ])('%s', (text, expected) => {
    expect(dobs(text)).toEqual([expected]);
  });

  it.each([
    '会議は2026年4月1日 10:00 から',
    '入社日 2010/04/01',
    '支給日 2026-04-25',
    '2026年4月25日支給',
    '令和6年4月1日付で異動',
    '平成30年4月1日入社',
    '昭和60年4月1日に設立された会社',
    '2026年4月1日時点で満40歳',
    '次回の誕生日会は2026年5月1日',
    '作成日 2024/01/01',
    '1985年4月1日の会議',
    'S60.4.1 会議',
    'バージョン 2019.04.01 をリリース',
    '2026年4月1日に生産開始',
    '生年月日は不明、入社日 2010/04/01',
  ])('no birth date in %s', (text) => {
    expect(dobs(text)).toEqual([]);
  });
});

describe('date of birth: era boundaries (jp-pii-spec §6)', () => {
  it.each(['昭和65年1月1日', '平成32年1月1日', '昭和64年1月9日', '平成31年5月2日', '明治46年1月1日', '令和0年5月1日'])(
    'rejects %s, which is past its era',
    (date) => {
      expect(parseJapaneseDate(date)).toBeNull();
      expect(dobs(`生年月日 ${date}`)).toEqual([]);
    },
  );

  it.each([
    ['大正15年12月25日', 1926, 12, 25],
    ['昭和元年12月25日', 1926, 12, 25],
    ['昭和64年1月7日', 1989, 1, 7],
    ['昭和64年1月8日', 1989, 1, 8],
    ['平成元年1月8日', 1989, 1, 8],
    ['平成31年4月30日', 2019, 4, 30],
    ['平成31年5月1日', 2019, 5, 1],
    ['令和元年5月1日', 2019, 5, 1],
    ['明治45年7月30日', 1912, 7, 30],
    ['大正元年7月30日', 1912, 7, 30],
  ])('accepts %s (boundary and overlap days)', (date, year, month, day) => {
    expect(parseJapaneseDate(date)).toMatchObject({ year, month, day });
  });

  it('plausibility: 1900 up to today, never the future', () => {
    const now = new Date(Date.UTC(2026, 3, 1));
    expect(isPlausibleBirthDate('2026年4月1日', now)).toBe(true);
    expect(isPlausibleBirthDate('2026年4月2日', now)).toBe(false);
    expect(isPlausibleBirthDate('1899年12月31日', now)).toBe(false);
    expect(isPlausibleBirthDate('明治33年1月1日', now)).toBe(true);
  });

  it('era-implied and era-coded forms fit some era', () => {
    const now = new Date(Date.UTC(2026, 3, 1));
    expect(isEraImpliedBirthDate('60.4.1', now)).toBe(true); // 昭和60
    expect(isEraImpliedBirthDate('64.1.8', now)).toBe(true); // 昭和64年1月8日 is the overlap day
    expect(isEraImpliedBirthDate('60.2.30', now)).toBe(false);
    expect(isEraImpliedBirthDate('3600401', now)).toBe(true); // 3 = 昭和 (1-5 codes)
    expect(isEraImpliedBirthDate('5010501', now)).toBe(true); // 5 = 令和元年5月1日 or 昭和元年 (odd codes): valid either way
    expect(isEraImpliedBirthDate('3650101', now)).toBe(false); // neither 昭和65 nor 大正65 exists
    expect(isEraImpliedBirthDate('9090101', now)).toBe(false); // 令和9年1月1日 (odd codes) is after "now"
    expect(isEraImpliedBirthDate('6600401', now)).toBe(false); // no era has code 6
  });
});

describe('date of birth: generated dates', () => {
  it('parseJapaneseDate reads every generated 和暦 date back to its Gregorian date', () => {
    fc.assert(
      fc.property(warekiArb(), (w) => {
        expect(parseJapaneseDate(w.text), w.text).toMatchObject({ year: w.year, month: w.month, day: w.day });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Intl (ja-JP-u-ca-japanese) on the era and era year of every date since 1873', () => {
    const fmt = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
    fc.assert(
      fc.property(warekiArb(), (w) => {
        const parsed = parseJapaneseDate(w.text);
        const date = new Date(Date.UTC(w.year, w.month - 1, w.day));
        const parts = fmt.formatToParts(date);
        const era = parts.find((p) => p.type === 'era')?.value;
        const yearPart = parts.find((p) => p.type === 'year')?.value ?? '';
        const eraYear = yearPart === '元' ? 1 : Number(yearPart);
        const row = ERA_ROWS.find((r) => r[0] === era);
        // On an overlap day (大正15年12月25日 = 昭和元年12月25日) Intl names the new era; both spellings are the same day.
        expect(row, `${w.text} -> ${era}`).toBeDefined();
        expect((row?.[3] ?? 0) + eraYear).toBe(parsed?.year);
      }),
      { numRuns: 300 },
    );
  });

  const CONTEXT = ['生年月日', '誕生日', '出生日', 'DOB', 'Date of birth', 'born'];

  it('finds generated birth dates (和暦 and Gregorian, 1900 to today) after a birth context word, with exact spans', () => {
    const birth = fc.oneof(warekiArb(BIRTH_FROM, TODAY), gregorianArb(BIRTH_FROM, TODAY)).map((w) => w.text);
    fc.assert(
      fc.property(embeddedArb(birth, CONTEXT), (e) => expectFoundExactly(e, 'common.date_of_birth', 'DATE_OF_BIRTH')),
      { numRuns: 400 },
    );
  });

  it('flags no date in generated HR sentences about meetings, hiring, pay days and deadlines', () => {
    const date = fc.oneof(warekiArb(Date.UTC(1990, 0, 1), TODAY), gregorianArb(Date.UTC(1990, 0, 1), TODAY));
    const sentence = fc
      .tuple(
        date,
        fc.constantFrom(
          (d: string) => `会議は${d} 10:00 から第3会議室で行います`,
          (d: string) => `入社日 ${d}`,
          (d: string) => `${d}入社`,
          (d: string) => `支給日：${d}`,
          (d: string) => `提出期限は${d}です`,
          (d: string) => `${d}付で人事異動`,
          (d: string) => `${d}時点で在籍者は120名`,
          (d: string) => `更新日 ${d}`,
          (d: string) => `The meeting is on ${d}.`,
          (d: string) => `She joined on ${d} as an engineer.`,
        ),
      )
      .map(([d, s]) => s(d.text));
    fc.assert(
      fc.property(sentence, (text) => {
        expect(dobs(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
