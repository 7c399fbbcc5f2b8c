/**
 * Synthetic Japanese HR records for the `kamen mask` end-to-end tests, rendered as CSV/TSV, NDJSON, JSON, XML and
 * text. Deterministic (seeded), JIS X 0208 characters only (so every record also fits Shift_JIS/CP932/EUC-JP),
 * My Numbers with valid check digits. Nothing here is a real person.
 */
import { rng as prng } from '../eval/gen/random.js';
import { refMyNumberCheckDigit } from './reference-check-digits.js';

export interface HrRecord {
  readonly id: string;
  readonly name: string;
  readonly kana: string;
  readonly phone: string;
  readonly email: string;
  readonly myNumber: string;
  readonly birthDate: string;
  readonly department: string;
  readonly grade: string;
  readonly note: string;
  /** The PII values of the record that must never survive masking. */
  readonly pii: readonly string[];
}

const SURNAMES = [
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['中村', 'ナカムラ'],
] as const;
const GIVEN = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['健一', 'ケンイチ'],
  ['美咲', 'ミサキ'],
  ['大輔', 'ダイスケ'],
  ['陽子', 'ヨウコ'],
  ['直樹', 'ナオキ'],
] as const;
const DEPARTMENTS = ['営業部', '総務部', '人事部', '開発部', '経理課'] as const;
const GRADES = ['G1', 'G2', 'G3', 'M1'] as const;

export function generateHrRecords(count: number, seed = 1): HrRecord[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const out: HrRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [sn, sk] = pick(SURNAMES);
    const [gn, gk] = pick(GIVEN);
    // Allocated mobile ranges only (090-0xxx is not one): free-text detection validates numbers.
    const phone = `090-${1 + Math.floor(rnd() * 9)}${digits(3)}-${digits(4)}`;
    const contact = `080-${1 + Math.floor(rnd() * 9)}${digits(3)}-${digits(4)}`;
    const base = `${1 + Math.floor(rnd() * 9)}${digits(10)}`;
    const myNumber = base + String(refMyNumberCheckDigit(base));
    const y = 1960 + Math.floor(rnd() * 40);
    const m = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const d = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const email = `user${i}.${digits(3)}@example.co.jp`;
    const note = rnd() < 0.5 ? `緊急連絡先は${contact}です` : '特になし';
    out.push({
      id: `E${String(100000 + i)}`,
      name: `${sn} ${gn}`,
      kana: `${sk} ${gk}`,
      phone,
      email,
      myNumber,
      birthDate: `${y}-${m}-${d}`,
      department: pick(DEPARTMENTS),
      grade: pick(GRADES),
      note,
      pii: [
        `${sn} ${gn}`,
        `${sk} ${gk}`,
        phone,
        email,
        myNumber,
        `${y}-${m}-${d}`,
        ...(note.includes('080') ? [contact] : []),
      ],
    });
  }
  return out;
}

const CSV_HEADER = ['氏名', 'フリガナ', '電話番号', 'メール', '個人番号', '生年月日', '部署', '等級', '備考'] as const;

const csvRow = (r: HrRecord): string[] => [
  r.name,
  r.kana,
  r.phone,
  r.email,
  r.myNumber,
  r.birthDate,
  r.department,
  r.grade,
  r.note,
];

export interface CsvOptions {
  readonly delimiter?: string;
  readonly eol?: string;
  /** Quote these 0-based columns in every data row. */
  readonly quoted?: readonly number[];
}

export function toCsv(records: readonly HrRecord[], options: CsvOptions = {}): string {
  const delim = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  const quoted = new Set(options.quoted ?? []);
  const rows = records.map((r) => csvRow(r).map((v, i) => (quoted.has(i) ? `"${v.replaceAll('"', '""')}"` : v)));
  return [CSV_HEADER.join(delim), ...rows.map((r) => r.join(delim))].join(eol) + eol;
}

/** Column index of each CSV field, and which are not PII (must come out byte-identical). */
export const CSV_COLUMNS = CSV_HEADER;
export const NON_PII_COLUMNS = [6, 7] as const;

const jsonRecord = (r: HrRecord) => ({
  id: r.id,
  name: r.name,
  kana: r.kana,
  phone: r.phone,
  email: r.email,
  myNumber: r.myNumber,
  birthDate: r.birthDate,
  department: r.department,
  grade: r.grade,
  note: r.note,
  years: 3,
});

export const toNdjson = (records: readonly HrRecord[]): string =>
  records.map((r) => JSON.stringify(jsonRecord(r))).join('\n') + '\n';

/** JSON with My Number as a JSON number (numbers are not string leaves: the masker must still reach them). */
export const toJson = (records: readonly HrRecord[]): string =>
  JSON.stringify(
    {
      company: '株式会社サンプル',
      employees: records.map((r) => ({ ...jsonRecord(r), myNumber: Number(r.myNumber) })),
    },
    null,
    2,
  );

export function toXml(records: readonly HrRecord[], declaredEncoding = 'UTF-8'): string {
  const el = (r: HrRecord): string =>
    `  <employee code="${r.id}">\n    <name>${r.name}</name>\n    <kana>${r.kana}</kana>\n    <phone>${r.phone}</phone>\n` +
    `    <email>${r.email}</email>\n    <myNumber>${r.myNumber}</myNumber>\n    <birthDate>${r.birthDate}</birthDate>\n` +
    `    <department>${r.department}</department>\n    <grade>${r.grade}</grade>\n` +
    `    <note><![CDATA[${r.note}]]></note>\n    <!-- 担当: ${r.name} -->\n  </employee>\n`;
  return `<?xml version="1.0" encoding="${declaredEncoding}"?>\n<employees xmlns="urn:example:hr">\n${records.map(el).join('')}</employees>\n`;
}

export const toText = (records: readonly HrRecord[]): string =>
  records.map((r) => `${r.department}の${r.name}さん（電話 ${r.phone}、メール ${r.email}）。${r.note}`).join('\n') +
  '\n';

/**
 * The PII values that survive in any written form: raw, NFKC, or their digits in a row. `output` is the whole
 * output, or one piece per record (then each record is checked against its own piece: a surrogate birth date that
 * happens to equal another employee's is not a leak).
 */
export function survivingPii(records: readonly HrRecord[], output: string | readonly string[]): string[] {
  const found: string[] = [];
  records.forEach((r, i) => {
    const piece = typeof output === 'string' ? output : (output[i] ?? '');
    const nfkc = piece.normalize('NFKC');
    const digitRuns = piece.replace(/[^0-9\uFF10-\uFF19\n]/gu, '').normalize('NFKC');
    for (const v of r.pii) {
      const digits = v.replace(/\D/gu, '');
      if (
        piece.includes(v) ||
        nfkc.includes(v.normalize('NFKC')) ||
        (digits.length >= 10 && digitRuns.includes(digits))
      )
        found.push(v);
    }
  });
  return found;
}

/** Output pieces per record: CSV/TSV/NDJSON/text lines (after `skip` header lines), XML elements. */
export const linesOf = (out: string, skip = 0): string[] => out.split(/\r?\n/u).slice(skip);
export const xmlRecordsOf = (out: string): string[] => out.split('</employee>').slice(0, -1);
