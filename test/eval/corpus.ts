// The labelled evaluation corpus: short Japanese and English HR texts (tickets, memos, payroll notes, chat) with
// every PII span labelled, plus texts without PII that must come through unchanged. Seeded and deterministic.
import type { EntityType } from '@kamen/core';
import * as v from './values.js';
import type { Rand, Value } from './values.js';

export interface LabelledSpan {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** Pieces of the value that must not survive masking (name parts, both sides of an e-mail, 4+ digit groups). */
  readonly fragments: string[];
}
export interface LabelledText {
  readonly lang: 'ja' | 'en';
  readonly text: string;
  readonly spans: LabelledSpan[];
}
export interface Corpus {
  readonly positives: LabelledText[];
  readonly negatives: { readonly lang: 'ja' | 'en'; readonly text: string }[];
}

type Slot = [EntityType, (r: Rand) => Value];
/** A template is text with {0}, {1} … slots filled by the listed generators. */
type Template = [string, Slot[]];

const N: Slot = ['PERSON_NAME', v.jaName];
const SN: Slot = ['PERSON_NAME', v.jaSurname];
const EN_N: Slot = ['PERSON_NAME', v.enName];
const MAIL_J: Slot = ['EMAIL', (r) => v.email(r, 'ja')];
const MAIL_E: Slot = ['EMAIL', (r) => v.email(r, 'en')];
const TEL: Slot = ['PHONE', v.phoneJa];
const TEL_E: Slot = ['PHONE', v.phoneEn];
const MYN: Slot = ['MY_NUMBER', v.myNumber];
const ADDR: Slot = ['ADDRESS', v.jaAddress];
const ADDR_E: Slot = ['ADDRESS', v.enAddress];
const DOB: Slot = ['DATE_OF_BIRTH', v.dobJa];
const DOB_E: Slot = ['DATE_OF_BIRTH', v.dobEn];
const PEN: Slot = ['PENSION_NUMBER', v.pension];
const EI: Slot = ['EMPLOYMENT_INSURANCE_NUMBER', v.employmentInsurance];
const ACC: Slot = ['BANK_ACCOUNT', v.bankAccount];
const PASS: Slot = ['PASSPORT', v.passport];
const RC: Slot = ['RESIDENCE_CARD', v.residenceCard];
const CARD: Slot = ['CREDIT_CARD', v.creditCard];
const SSN: Slot = ['US_SSN', v.ssn];
const IP: Slot = ['IP_ADDRESS', v.ipv4];

const JA: Template[] = [
  ['氏名：{0} 様のマイナンバー {1} を確認しました。', [N, MYN]],
  ['{0}さんの携帯は {1} です。折り返しお願いします。', [SN, TEL]],
  ['担当: {0} / メール {1}', [N, MAIL_J]],
  ['住所：{0}', [ADDR]],
  ['社員 {0} の生年月日 {1} を修正してください。', [N, DOB]],
  ['基礎年金番号 {0} の登録漏れがあります', [PEN]],
  ['雇用保険被保険者番号 {0} で資格取得届を提出', [EI]],
  ['給与振込先：三井住友銀行 新宿支店 普通 口座番号 {0}', [ACC]],
  ['緊急連絡先 {0}（母）{1}', [N, TEL]],
  ['{0}様より住所変更の依頼。新住所 {1}、電話 {2}', [N, ADDR, TEL]],
  ['パスポート番号 {0} の有効期限を確認', [PASS]],
  ['在留カード番号 {0}（就労制限なし）', [RC]],
  ['経費精算のカード番号 {0} は登録しないでください', [CARD]],
  ['問い合わせ：{0} さんから、メール {1} と 携帯 {2} の両方に連絡がありました', [SN, MAIL_J, TEL]],
  ['扶養親族 {0}（長男）生年月日 {1} 個人番号 {2}', [N, DOB, MYN]],
  ['ログイン元 IP {0} からのアクセスを確認', [IP]],
  ['申請者：{0}、連絡先 {1}', [N, TEL]],
  ['{0}部長に承認依頼を送付しました', [SN]],
];
const EN: Template[] = [
  ['Employee {0} asked us to update their email to {1}.', [EN_N, MAIL_E]],
  ['Please call {0} at {1} about the payroll issue.', [EN_N, TEL_E]],
  ['New address for {0}: {1}', [EN_N, ADDR_E]],
  ['Date of birth: {0} (verified by HR)', [DOB_E]],
  ['SSN {0} was entered twice for the same employee', [SSN]],
  ['Corporate card {0} expires next month', [CARD]],
  ['Contact: {0}, {1}', [EN_N, MAIL_E]],
  ['Ticket from {0}: my phone number changed to {1}.', [EN_N, TEL_E]],
  ['Mr. {0} joined the Tokyo office; his email is {1}', [EN_N, MAIL_E]],
  ['Login from {0} flagged for review', [IP]],
  ['Passport No. {0} on file for visa renewal', [PASS]],
  ['My Number {0} must not be stored in this ticket', [MYN]],
];

