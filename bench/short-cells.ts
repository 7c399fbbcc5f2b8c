/**
 * Short cells as the CLI and the proxy hand them to detect() one by one (部署 names, job titles, dates, codes,
 * amounts, flags, and a few that hold PII), for the fixed per-call cost of detect(): µs per call, not MB/s.
 * Synthetic values only.
 */
const DEPARTMENTS = ['営業部', '人事部 採用課', '経理部', '総務課', '開発本部 第二開発部', '製造部品質管理課', 'Sales'];
const MORE_DEPARTMENTS = ['Human Resources', 'Engineering - Platform', 'カスタマーサポート'];
const TITLES = ['部長', '課長代理', '主任', 'マネージャー', 'Senior Software Engineer', 'Account Executive', '係長'];
const MORE_TITLES = ['インターン', 'Director of Finance', '契約社員'];
const DATES = [
  '2024-04-01',
  '2023/12/25',
  '令和6年4月1日',
  '平成30年3月31日',
  'Apr 1, 2024',
  '2024年4月1日',
  '12/31/2023',
];
const MORE_DATES = ['R6.4.1', '2024-04-01T09:00:00', '1999年'];
const CODES = ['EMP-00123', 'A-1029', 'PRJ2024-017', 'JP-TKY-03', 'X9Z-44', 'ORD-778812', 'INV-2024-0042', 'K-12'];
const MORE_CODES = ['SKU 4410-22', 'D0012'];
const AMOUNTS = ['¥350,000', '1,200,000円', '$4,500.00', '12.5%', '3,000', '0', '-1,250', '¥ 98,000', '4万円', '1.5'];
const FLAGS = ['はい', 'いいえ', '有', '無', 'true', 'FALSE', '東京', '大阪本社', 'N/A', '在籍', '退職', '正社員'];
const NOTES = ['在宅勤務可', '備考なし', 'See attached', '月末締め翌月末払い'];
const WITH_PII = [
  '山田 太郎',
  'yamada@example.com',
  '090-1234-5678',
  '〒100-0001',
  'John Smith',
  '東京都千代田区千代田1-1',
];

const POOL = [
  ...DEPARTMENTS,
  ...MORE_DEPARTMENTS,
  ...TITLES,
  ...MORE_TITLES,
  ...DATES,
  ...MORE_DATES,
  ...CODES,
  ...MORE_CODES,
  ...AMOUNTS,
  ...FLAGS,
  ...NOTES,
  ...WITH_PII,
];

/** `count` cells drawn from the pool with a fixed stride (deterministic, every kind interleaved). */
export function shortCells(count = 4000): string[] {
  const cells: string[] = [];
  for (let i = 0; i < count; i++) cells.push(POOL[(i * 7919) % POOL.length] as string);
  return cells;
}
