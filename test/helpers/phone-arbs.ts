/**
 * Synthetic Japanese phone numbers of every kind (jp-pii-spec.md §4) in every written form, and near misses that
 * share their digits' shape. Subscriber digits are random; numbers libphonenumber/max rejects (unassigned ranges)
 * are filtered out, since a real document would not hold them.
 */
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { DASH_VARIANTS, digitsArb } from './generators.js';

export interface PhoneKind {
  readonly name: string;
  /** National digits, leading 0 included. */
  readonly digits: fc.Arbitrary<string>;
  /** The usual grouping of those digits. */
  readonly groups: (d: string) => [string, string, string];
}

function kind(name: string, prefixes: readonly string[], lengths: readonly [number, number, number]): PhoneKind {
  const total = lengths[0] + lengths[1] + lengths[2];
  return {
    name,
    digits: fc
      .tuple(fc.constantFrom(...prefixes), fc.integer({ min: 2, max: 9 }), digitsArb(total))
      .map(([p, first, rest]) => `${p}${first}${rest}`.slice(0, total))
      .filter((d) => isValidPhoneNumber(d, 'JP')),
    groups: (d) => [
      d.slice(0, lengths[0]),
      d.slice(lengths[0], lengths[0] + lengths[1]),
      d.slice(lengths[0] + lengths[1]),
    ],
  };
}

/** Fixed lines with 2- to 5-digit area codes, mobiles (060-090), IP (050), toll-free (0120, 0800), navi dial (0570). */
export const JP_PHONE_KINDS: readonly PhoneKind[] = [
  kind('fixed, 2-digit area code', ['03', '06'], [2, 4, 4]),
  kind('fixed, 3-digit area code', ['045', '052', '092', '075', '011'], [3, 3, 4]),
  kind('fixed, 4-digit area code', ['0123', '0166', '0422', '0466'], [4, 2, 4]),
  kind('fixed, 5-digit area code', ['01267', '01456', '04992'], [5, 1, 4]),
  kind('mobile', ['060', '070', '080', '090'], [3, 4, 4]),
  kind('IP phone', ['050'], [3, 4, 4]),
  kind('toll-free 0120', ['0120'], [4, 3, 3]),
  kind('toll-free 0800', ['0800'], [4, 3, 4]),
  kind('navi dial', ['0570'], [4, 3, 3]),
];

const FULL_WIDTH: Readonly<Record<string, string>> = { '+': '＋', '(': '（', ')': '）', ' ': '\u3000' };
/** Digits and + ( ) to full width; dashes stay as the form wrote them. */
export function toFullWidthPhone(s: string): string {
  return s.replace(/[0-9+() ]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

type Form = (g: [string, string, string], sep: string) => string;
const FORMS: readonly Form[] = [
  (g, sep) => g.join(sep),
  (g) => g.join(' '),
  (g) => g.join(''),
  (g, sep) => `(${g[0]})${g[1]}${sep}${g[2]}`,
  (g) => `${g[0]}(${g[1]})${g[2]}`,
  (g, sep) => `+81${sep}${g[0].slice(1)}${sep}${g[1]}${sep}${g[2]}`,
  (g) => `+81 ${g[0].slice(1)} ${g[1]} ${g[2]}`,
  (g, sep) => `+81(0)${g[0].slice(1)}${sep}${g[1]}${sep}${g[2]}`,
  (g) => `+81${g.join('').slice(1)}`,
];

/** A generated number of any kind in any written form: dashes of every kind, spaces, parentheses, +81, full width. */
export const jpPhoneInEveryFormArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(...JP_PHONE_KINDS.map((k) => k.digits.map(k.groups))),
    fc.constantFrom(...FORMS),
    fc.constantFrom(...DASH_VARIANTS),
    fc.boolean(),
  )
  .map(([groups, form, sep, fw]) => {
    const written = form(groups, sep);
    return fw ? toFullWidthPhone(written) : written;
  });

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Texts whose digits look like a phone number's but are not one. */
export const jpPhoneNearMissArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 10_000, max: 99_999_999 }).map((n) => `基本給 ${n.toLocaleString('en-US')}円`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `注文番号 0${pad(n, 9)}`),
  fc.integer({ min: 0, max: 999_999_999 }).map((n) => `Order No. 0${pad(n, 10)}`),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9999 }))
    .map(([a, b]) => `〒${pad(a, 3)}-${pad(b, 4)}`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `口座番号 ${pad(n, 7)}`),
  fc
    .date({ min: new Date('1950-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .chain((d) =>
      fc.constantFrom(
        `${d.toISOString().slice(0, 10)} の会議`,
        `支給日 ${d.toISOString().slice(0, 10).replace(/-/g, '/')}`,
        `入社日 ${d.toISOString().slice(0, 10).replace(/-/g, '')}`,
      ),
    ),
  fc.integer({ min: 100, max: 9_999 }).map((n) => `内線 ${n}`),
  // One digit short of a mobile number: libphonenumber's min metadata accepts these, max does not.
  fc.tuple(fc.constantFrom('090', '080', '070'), digitsArb(7)).map(([p, d]) => `${p}-${d.slice(0, 4)}-${d.slice(4)}`),
);