const NEG_JA = [
  '注文番号 {d12} の配送状況を確認してください。',
  '基本給 350,000円、通勤手当 12,400円 を4月分から適用します。',
  '会議は2026年4月1日 10:00 から第3会議室で行います。',
  '入社日 2024/04/01 の社員は研修に参加してください。',
  'バージョン 2.14.3 をリリースしました。',
  '追跡番号 {d12} で発送済みです。',
  '第3四半期の売上は前年比 112% でした。',
  '人事部 総務課 の内線は 4412 です。',
  '支給日は毎月25日です。賞与は年2回。',
  '請求書番号 INV-{d6} の承認をお願いします。',
  '東京都の支店で来週説明会を開催します。',
  '有給休暇の残日数は 12.5 日です。',
];
const NEG_EN = [
  'Order number {d12} has shipped.',
  'Base salary 350,000 JPY effective April 2026.',
  'The meeting is on 2026-04-01 at 10:00 in room 3.',
  'Release 2.14.3 fixes the export bug.',
  'Tracking number {d12} was delivered.',
  'Q3 revenue grew 12% year over year.',
  'Please submit the expense report by Friday.',
  'Invoice INV-{d6} is pending approval.',
  'The Tokyo office will be closed on Monday.',
  'We hired 14 engineers this quarter.',
];

function fill(r: Rand, lang: 'ja' | 'en', [template, slots]: Template): LabelledText {
  const spans: LabelledSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\d)\}/g)) {
    text += template.slice(last, m.index);
    const [type, gen] = slots[Number(m[1])] as Slot;
    const value = gen(r);
    spans.push({
      type,
      start: text.length,
      end: text.length + value.value.length,
      value: value.value,
      fragments: value.fragments,
    });
    text += value.value;
    last = (m.index ?? 0) + m[0].length;
  }
  text += template.slice(last);
  return { lang, text, spans };
}

const digitsOf = (r: Rand, n: number): string => Array.from({ length: n }, () => String(v.int(r, 0, 9))).join('');

/** A seeded corpus with `perLanguage` positive texts per language and half as many negatives. */
export function generateCorpus(options: { seed: number; perLanguage: number }): Corpus {
  const r = v.rng(options.seed);
  const positives: LabelledText[] = [];
  const negatives: { lang: 'ja' | 'en'; text: string }[] = [];
  for (let i = 0; i < options.perLanguage; i++) {
    positives.push(fill(r, 'ja', v.pick(r, JA)), fill(r, 'en', v.pick(r, EN)));
  }
  for (let i = 0; i < Math.ceil(options.perLanguage / 2); i++) {
    for (const [lang, list] of [
      ['ja', NEG_JA],
      ['en', NEG_EN],
    ] as const) {
      negatives.push({ lang, text: v.pick(r, list).replace('{d12}', digitsOf(r, 12)).replace('{d6}', digitsOf(r, 6)) });
    }
  }
  return { positives, negatives };
}
