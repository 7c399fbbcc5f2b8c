// Dates of birth in the ways HR data writes them: 和暦 (kanji era, letter era, 元年, full-width) and Gregorian.
// Era offsets follow jp-pii-spec.md §6; days stay ≤ 28 so every date exists.
import { fakerEN } from '@faker-js/faker';
import { fullWidth, int, pad, pick, whole, type Rand, type Value } from './random.js';

const ERAS: [kanji: string, letter: string, offset: number, from: number, to: number][] = [
  ['昭和', 'S', 1925, 1945, 1988],
  ['平成', 'H', 1988, 1989, 2008],
];

/** A Japanese-style date of birth: 昭和60年4月1日, S60.4.1, 平成元年…, 1985年4月1日, 1985/04/01, full-width. */
export function dobJa(r: Rand): Value {
  const [era, letter, offset, from, to] = pick(r, ERAS);
  const y = int(r, from, to);
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  const ey = y - offset;
  const eyText = ey === 1 ? '元' : String(ey);
  const v = pick(r, [
    `${era}${eyText}年${m}月${d}日`,
    `${era}${eyText}年${m}月${d}日`,
    `${letter}${ey}.${m}.${d}`,
    `${letter}${ey}/${pad(m, 2)}/${pad(d, 2)}`,
    `${y}年${m}月${d}日`,
    `${y}/${pad(m, 2)}/${pad(d, 2)}`,
    `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    fullWidth(`${era}${eyText}年${m}月${d}日`),
    fullWidth(`${y}年${m}月${d}日`),
  ]);
  return whole(v);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An English-style date of birth: ISO, `March 4, 1985`, `4 Mar 1985`, `03/04/1985`. */
export function dobEn(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const date = fakerEN.date.birthdate({ min: 18, max: 70, mode: 'age', refDate: '2026-01-01T00:00:00Z' });
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const v = pick(r, [
    `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
    `${d} ${MONTHS[m - 1]} ${y}`,
    `${pad(m, 2)}/${pad(d, 2)}/${y}`,
  ]);
  return whole(v);
}
