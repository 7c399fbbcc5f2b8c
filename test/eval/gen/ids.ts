// Identifiers with valid check digits where one exists: My Number, corporate number, insurer number and cards from
// @kamen/core's published algorithms (each verified against the statute's worked examples in its own tests);
// IBAN and US SSN generators are written here from ISO 13616 and the SSA's rules.
import {
  corporateNumberCheckDigit,
  driversLicenseCheckDigit,
  insurerNumberCheckDigit,
  luhnCheckDigit,
  myNumberCheckDigit,
} from '@kamen/core';
import { digits, fullWidth, int, numeric, pad, pick, whole, type Rand, type Value } from './random.js';

const SPACES = [' ', '　'];
const DASHES = ['-', '－', 'ー', '‐', '−'];

/** A valid My Number in every written form: 12 digits, 4-4-4 with spaces or dashes, full-width. */
export function myNumber(r: Rand): Value {
  let base = digits(r, 11);
  while (/^(\d)\1+$/.test(base)) base = digits(r, 11);
  const d = `${base}${myNumberCheckDigit(base)}`;
  const groups = [d.slice(0, 4), d.slice(4, 8), d.slice(8)];
  const v = pick(r, [
    d,
    groups.join(' '),
    groups.join('-'),
    groups.join(pick(r, SPACES)),
    groups.join(pick(r, DASHES)),
    fullWidth(d),
    fullWidth(groups.join('-')),
    fullWidth(groups.join(' ')),
  ]);
  return numeric(v);
}

/** A valid corporate number (13 digits, check digit first), plain, grouped or as an invoice number `T…`. */
export function corporateNumber(r: Rand): Value {
  const base = digits(r, 12);
  const d = `${corporateNumberCheckDigit(base)}${base}`;
  return numeric(pick(r, [d, d, `T${d}`, `${d.slice(0, 1)}-${d.slice(1, 5)}-${d.slice(5, 9)}-${d.slice(9)}`]));
}

/** 基礎年金番号: 4-6 digits, with a dash, without, or full-width. */
export function pension(r: Rand): Value {
  const a = `${int(r, 1, 9)}${digits(r, 3)}`;
  const b = digits(r, 6);
  return numeric(pick(r, [`${a}-${b}`, `${a}-${b}`, `${a}${b}`, fullWidth(`${a}-${b}`), `${a} ${b}`]));
}

/** 雇用保険被保険者番号: 4-6-1 digits. */
export function employmentInsurance(r: Rand): Value {
  const g = [digits(r, 4), digits(r, 6), digits(r, 1)];
  return numeric(pick(r, [g.join('-'), g.join('-'), g.join(''), fullWidth(g.join('-'))]));
}

/** 保険者番号 with its check digit: 8 digits (法別 + 都道府県 + 保険者別) or 6 for 国民健康保険. */
export function insurerNumber(r: Rand): Value {
  const body = pick(r, [
    `${pick(r, ['01', '06', '31', '32', '34', '63'])}${pad(int(r, 1, 47), 2)}${digits(r, 3)}`,
    `${pad(int(r, 1, 47), 2)}${digits(r, 3)}`,
  ]);
  return numeric(`${body}${insurerNumberCheckDigit(body)}`);
}

/** 被保険者証の記号 or 番号 (digits; 協会けんぽ 記号 is up to 8 digits, 番号 up to 7). */
export const insuredSymbol = (r: Rand): Value => numeric(`${int(r, 1, 9)}${digits(r, int(r, 3, 7))}`);

/** 運転免許証番号: 公安委員会 code, first-licence year, serial, check digit, reissue count. */
export function driversLicense(r: Rand): Value {
  const code = pick(r, ['30', '30', '45', '54', '62', '11', '21', '90']);
  const first10 = `${code}${pad(int(r, 70, 120) % 100, 2)}${digits(r, 6)}`;
  const d = `${first10}${driversLicenseCheckDigit(first10)}${int(r, 0, 2)}`;
  return numeric(pick(r, [d, d, fullWidth(d)]));
}

