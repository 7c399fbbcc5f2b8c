/**
 * Synthetic Japanese HR records for the CLI benchmark (columns as in jp-pii-spec.md §7): every identifier with a
 * valid check digit or shape, names with their readings, Japan Post addresses, and a free-text 備考 that embeds PII
 * in about half of the rows. Values are combined per record from precomputed pools (6 M+ name combinations, random
 * digits for every number), so repeated values are as rare as in a real employee table and a cache in the masker
 * cannot make the benchmark look better than real data would.
 */
import { myNumberCheckDigit } from '../../packages/core/src/index.js';
import { mulberry32 } from '../../test/eval/gen/random.js';
import { BANKS, DEPARTMENTS, RELATIONS, loadPools, type NamePart, type Pools } from './pools.js';

export const HR_COLUMNS = [
  '社員番号',
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
  '銀行名',
  '支店名',
  '口座番号',
  '口座名義',
  '基本給',
  '入社日',
  '部署',
  '備考',
] as const;

export type HrColumn = (typeof HR_COLUMNS)[number];

/** One record: a value per column, in HR_COLUMNS order. 基本給 is a number (unquoted in JSON). */
export type HrRecord = { readonly [K in HrColumn]: K extends '基本給' ? number : string };

const DOMAINS = ['example.co.jp', 'example.jp', 'example.com', 'mail.example.ne.jp'];
const BUILDINGS = ['', '', '', ' サンハイツ', ' グランドメゾン', ' コーポ', '　パークハウス'];

export interface HrGenerator {
  /** The record with ordinal `i` (0-based). */
  next(): HrRecord;
  /** The personal data the last record's 備考 embeds (names, phones, addresses, …), for leak measurements. */
  remarkPii(): readonly string[];
}

export interface HrGeneratorOptions {
  readonly seed?: number;
  /** false: every 備考 is empty, so the file holds structured columns only (default true). */
  readonly remarks?: boolean;
}

export function createHrGenerator(options: HrGeneratorOptions = {}, pools: Pools = loadPools()): HrGenerator {
  const remarks = options.remarks ?? true;
  const seed = options.seed ?? 4;
  const u32 = mulberry32(seed);
  const n = (k: number): number => u32() % k;
  const pick = <T>(xs: readonly T[]): T => xs[n(xs.length)] as T;
  const d4 = (): string => pools.digits4[n(10_000)] as string;
  const d2 = (): string => (pools.digits4[n(100)] as string).slice(2);
  const date = (fromYear: number, years: number): string => {
    const m = 1 + n(12);
    const d = 1 + n(28);
    return `${fromYear + n(years)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  };
  const mobile = (): string => `${pick(['090', '080', '070'])}-${1 + n(9)}${d4().slice(1)}-${d4()}`;
  const landline = (): string =>
    n(2) === 0
      ? `0${pick(['3', '6'])}-${3 + n(4)}${d4().slice(1)}-${d4()}`
      : `0${pick(['45', '52', '92', '11'])}-${2 + n(7)}${d2()}-${d4()}`;
  const person = (): { last: NamePart; first: NamePart; female: boolean } => {
    const female = n(2) === 0;
    return { last: pick(pools.lastNames), first: pick(female ? pools.femaleNames : pools.maleNames), female };
  };
  const address = (): { postal: string; text: string } => {
    const p = pick(pools.places);
    const room = n(3) === 0 ? `${1 + n(12)}0${1 + n(9)}` : '';
    const building = room === '' ? '' : pick(BUILDINGS);
    return {
      postal: p.postal,
      text: `${p.prefix}${1 + n(5)}-${1 + n(30)}-${1 + n(20)}${building}${building ? room : ''}`,
    };
  };
  const myNumber = (): string => {
    const base = `${d4()}${d4()}${d4().slice(1)}`;
    return `${base}${myNumberCheckDigit(base)}`;
  };

  let i = 0;
  let embedded: string[] = [];
  return {
    remarkPii: () => embedded,
    next(): HrRecord {
      embedded = [];
      const id = i++;
      const { last, first, female } = person();
      const addr = address();
      const cell = mobile();
      const email = `${first.romaji}.${last.romaji}${n(100)}@${pick(DOMAINS)}`;
      const [bank, branches] = pick(BANKS);
      const branch = pick(branches);
      const account = `${1 + n(9)}${d4().slice(1)}${d4().slice(1)}`;
      const sep = n(8) === 0 ? '　' : ' ';
      const name = `${last.kanji}${sep}${first.kanji}`;
      const memo = !remarks
        ? ''
        : remark(() => {
            const other = person();
            return pii(`${other.last.kanji} ${other.first.kanji}`);
          });
      return {
        社員番号: `E${String(100_000 + id)}`,
        氏名: name,
        フリガナ: `${last.kana}${sep}${first.kana}`,
        生年月日: date(1960, 45),
        性別: female ? '女' : '男',
        郵便番号: addr.postal,
        住所: addr.text,
        電話番号: landline(),
        携帯電話: cell,
        メールアドレス: email,
        個人番号: myNumber(),
        基礎年金番号: `${1 + n(9)}${d4().slice(1)}-${d2()}${d4()}`,
        雇用保険被保険者番号: `${d4()}-${d2()}${d4()}-${n(10)}`,
        銀行名: bank,
        支店名: branch,
        口座番号: account,
        口座名義: `${last.halfKana} ${first.halfKana}`,
        基本給: 180_000 + n(470) * 1000,
        入社日: date(2000, 26),
        部署: pick(DEPARTMENTS),
        備考: memo,
      };

      function pii(value: string): string {
        embedded.push(value);
        return value;
      }

      function remark(otherName: () => string): string {
        switch (n(20)) {
          case 0:
          case 1:
            return `緊急連絡先：${otherName()}（${pick(RELATIONS)}） ${pii(mobile())}`;
          case 2:
            return `本人より携帯番号変更の連絡あり、新番号 ${pii(cell)}`;
          case 3:
            return `住所変更届受理（旧住所：${pii(address().text)}）`;
          case 4:
            return `給与振込口座を${bank}${branch} 普通 ${pii(account)} に変更`;
          case 5:
            return `源泉徴収票を ${pii(email)} 宛に送付済み`;
          case 6:
            return `配偶者 ${otherName()}（生年月日 ${pii(date(1965, 35))}）を扶養に追加`;
          case 7:
            return `${date(2020, 6)}付で${pick(DEPARTMENTS)}へ異動`;
          case 8:
            return `面談済み, 次回 ${date(2026, 1)}`;
          case 9:
          case 10:
            return '特になし';
          case 11:
            return `個人番号カード写し受領（${pii(myNumber().replace(/(\d{4})(?=\d)/g, '$1 '))}）`;
          default:
            return '';
        }
      }
    },
  };
}
