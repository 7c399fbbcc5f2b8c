/**
 * The same HR records as CSV (flat, CRLF, RFC 4180 quoting), NDJSON (one object per line, the bank account nested)
 * and XML (one element per employee, 社員番号 as an attribute, the bank account nested).
 */
import { HR_COLUMNS, type HrRecord } from './hr-records.js';

export type HrFormat = 'csv' | 'ndjson' | 'xml';

export interface Serializer {
  readonly head: string;
  record(r: HrRecord): string;
  readonly tail: string;
}

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (v: string | number): string => {
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

const XML_SPECIAL = /[&<>"]/;
const xmlText = (s: string): string =>
  XML_SPECIAL.test(s)
    ? s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
    : s;

const BANK_FIELDS = ['銀行名', '支店名', '口座番号', '口座名義'] as const;
const PERSON_FIELDS = [
  '氏名',
  'フリガナ',
  '生年月日',
  '性別',
  '郵便番号',
  '住所',
  '電話番号',
  '携帯電話',
  'メールアドレス',
  '個人番号',
  '基礎年金番号',
  '雇用保険被保険者番号',
] as const;

function csv(): Serializer {
  return {
    head: `${HR_COLUMNS.join(',')}\r\n`,
    record: (r) => {
      let line = csvCell(r[HR_COLUMNS[0]]);
      for (let i = 1; i < HR_COLUMNS.length; i++) line += `,${csvCell(r[HR_COLUMNS[i] as keyof HrRecord])}`;
      return `${line}\r\n`;
    },
    tail: '',
  };
}

function ndjson(): Serializer {
  return {
    head: '',
    record: (r) =>
      `${JSON.stringify({
        社員番号: r.社員番号,
        氏名: r.氏名,
        フリガナ: r.フリガナ,
        生年月日: r.生年月日,
        性別: r.性別,
        郵便番号: r.郵便番号,
        住所: r.住所,
        電話番号: r.電話番号,
        携帯電話: r.携帯電話,
        メールアドレス: r.メールアドレス,
        個人番号: r.個人番号,
        基礎年金番号: r.基礎年金番号,
        雇用保険被保険者番号: r.雇用保険被保険者番号,
        口座: { 銀行名: r.銀行名, 支店名: r.支店名, 口座番号: r.口座番号, 口座名義: r.口座名義 },
        基本給: r.基本給,
        入社日: r.入社日,
        部署: r.部署,
        備考: r.備考,
      })}\n`,
    tail: '',
  };
}

function xml(encodingName: string): Serializer {
  const el = (name: string, v: string | number): string => `    <${name}>${xmlText(String(v))}</${name}>\n`;
  return {
    head: `<?xml version="1.0" encoding="${encodingName}"?>\n<社員一覧 xmlns="urn:example:hr">\n`,
    record: (r) => {
      let s = `  <社員 社員番号="${r.社員番号}">\n`;
      for (const c of PERSON_FIELDS) s += el(c, r[c]);
      s += `    <口座>${BANK_FIELDS.map((c) => `<${c}>${xmlText(r[c])}</${c}>`).join('')}</口座>\n`;
      s += el('基本給', r.基本給) + el('入社日', r.入社日) + el('部署', r.部署);
      s += r.備考 === '' ? '    <備考/>\n' : el('備考', r.備考);
      return `${s}  </社員>\n`;
    },
    tail: '</社員一覧>\n',
  };
}

export function serializer(format: HrFormat, encodingName = 'UTF-8'): Serializer {
  return format === 'csv' ? csv() : format === 'ndjson' ? ndjson() : xml(encodingName);
}