/** 旅券番号: two letters and seven digits. */
export const passport = (r: Rand): Value =>
  whole(`${pick(r, ['T', 'M', 'R'])}${pick(r, ['R', 'K', 'Z', 'S', 'H'])}${digits(r, 7)}`);

/** 在留カード番号: two letters, eight digits, two letters. */
export function residenceCard(r: Rand): Value {
  const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const l = (): string => `${pick(r, [...L])}${pick(r, [...L])}`;
  return whole(`${l()}${digits(r, 8)}${l()}`);
}

/** 口座番号: 7 digits, or a ゆうちょ 記号-番号 pair. */
export function bankAccount(r: Rand): Value {
  return numeric(
    pick(r, [
      `${int(r, 0, 9)}${digits(r, 6)}`,
      `${int(r, 0, 9)}${digits(r, 6)}`,
      fullWidth(`${int(r, 0, 9)}${digits(r, 6)}`),
      `1${digits(r, 4)}-${digits(r, 7)}1`,
    ]),
  );
}

/** A Luhn-valid card number of a real brand layout (Visa, Mastercard, JCB, Amex, Diners). */
export function creditCard(r: Rand): Value {
  const brand = int(r, 0, 4);
  const prefix = ['4', `5${int(r, 1, 5)}`, `35${int(r, 28, 89)}`, pick(r, ['34', '37']), '36'][brand] as string;
  const len = brand === 3 ? 15 : brand === 4 ? 14 : 16;
  const body = `${prefix}${digits(r, len - 1 - prefix.length)}`;
  const d = `${body}${luhnCheckDigit(body)}`;
  const groups =
    len === 16
      ? [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)]
      : len === 15
        ? [d.slice(0, 4), d.slice(4, 10), d.slice(10)]
        : [d.slice(0, 4), d.slice(4, 10), d.slice(10)];
  return numeric(pick(r, [d, groups.join('-'), groups.join(' '), fullWidth(groups.join('-'))]));
}

/** A US SSN the SSA could issue: area 001-899 except 666, group 01-99, serial 0001-9999. */
export function ssn(r: Rand): Value {
  let area = int(r, 1, 899);
  if (area === 666) area = 667;
  const v = `${pad(area, 3)}-${pad(int(r, 1, 99), 2)}-${pad(int(r, 1, 9999), 4)}`;
  return numeric(v);
}

// ISO 13616: check digits = 98 - (BBAN + country letters as numbers + "00") mod 97.
function mod97(s: string): number {
  let rem = 0;
  for (const c of s) rem = (rem * (c >= 'A' ? 100 : 10) + (c >= 'A' ? c.charCodeAt(0) - 55 : Number(c))) % 97;
  return rem;
}
const IBAN_FORMATS: [string, (r: Rand) => string][] = [
  ['DE', (r) => digits(r, 18)],
  ['GB', (r) => `${pick(r, ['NWBK', 'BARC', 'HBUK', 'LOYD'])}${digits(r, 14)}`],
  ['FR', (r) => `${digits(r, 10)}${digits(r, 11)}${digits(r, 2)}`],
  ['NL', (r) => `${pick(r, ['ABNA', 'INGB', 'RABO'])}${digits(r, 10)}`],
  ['ES', (r) => digits(r, 20)],
];

/** A valid IBAN, compact or printed in groups of four. */
export function iban(r: Rand): Value {
  const [country, bbanOf] = pick(r, IBAN_FORMATS);
  const bban = bbanOf(r);
  const check = pad(98 - mod97(`${bban}${country}00`), 2);
  const compact = `${country}${check}${bban}`;
  const printed = compact.replace(/(.{4})(?=.)/g, '$1 ');
  const value = pick(r, [compact, printed]);
  return { value, fragments: [...(value.match(/\d{4,}/g) ?? []), compact.slice(-4)] };
}

/** An IPv4 address outside private and documentation ranges, or an IPv6 address. */
export function ipAddress(r: Rand): Value {
  if (r() < 0.75) return whole(`${int(r, 11, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`);
  const h = (): string => int(r, 1, 0xffff).toString(16);
  return whole(pick(r, [`2001:db8:${h()}:${h()}::${h()}`, `2400:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`]));
}
