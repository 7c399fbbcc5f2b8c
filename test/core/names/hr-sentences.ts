/**
 * Name-free HR and payroll sentences (100 Japanese, 100 English), written for the false-positive check: meeting
 * notes, amounts, product names, places, departments. None of them contains a person's name.
 */
const JA_TEMPLATES = [
  '本日の{0}は{1}で行います。',
  '{0}の締め切りは{2}です。',
  '{1}にて{0}の説明会を開催しました。',
  '{0}について、{3}から連絡がありました。',
  '基本給は{4}円、{0}は別途支給します。',
  '{3}の予算は前年比{5}%増となりました。',
  '{0}の申請書を{3}へ提出してください。',
  '{1}の新オフィスは来月から利用できます。',
  '{3}で{0}の見直しを検討中です。',
  '{6}の販売計画と{0}の進捗を共有しました。',
];
const JA_FILL = [
  ['定例会議', '中央会議室', '3月31日', '人事部', '250,000', '12', '新製品'],
  ['年末調整', '大阪府大阪市', '12月15日', '経理部', '310,000', '5', '給与計算システム'],
  ['健康診断', '本社ビル', '来週金曜日', '総務課', '198,500', '8', '勤怠管理ツール'],
  ['通勤手当', '上田市', '月末', '情報システム部', '420,000', '3', '社内ポータル'],
  ['賞与査定', '東京都港区', '4月1日', '営業本部', '275,000', '15', '経費精算アプリ'],
  ['研修', '名古屋支店', '今月中', '法務部', '180,000', '2', '採用サイト'],
  ['有給休暇', '第二会議室', '6月10日', '品質保証課', '330,000', '7', '人事評価制度'],
  ['住民税', '福岡営業所', '翌営業日', '広報室', '225,000', '10', '福利厚生サービス'],
  ['社会保険', '横浜工場', '9月30日', '製造部', '260,000', '4', '給与明細'],
  ['残業時間', '日本橋オフィス', '年度末', '開発部', '390,000', '6', '新規事業'],
];
const EN_TEMPLATES = [
  'The {0} review is scheduled for {2} in the {1}.',
  'Please submit your {0} form to {3} by {2}.',
  'Base salary is {4} JPY and the {0} is paid separately.',
  '{3} approved the {0} budget increase of {5}%.',
  'Will the {0} be processed before {2}?',
  'May {0} figures are available in the {6} dashboard.',
  'Grace period for {0} requests ends on {2}.',
  'Total Amount Due for {0}: {4} JPY',
  'Minutes: {3} discussed {0} and the {6} rollout.',
  'Reminder: the {1} will be closed for maintenance on {2}.',
];
const EN_FILL = [
  ['annual leave', 'Main Conference Room', 'March 31', 'Human Resources', '250,000', '12', 'Payroll Portal'],
  ['expense', 'Osaka Office', 'Friday', 'Finance', '310,000', '5', 'Time Tracker'],
  ['overtime', 'Training Center', 'next Monday', 'the Payroll Team', '198,500', '8', 'Benefits Hub'],
  ['bonus', 'Head Office', 'June 10', 'Legal', '420,000', '3', 'Recruiting Site'],
  ['commuting allowance', 'Tokyo Branch', 'the end of the month', 'Sales Operations', '275,000', '15', 'Leave Planner'],
  ['health check', 'Building B', 'April 1', 'Internal Audit', '180,000', '2', 'Learning Platform'],
  ['relocation', 'Yokohama Plant', 'September 30', 'Facilities', '330,000', '7', 'Performance Review'],
  ['pension', 'Nagoya Branch', 'the next business day', 'Compliance', '225,000', '10', 'Employee Handbook'],
  ['insurance', 'Shared Services Center', 'December 15', 'IT Support', '260,000', '4', 'Shift Scheduler'],
  [
    'performance bonus',
    'Second Floor Lounge',
    'year end',
    'Corporate Planning',
    '390,000',
    '6',
    'Onboarding Checklist',
  ],
];

const fill = (t: string, f: readonly string[]): string => t.replace(/\{(\d)\}/g, (_, i: string) => f[Number(i)] ?? '');

export const JA_HR_SENTENCES: readonly string[] = JA_TEMPLATES.flatMap((t) => JA_FILL.map((f) => fill(t, f)));
export const EN_HR_SENTENCES: readonly string[] = EN_TEMPLATES.flatMap((t) => EN_FILL.map((f) => fill(t, f)));
