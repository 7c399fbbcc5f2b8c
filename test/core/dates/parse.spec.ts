import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJapaneseDate } from '../../../packages/core/src/dates/parse.js';
import { ERAS } from '../../../packages/core/src/dates/eras.js';

describe('parseJapaneseDate', () => {
  it.each([
    ['昭和60年4月1日', 1985, 4, 1],
    ['昭和６０年４月１日', 1985, 4, 1],
    ['S60.4.1', 1985, 4, 1],
    ['S60/04/01', 1985, 4, 1],
    ['S.60.4.1', 1985, 4, 1],
    ['S600401', 1985, 4, 1],
    ['H1.1.8', 1989, 1, 8],
    ['平成元年1月8日', 1989, 1, 8],
    ['R1.5.1', 2019, 5, 1],
    ['令和元年５月１日', 2019, 5, 1],
    ['大正15年12月25日', 1926, 12, 25],
    ['1985年4月1日', 1985, 4, 1],
    ['1985/4/1', 1985, 4, 1],
    ['1985-04-01', 1985, 4, 1],
    ['１９８５－０４－０１', 1985, 4, 1],
    ['19850401', 1985, 4, 1],
    ['April 1, 1985', 1985, 4, 1],
    ['1 April 1985', 1985, 4, 1],
    ['01/04/1985', 1985, 4, 1],
    ['12/31/1985', 1985, 12, 31],
  ])('reads %s', (text, year, month, day) => {
    expect(parseJapaneseDate(text)).toMatchObject({ year, month, day });
  });

  it.each([
    '昭和65年1月1日',
    '平成32年1月1日',
    '令和0年1月1日',
    '1985/2/30',
    '2026年13月1日',
    '明日',
    '350,000円',
    '1.2.3',
  ])('rejects %s', (text) => {
    expect(parseJapaneseDate(text)).toBeNull();
  });

  it('round-trips every valid era date against Intl (ja-JP-u-ca-japanese)', () => {
    const fmt = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const dayArb = fc
      .integer({ min: Date.UTC(1873, 0, 1), max: Date.UTC(2035, 11, 31) })
      .map((t) => new Date(t - (t % 86_400_000)));
    fc.assert(
      fc.property(dayArb, (date) => {
        const written = fmt.format(date); // e.g. 昭和60年4月1日 (元年 as 元年)
        const parsed = parseJapaneseDate(written);
        expect(parsed).toMatchObject({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(ERAS.map((e) => e.name)).toContain(parsed?.era);
      }),
      { numRuns: 300 },
    );
  });
});
