// Texts that hold no PII but plenty of what looks like it: order and tracking numbers, amounts, meeting dates,
// 入社日 in policy text, versions, product codes, department names. A detector must leave them untouched.
// {dN} is N random digits, {n} a small number, {date} a business date, {ver} a version.
import { digits, int, pad, pick, type Rand } from './gen/random.js';

export const JA_NEGATIVES: readonly string[] = [
  '注文番号 {d12} の配送状況を確認してください。',
  '追跡番号 {d12} で発送済みです。',
  'お問い合わせ番号 {d10} の件、対応完了しました。',
  '基本給 350,000円、通勤手当 12,400円 を4月分から適用します。',
  '今月の支給額は {n},{d3}円、控除額は {n},{d3}円です。',
  '賞与の算定基礎額は 1,234,000 円です。',
  '会議は{date} 10:00 から第{n}会議室で行います。',
  '入社日 {date} の社員は研修に参加してください。',
  '入社日から6か月経過後に有給休暇を10日付与します。',
  '退職日の翌日から14日以内に手続きしてください。',
  'バージョン {ver} をリリースしました。',
  '給与システムを {ver} に更新しました。',
  '第3四半期の売上は前年比 112% でした。',
  '人事部 総務課 の内線は {d4} です。',
  '支給日は毎月25日です。賞与は年2回。',
  '請求書番号 INV-{d6} の承認をお願いします。',
  '東京都の支店で来週説明会を開催します。',
  '有給休暇の残日数は 12.5 日です。',
  '製品コード ABC-{d4}-JP の在庫を確認してください。',
  '型番 KM-{d3}X は生産終了です。',
  '経理部・人事部・情報システム部の合同会議を行います。',
  '営業部 第二課 の予算は {n}百万円です。',
  '標準報酬月額の等級は 22 等級です。',
  '源泉所得税の税率は 10.21% です。',
  '社員番号は入社時に付与されます。',
  '住所変更の手続きはポータルから行ってください。',
  '年末調整の締切は{date}です。',
  '資料は共有フォルダの 2026/Q{n} にあります。',
  '研修は全{n}回、各回90分です。',
  'チケット #{d5} はクローズしました。',
  '健康診断は本社 {n}F で実施します。',
  '在庫数 {d4} 個、発注点 500 個。',
  '時給 1,{d3}円、深夜割増 25%。',
  'ビルド番号 {d8} でテストが失敗しました。',
  '通勤経路の変更届を提出してください。',
  '就業規則 第{n}条 第2項 を改定しました。',
  'JANコード 49{d11} の商品を発注しました。',
  'ISBN 978-4-{d3}-{d5}-{d1} の書籍を購入してください。',
  '社員番号 {d6} の勤怠データを再集計します。',
  '株式会社山田製作所との契約を更新します。',
  '鈴木自動車のリース契約は来年3月までです。',
  '価格は ¥12,800（税込）です。',
  '第{n}回 安全衛生委員会 議事録',
  'カスタマーセンターの受付時間は 9:00〜17:00 です。',
];

export const EN_NEGATIVES: readonly string[] = [
  'Order number {d12} has shipped.',
  'Tracking number {d12} was delivered.',
  'Base salary 350,000 JPY effective April 2026.',
  'The bonus pool is $1,250,000 this year.',
  'The meeting is on {iso} at 10:00 in room {n}.',
  'Employees who joined on {iso} must complete training.',
  'Start date is the first business day of the month.',
  'Release {ver} fixes the export bug.',
  'Upgrade the payroll service to v{ver} before Friday.',
  'Q3 revenue grew 12% year over year.',
  'Please submit the expense report by Friday.',
  'Invoice INV-{d6} is pending approval.',
  'The Tokyo office will be closed on Monday.',
  'We hired 14 engineers this quarter.',
  'SKU {d4}-{d3}-BLK is out of stock.',
  'Product code ABC-{d4}-JP was discontinued.',
  'Ticket #{d5} was closed as a duplicate.',
  'Build {d8} failed on the integration tests.',
  'The HR, Finance and Legal departments meet on Thursday.',
  'Headcount: {d3} full-time, {n} contractors.',
  'Overtime is paid at 125% of the hourly rate.',
  'Section {n}.{n} of the handbook covers remote work.',
  'The training lasts 90 minutes per session.',
  'Inventory: {d4} units, reorder point 500.',
  'Room 4{d2} is booked for the all-hands.',
  'The benefits enrolment window closes on {iso}.',
  'Withholding tax rate is 10.21%.',
  'Please use the portal to update your address.',
  'The server uses port 8443 for the admin API.',
  'Case {d10} was escalated to tier 2.',
  'Employee ID E{d6} was deactivated after the transfer.',
  'Our Washington office handles US benefits.',
  'The Ford fleet lease renews in March.',
  'ISBN 978-0-{d3}-{d5}-{d1} is on the reading list.',
  'Price: $12.80 per unit, minimum order 250.',
  'Meeting ID {d3} {d4} {d4} (no passcode).',
];

function filler(r: Rand, key: string): string {
  if (key === 'n') return String(int(r, 1, 9));
  if (key === 'ver') return `${int(r, 1, 9)}.${int(r, 0, 20)}.${int(r, 0, 20)}`;
  if (key === 'date') return `${int(r, 2024, 2027)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`;
  if (key === 'iso') return `${int(r, 2024, 2027)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
  const m = /^d(\d+)$/.exec(key);
  return m ? digits(r, Number(m[1])) : `{${key}}`;
}

/** Fills a negative template. */
export function fillNegative(r: Rand, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => filler(r, key));
}

/** A random negative text of a language. */
export function negativeText(r: Rand, lang: 'ja' | 'en'): string {
  return fillNegative(r, pick(r, lang === 'ja' ? JA_NEGATIVES : EN_NEGATIVES));
}
