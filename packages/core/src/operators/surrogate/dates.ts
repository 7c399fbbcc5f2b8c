import { parseJapaneseDate } from '../../dates/parse.js';
import { KeyedChoices } from './keyed.js';

interface Era {
  readonly name: string;
  readonly kanji: string;
  readonly latin: string;
  /** First day, as days since 1970-01-01 (UTC). */
  readonly start: number;
  readonly offset: number;
}

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

// Era boundaries from jp-pii-spec.md §6 (ICU agrees). Newest first so the first era starting on or before a
// date is its era.
const ERAS: readonly Era[] = [
  { name: '令和', kanji: '令', latin: 'R', start: day(2019, 5, 1), offset: 2018 },
  { name: '平成', kanji: '平', latin: 'H', start: day(1989, 1, 8), offset: 1988 },
  { name: '昭和', kanji: '昭', latin: 'S', start: day(1926, 12, 25), offset: 1925 },
  { name: '大正', kanji: '大', latin: 'T', start: day(1912, 7, 30), offset: 1911 },
  { name: '明治', kanji: '明', latin: 'M', start: day(1868, 1, 25), offset: 1867 },
];

const eraOf = (days: number): Era | undefined => ERAS.find((e) => e.start <= days);

/** The era marker as written: 昭和 / 昭 / S / s / Ｓ (width and case kept). */
const ERA_MARK =
  /明治|大正|昭和|平成|令和|[明大昭平令](?=[0-9\uff10-\uff19元])|[MTSHRmtshrＭＴＳＨＲｍｔｓｈｒ](?=\.?[0-9\uff10-\uff19元])/u;
const RUN = /[0-9\uff10-\uff19]+|元/gu;

function renderMark(original: string, era: Era): string {
  if (original.length === 2) return era.name;
  if (/[明大昭平令]/u.test(original)) return era.kanji;
  const c = original.charCodeAt(0);
  const wide = c >= 0xff21;
  const lower = (wide ? c - 0xfee0 : c) >= 0x61;
  const letter = lower ? era.latin.toLowerCase() : era.latin;
  return wide ? String.fromCharCode(letter.charCodeAt(0) + 0xfee0) : letter;
}

const leadingZero = (run: string): boolean => run.length >= 2 && (run.startsWith('0') || run.startsWith('０'));

function renderNumber(n: number, original: string, padded: boolean): string {
  if (original === '元') return n === 1 ? '元' : String(n);
  const wide = original.charCodeAt(0) >= 0xff10;
  const s = String(n).padStart(padded ? original.length : 1, '0');
  return wide ? s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + d.charCodeAt(0) - 0x30)) : s;
}

const toInt = (run: string): number => (run === '元' ? 1 : Number(run.normalize('NFKC')));

/** Digits replaced by '*' in their own width: the form of a date that cannot be read is kept, its value is not. */
function blank(value: string): string {
  return value.replace(/\d/g, '*').replace(/[\uff10-\uff19]/gu, '＊');
}

/**
 * 昭和60年4月1日 -> 昭和60年9月17日: the date moves by a keyed, non-zero offset within ±windowDays but stays in the same
 * 5-year birth-year band (1985–1989), so ages and age bands computed from it stay within a year of the truth.
 * The written form is kept: era form stays era form (with the right era after the shift), full-width stays
 * full-width, zero padding and separators are kept, compact 19850401 stays compact.
 */
export function surrogateDate(value: string, key: Uint8Array, windowDays: number): string {
  const parsed = parseJapaneseDate(value);
  if (parsed === null) return blank(value);
  const mark = ERA_MARK.exec(value);
  const from = mark === null ? 0 : mark.index + mark[0].length;
  const runs: { start: number; text: string }[] = [];
  for (const m of value.slice(from).matchAll(RUN)) runs.push({ start: from + (m.index ?? 0), text: m[0] });
  // Compact forms: 19850401 or S600401 are one run; split into year / month / day.
  const compact = runs.length === 1;
  if (compact) {
    const only = runs[0] as { start: number; text: string };
    const yl = only.text.length === 8 ? 4 : only.text.length === 6 ? 2 : 0;
    if (yl === 0) return blank(value);
    runs.splice(
      0,
      1,
      ...[0, yl, yl + 2].map((o, i) => ({ start: only.start + o, text: only.text.slice(o, i === 0 ? yl : o + 2) })),
    );
  }
  if (runs.length < 3) return blank(value);
  const [y, m, d] = runs as [
    { start: number; text: string },
    { start: number; text: string },
    { start: number; text: string },
  ];
  const original = day(parsed.year, parsed.month, parsed.day);
  const originalEra = eraOf(original);
  const eraForm = toInt(y.text) !== parsed.year;
  if (toInt(m.text) !== parsed.month || toInt(d.text) !== parsed.day) return blank(value);
  if (eraForm && (originalEra === undefined || toInt(y.text) !== parsed.year - originalEra.offset)) return blank(value);

  const bandStart = day(parsed.year - (parsed.year % 5), 1, 1);
  const bandEnd = day(parsed.year - (parsed.year % 5) + 5, 1, 1) - 1;
  const choices = new KeyedChoices(key, 'DATE_OF_BIRTH', `${parsed.year}-${parsed.month}-${parsed.day}`);
  const magnitude = 1 + choices.below(Math.max(1, windowDays));
  let shifted = original + (choices.below(2) === 0 ? magnitude : -magnitude);
  if (shifted < bandStart || shifted > bandEnd) shifted = 2 * original - shifted;
  shifted = Math.min(bandEnd, Math.max(bandStart, shifted));
  if (shifted === original) shifted = original === bandEnd ? original - 1 : original + 1;
  // An era written only by its year (60.4.1) cannot change era: stay inside the original era.
  if (eraForm && mark === null && eraOf(shifted) !== originalEra) shifted = 2 * original - shifted;
  const date = new Date(shifted * 86_400_000);
  const era = eraOf(shifted);
  if (eraForm && (era === undefined || (mark === null && era !== originalEra))) return blank(value);
  const year = eraForm ? date.getUTCFullYear() - (era as Era).offset : date.getUTCFullYear();
  // Zero padding belongs to the whole date, not to one number: 1980-11-19 is a padded form although neither 11 nor
  // 19 shows a zero (two 2-digit numbers between - / . separators), as is every date whose month or day shows one.
  // 11月19日 (kanji separators) shows nothing either way and stays unpadded.
  const padDate =
    compact ||
    leadingZero(m.text) ||
    leadingZero(d.text) ||
    (m.text.length === 2 && d.text.length === 2 && !/[年月]/u.test(value.slice(y.start, d.start)));
  const parts: { start: number; end: number; text: string }[] = [
    { start: y.start, end: y.start + y.text.length, text: renderNumber(year, y.text, compact || leadingZero(y.text)) },
    { start: m.start, end: m.start + m.text.length, text: renderNumber(date.getUTCMonth() + 1, m.text, padDate) },
    { start: d.start, end: d.start + d.text.length, text: renderNumber(date.getUTCDate(), d.text, padDate) },
  ];
  if (mark !== null && eraForm) parts.unshift({ start: mark.index, end: from, text: renderMark(mark[0], era as Era) });
  let out = '';
  let last = 0;
  for (const p of parts) {
    out += value.slice(last, p.start) + p.text;
    last = p.end;
  }
  return out + value.slice(last);
}
