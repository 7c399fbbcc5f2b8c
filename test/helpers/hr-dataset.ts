/**
 * Small synthetic Japanese HR tables for the scan/reveal/policy tests: names and readings (gimei, fakerJA), phones,
 * e-mails, valid My Numbers, a department column with no PII and a free-text 備考 column. Seeded: the same seed
 * gives the same table. Every generated personal value is listed in `pii` so a test can grep output for it.
 */
import { email, phoneJa } from '../eval/gen/contact.js';
import { myNumber } from '../eval/gen/ids.js';
import { jaName, nameKana } from '../eval/gen/names.js';
import { int, pick, rng, type Rand } from '../eval/gen/random.js';

export const HR_HEADER = ['社員番号', '氏名', 'フリガナ', '電話番号', 'メール', '個人番号', '部署', '備考'] as const;
const DEPARTMENTS = ['営業部', '総務部', '人事部', '開発部', '経理部'];

export interface HrTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Every personal value generated (names, readings, phones, e-mails, My Numbers, the phones in 備考). */
  readonly pii: readonly string[];
}

function note(r: Rand, pii: string[]): string {
  switch (int(r, 0, 2)) {
    case 0:
      return '特になし';
    case 1: {
      const phone = phoneJa(r).value;
      pii.push(phone);
      return `緊急連絡先は${phone}です`;
    }
    default:
      return '在宅勤務を希望';
  }
}

/** `n` rows of HR data; ASCII-safe for CSV (no delimiter, quote or line break inside a value). */
export function hrTable(n: number, seed = 1): HrTable {
  const r = rng(seed);
  const pii: string[] = [];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const values = [jaName(r).value, nameKana(r).value, phoneJa(r).value, email(r).value, myNumber(r).value];
    pii.push(...values);
    const [name, kana, phone, mail, myNo] = values as [string, string, string, string, string];
    rows.push([`E${String(10000 + i)}`, name, kana, phone, mail, myNo, pick(r, DEPARTMENTS), note(r, pii)]);
  }
  return { header: HR_HEADER, rows, pii };
}

export function toCsv(table: HrTable, delimiter = ','): string {
  return [table.header, ...table.rows].map((row) => row.join(delimiter)).join('\n') + '\n';
}

/** The forms a leaked value could take: as written, NFKC, and its digits alone (for values with 6+ digits). */
export function leakForms(value: string): string[] {
  const forms = new Set([value, value.normalize('NFKC')]);
  const digits = value.normalize('NFKC').replace(/\D/g, '');
  if (digits.length >= 6) forms.add(digits);
  return [...forms];
}

/** The generated values found in `text` in any of their leak forms (expected: none). */
export function leaked(text: string, pii: readonly string[]): string[] {
  const nfkc = text.normalize('NFKC');
  const squashed = nfkc.replace(/\D/g, '');
  return pii.filter((v) =>
    leakForms(v).some((f) => text.includes(f) || nfkc.includes(f) || (/^\d+$/.test(f) && squashed.includes(f))),
  );
}
