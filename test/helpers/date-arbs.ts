/**
 * Synthetic dates in every way Japanese and English HR documents write them (jp-pii-spec.md §6), with the
 * Gregorian date they stand for, computed here from the era table of the spec (not from kamen's).
 */
import fc from 'fast-check';

export interface WrittenDate {
  readonly text: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Era name, one-kanji mark, letter, offset (西暦 = 和暦年 + offset), first day, last day (inclusive, overlap day). */
const ERA_TABLE = [
  ['明治', '明', 'M', 1867, Date.UTC(1873, 0, 1), Date.UTC(1912, 6, 30)],
  ['大正', '大', 'T', 1911, Date.UTC(1912, 6, 30), Date.UTC(1926, 11, 25)],
  ['昭和', '昭', 'S', 1925, Date.UTC(1926, 11, 25), Date.UTC(1989, 0, 8)],
  ['平成', '平', 'H', 1988, Date.UTC(1989, 0, 8), Date.UTC(2019, 4, 1)],
  ['令和', '令', 'R', 2018, Date.UTC(2019, 4, 1), Date.UTC(2035, 11, 31)],
] as const;
export type EraRow = (typeof ERA_TABLE)[number];
export const ERA_ROWS: readonly EraRow[] = ERA_TABLE;

const DAY = 86_400_000;
const pad2 = (n: number): string => String(n).padStart(2, '0');
const FW = (s: string): string =>
  s.replace(/[0-9A-Z./-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

type WarekiForm = (mark: { name: string; kanji: string; latin: string }, y: number, m: number, d: number) => string;
const WAREKI_FORMS: readonly WarekiForm[] = [
  (e, y, m, d) => `${e.name}${y === 1 ? '元' : y}年${m}月${d}日`,
  (e, y, m, d) => `${e.kanji}${y}.${m}.${d}`,
  (e, y, m, d) => `${e.latin}${y}.${m}.${d}`,
  (e, y, m, d) => `${e.latin}${pad2(y)}/${pad2(m)}/${pad2(d)}`,
  (e, y, m, d) => `${e.latin}.${y}.${m}.${d}`,
  (e, y, m, d) => `${e.latin}${pad2(y)}${pad2(m)}${pad2(d)}`,
  (e, y, m, d) => `${e.latin}${y}-${m}-${d}`,
  (e, y, m, d) => `${e.name}${y}年${pad2(m)}月${pad2(d)}日`,
];

/** A day in [from, to] (UTC ms), as a Date. */
const dayArb = (from: number, to: number): fc.Arbitrary<Date> =>
  fc.integer({ min: Math.floor(from / DAY), max: Math.floor(to / DAY) }).map((n) => new Date(n * DAY));

/** A 和暦 date inside its era (overlap days included), in any written form, optionally full-width. */
export function warekiArb(from = Date.UTC(1873, 0, 1), to = Date.UTC(2035, 11, 31)): fc.Arbitrary<WrittenDate> {
  const eras = ERA_TABLE.filter((e) => e[5] >= from && e[4] <= to);
  return fc.tuple(fc.constantFrom(...eras), fc.constantFrom(...WAREKI_FORMS), fc.boolean()).chain(([era, form, fw]) =>
    dayArb(Math.max(era[4], from), Math.min(era[5], to)).map((date) => {
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      const d = date.getUTCDate();
      const text = form({ name: era[0], kanji: era[1], latin: era[2] }, y - era[3], m, d);
      return { text: fw ? FW(text) : text, year: y, month: m, day: d };
    }),
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
type GregorianForm = (y: number, m: number, d: number) => string;
const GREGORIAN_FORMS: readonly GregorianForm[] = [
  (y, m, d) => `${y}年${m}月${d}日`,
  (y, m, d) => `${y}/${m}/${d}`,
  (y, m, d) => `${y}-${pad2(m)}-${pad2(d)}`,
  (y, m, d) => `${y}${pad2(m)}${pad2(d)}`,
  (y, m, d) => `${y}.${pad2(m)}.${pad2(d)}`,
  (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  (y, m, d) => `${(MONTHS[m - 1] as string).slice(0, 3)}. ${d}, ${y}`,
];

/** A Gregorian date in any written form (day-first and month-first slashes excluded: they are ambiguous). */
export function gregorianArb(from: number, to: number): fc.Arbitrary<WrittenDate> {
  return fc.tuple(dayArb(from, to), fc.constantFrom(...GREGORIAN_FORMS)).map(([date, form]) => {
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    return { text: form(y, m, d), year: y, month: m, day: d };
  });
}
