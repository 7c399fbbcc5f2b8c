import { readFileSync } from 'node:fs';
import { myNumberCheckDigit } from '@kamen/core';

/**
 * One employee of the demo HR application. Every value is SYNTHETIC: composed at startup from
 * packages/proxy/demo-data/employee-parts.json (generated names, Japan Post 町域) and random digits.
 */
export interface Employee {
  readonly 社員番号: string;
  readonly 氏名: string;
  readonly フリガナ: string;
  readonly 生年月日: string;
  readonly 郵便番号: string;
  readonly 住所: string;
  readonly 電話番号: string;
  readonly メール: string;
  readonly 個人番号: string;
  readonly 口座: string;
  readonly 給与: number;
  readonly 備考: string;
}

/** The record's columns in CSV/XML order. */
export const EMPLOYEE_FIELDS: readonly (keyof Employee)[] = [
  '社員番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '郵便番号',
  '住所',
  '電話番号',
  'メール',
  '個人番号',
  '口座',
  '給与',
  '備考',
];

/** A generated employee plus the personal values written into its free-text 備考 (for tests that look for them). */
export interface GeneratedEmployee {
  readonly record: Employee;
  readonly remarkValues: readonly string[];
}

interface Parts {
  readonly lastNames: readonly (readonly [string, string, string])[];
  readonly firstNames: readonly (readonly [string, string, string])[];
  readonly addresses: readonly (readonly [string, string, string, string])[];
  readonly buildings: readonly string[];
  readonly banks: readonly string[];
}

const PARTS_FILE = new URL('../../demo-data/employee-parts.json', import.meta.url);
let parts: Parts | undefined;
const loadParts = (): Parts => (parts ??= JSON.parse(readFileSync(PARTS_FILE, 'utf8')) as Parts);

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same employees on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default seed of the demo; tests and the benchmark use it too, so they see the same people. */
export const DEMO_SEED = 20261130;

/**
 * `count` synthetic employees, E10001 onwards. Deterministic for a given seed; a larger count extends a smaller one
 * (employee i does not depend on count).
 */
export function generateEmployees(count: number, seed: number = DEMO_SEED): GeneratedEmployee[] {
  const p = loadParts();
  const out: GeneratedEmployee[] = [];
  for (let i = 0; i < count; i++) out.push(generateEmployee(p, rng(seed + i * 7919), i));
  return out;
}

function generateEmployee(p: Parts, r: () => number, i: number): GeneratedEmployee {
  const int = (min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const mobile = (): string => `${pick(['090', '080', '070'])}-${int(1, 9)}${digits(3)}-${digits(4)}`;

  const [last, lastKana, lastRomaji] = pick(p.lastNames);
  const [first, firstKana, firstRomaji] = pick(p.firstNames);
  const [zip, pref, city, town] = pick(p.addresses);
  const building = r() < 0.5 ? ` ${pick(p.buildings)}${int(1, 9)}0${int(1, 9)}号室` : '';
  const born = new Date(Date.UTC(int(1960, 2003), int(0, 11), int(1, 28)));
  const myNumberBody = `${int(1, 9)}${digits(10)}`;
  const [, , kinCity, kinTown] = pick(p.addresses);
  const [kinLast] = pick(p.lastNames);
  const [kinFirst] = pick(p.firstNames);
  const kinPhone = mobile();
  const newAccount = digits(7);
  const bank = pick(p.banks);

  let remark: string;
  let remarkValues: string[];
  switch (i % 4) {
    case 0:
      remark = `緊急連絡先：${last} ${kinFirst}様（配偶者） 携帯 ${kinPhone}`;
      remarkValues = [`${last} ${kinFirst}`, kinPhone];
      break;
    case 1:
      remark = `${last}さんより住所変更の届出あり。旧住所 ${kinCity}${kinTown}${int(1, 9)}-${int(1, 30)}-${int(1, 20)}`;
      remarkValues = [`${kinCity}${kinTown}`];
      break;
    case 2:
      remark = `給与振込口座を${bank}の普通預金 口座番号${newAccount}に変更（${int(2024, 2026)}年${int(1, 12)}月分から）。`;
      remarkValues = [newAccount];
      break;
    default:
      remark = `身元保証人 ${kinLast} ${kinFirst}様、連絡先 ${kinPhone}`;
      remarkValues = [`${kinLast} ${kinFirst}`, kinPhone];
  }

  const record: Employee = {
    社員番号: `E${10001 + i}`,
    氏名: `${last} ${first}`,
    フリガナ: `${lastKana} ${firstKana}`,
    生年月日: born.toISOString().slice(0, 10),
    郵便番号: zip,
    住所: `${pref}${city}${town}${int(1, 9)}-${int(1, 40)}-${int(1, 30)}${building}`,
    電話番号: mobile(),
    メール: `${firstRomaji}.${lastRomaji}${int(1, 99)}@${pick(['example.co.jp', 'example.jp', 'example.com'])}`,
    個人番号: myNumberBody + String(myNumberCheckDigit(myNumberBody)),
    口座: `${bank} ${town}支店 普通 ${digits(7)}`,
    給与: int(22, 95) * 10_000,
    備考: remark,
  };
  return { record, remarkValues };
}
