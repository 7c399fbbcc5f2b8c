/**
 * Cues around Japanese names: honorifics and titles after a name, labels before one, and characters that show a
 * kanji run is a place or a thing rather than a given name (上田市, 田中工業). Shared by the kanji and kana name
 * detectors. Everything here works on the normalised copy (NFKC: ： is ':', （ is '(', full-width space is ' ').
 */

/** A membership table over UTF-16 code units: one indexed load per test on the per-run path. */
function unitSet(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** Kanji honorifics and job titles that directly follow a name inside the same kanji run (山田部長). */
export const KANJI_HONORIFICS: readonly string[] = [
  '様',
  '殿',
  '氏',
  '君',
  '宛',
  '先生',
  '部長',
  '課長',
  '係長',
  '主任',
  '社長',
  '会長',
  '専務',
  '常務',
  '次長',
  '室長',
  '所長',
  '店長',
  '支店長',
  '本部長',
  '副社長',
  '取締役',
  '部長代理',
  '課長代理',
  '主査',
  '参事',
  '理事',
  '教授',
  '医師',
  '議員',
].sort((a, b) => b.length - a.length);

/** Kana honorifics after a name (山田さん). */
export const KANA_HONORIFIC_RE = /^ ?(?:さん|さま|くん|ちゃん|先生|[様殿氏君])/;

/** True when an honorific or title starts at `pos` (山田|さん, 山田 太郎|様, 山田|部長). */
// First units of everything honorificAt accepts (the optional space, the kana and kanji honorifics, every title):
// one table load answers most calls, which come for every surname-shaped kanji run.
const HONORIFIC_FIRST_CODES = unitSet(` さくち先様殿氏君${KANJI_HONORIFICS.map((h) => h[0]).join('')}`);

// KANA_HONORIFIC_RE tried at one index of a text. Every honorific fits in the five units the slice it replaced held
// (' ちゃん' is four, 部長代理 four), so the answer is the same without the slice.
const KANA_HONORIFIC_AT = new RegExp(KANA_HONORIFIC_RE.source.slice(1), 'y');

export function honorificAt(text: string, pos: number): boolean {
  if (HONORIFIC_FIRST_CODES[text.charCodeAt(pos)] !== 1) return false;
  KANA_HONORIFIC_AT.lastIndex = pos;
  if (KANA_HONORIFIC_AT.test(text)) return true;
  for (const h of KANJI_HONORIFICS) if (text.startsWith(h, pos)) return true;
  return false;
}

/** Labels before a name (氏名: 山田太郎). Longest first so 担当者 wins over 担当. */
export const JA_LABELS: readonly string[] = [
  '氏名',
  '名前',
  'お名前',
  '姓名',
  '担当',
  '担当者',
  '申請者',
  '従業員',
  '従業員名',
  '社員名',
  '本人',
  '配偶者',
  '扶養者',
  '扶養',
  '扶養親族',
  '被扶養者',
  '緊急連絡先',
  '世帯主',
  '被保険者',
  '受取人',
  '承認者',
  '作成者',
  '依頼者',
  '報告者',
  '代表者',
  '上長',
  '旧姓',
  '通称',
  '退職者',
  '入社者',
].sort((a, b) => b.length - a.length);

// The same label glued to the name (氏名山田太郎) is only trusted when a dictionary surname follows.
const LABEL_HEAD = new RegExp(`^(?:${JA_LABELS.join('|')})`);

const LABEL_LAST_CODES = unitSet(JA_LABELS.map((l) => l.slice(-1)).join(''));
/** The words of `words` by their last code unit, in their order: a suffix test reads only the few that can match. */
function byLastUnit(words: readonly string[]): Map<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    const list = out.get(last);
    if (list === undefined) out.set(last, [w]);
    else list.push(w);
  }
  return out;
}

const LABELS_BY_LAST = byLastUnit(JA_LABELS);
function labelEndsAt(text: string, end: number): boolean {
  if (LABEL_LAST_CODES[text.charCodeAt(end - 1)] !== 1) return false;
  for (const l of LABELS_BY_LAST.get(text.charCodeAt(end - 1)) as readonly string[])
    if (end >= l.length && text.startsWith(l, end - l.length)) return true;
  return false;
}

/** A label, or a label and a (漢字)/(氏名) note of 1–6 characters without brackets, ending at `end`. */
function labelOrNoteEndsAt(text: string, end: number): boolean {
  if (labelEndsAt(text, end)) return true;
  if (text.charCodeAt(end - 1) !== 0x29) return false;
  for (let j = end - 2; j >= end - 8 && j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x29) return false;
    if (c === 0x28) return j <= end - 3 && labelEndsAt(text, j);
  }
  return false;
}

/**
 * True when the text just before `start` ends with a name label: a label, an optional (漢字)/(氏名) note, then ':'
 * or '=' with optional spaces around it, or one space. Read backwards from `start` by code unit; the regex on a
 * 16-unit slice it replaced, `(?:labels)(?:\([^()]{1,6}\))?(?: ?[:=] ?| )$` (kept in test/core/names/oracle),
 * ran for every kanji run after a space or colon and cost ~5 ms per 2 MB of Japanese HR text.
 */
export function hasLabelBefore(text: string, start: number): boolean {
  const c1 = text.charCodeAt(start - 1);
  if (c1 === 0x20) {
    if (labelOrNoteEndsAt(text, start - 1)) return true;
    const c2 = text.charCodeAt(start - 2);
    if (c2 !== 0x3a && c2 !== 0x3d) return false;
    return (
      labelOrNoteEndsAt(text, start - 2) || (text.charCodeAt(start - 3) === 0x20 && labelOrNoteEndsAt(text, start - 3))
    );
  }
  if (c1 !== 0x3a && c1 !== 0x3d) return false;
  return (
    labelOrNoteEndsAt(text, start - 1) || (text.charCodeAt(start - 2) === 0x20 && labelOrNoteEndsAt(text, start - 2))
  );
}

/** Length of a label at the start of `s` (0 when none). */
const LABEL_FIRST = new Set(JA_LABELS.map((l) => l[0] as string));

export function labelPrefixLength(s: string): number {
  if (!LABEL_FIRST.has(s[0] as string)) return 0;
  return LABEL_HEAD.exec(s)?.[0].length ?? 0;
}

// LABEL_HEAD tried at one index of a text. Every label but お名前 is kanji only, and a kanji run cannot start with お,
// so a label found at a run's start ends inside the run: the same answer as labelPrefixLength(run).
const LABEL_HEAD_AT = new RegExp(`(?:${JA_LABELS.join('|')})`, 'y');
const LABEL_FIRST_CODES = unitSet([...LABEL_FIRST].join(''));

/** labelPrefixLength(text.slice(start, end)) for a kanji run [start, end), without slicing. */
export function labelPrefixLengthAt(text: string, start: number): number {
  if (LABEL_FIRST_CODES[text.charCodeAt(start)] !== 1) return 0;
  LABEL_HEAD_AT.lastIndex = start;
  return LABEL_HEAD_AT.test(text) ? LABEL_HEAD_AT.lastIndex - start : 0;
}

/** Length of a kanji honorific/title at the end of `run` (0 when none), never the whole run. */
const HONORIFIC_LAST = new Set(KANJI_HONORIFICS.map((h) => h.slice(-1)));

export function honorificSuffixLength(run: string): number {
  if (!HONORIFIC_LAST.has(run[run.length - 1] as string)) return 0;
  for (const h of KANJI_HONORIFICS) if (run.length > h.length && run.endsWith(h)) return h.length;
  return 0;
}

const HONORIFIC_LAST_CODES = unitSet([...HONORIFIC_LAST].join(''));
const HONORIFICS_BY_LAST = byLastUnit(KANJI_HONORIFICS);

/** honorificSuffixLength(text.slice(start, end)), without slicing (most runs end in no title's last character). */
export function honorificSuffixLengthAt(text: string, start: number, end: number): number {
  if (end <= start || HONORIFIC_LAST_CODES[text.charCodeAt(end - 1)] !== 1) return 0;
  // Runs often end in a title's last character (長, 事, 員): only the titles ending in it are tried, longest first.
  for (const h of HONORIFICS_BY_LAST.get(text.charCodeAt(end - 1)) as readonly string[])
    if (end - start > h.length && text.startsWith(h, end - h.length)) return h.length;
  return 0;
}

// First characters of words that follow place names and organisation names, never a given name's start.
const NOT_GIVEN_START = new Set(
  '市町村区郡県府都州駅線店社局署院校館園寺港湾製産業品式会議用費料額金税率数件名者的性化内外間前後等号条項目回分時年月日週株銀庁省課部係室科班棟階'.split(
    '',
  ),
);

/** True when a kanji string cannot start a given name (上田市, 田中工業). */
export const cannotStartGivenName = (s: string): boolean => NOT_GIVEN_START.has(s[0] ?? '');
const NOT_GIVEN_START_CODES = unitSet([...NOT_GIVEN_START].join(''));
/** cannotStartGivenName(text.slice(start, end)) for a non-empty range, without slicing. */
export const cannotStartGivenNameAt = (text: string, start: number): boolean =>
  NOT_GIVEN_START_CODES[text.charCodeAt(start)] === 1;

// Organisation suffixes inside a kanji run after which a name may start (営業部山田部長).
// 太田和市役所: a dictionary given name (和市) that ends in a municipality character followed by the office of that
// municipality is the place name 太田和市, not 太田 和市.
const MUNICIPAL_OFFICE_RE = /^[市区町村県都府道](?:役所|役場|[庁立民営]|議会)/u;
export const endsInMunicipalOffice = (text: string, givenEnd: number): boolean =>
  MUNICIPAL_OFFICE_RE.test(text.slice(givenEnd - 1, givenEnd + 2));

const ORG_SUFFIX = new Set('部課係室社局所店科班'.split(''));
export const isOrgSuffix = (c: string): boolean => ORG_SUFFIX.has(c);
const ORG_SUFFIX_CODES = unitSet([...ORG_SUFFIX].join(''));
/** isOrgSuffix for a UTF-16 code unit. */
export const isOrgSuffixUnit = (c: number): boolean => ORG_SUFFIX_CODES[c] === 1;

/** Kanji run: CJK ideographs, 々 and ヶ (佐々木, 八ヶ代). */
export const KANJI_RUN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\u3005\u30f6]+/g;
export const isKanjiUnit = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || c === 0x30f6;

// Last characters of given names, including the modern ones IPADIC (2007) does not list (大翔, 瑛太, 朝陽, 陽葵).
const GIVEN_NAME_ENDINGS = new Set(
  (
    '郎太介輔助佑祐亮也哉斗翔人仁樹希喜貴紀輝揮基己生司史志士至二三平吾悟蔵造大央雄夫男彦朗洋洸浩弘宏博裕寛' +
    '真誠信伸心慎晋進俊駿隼旬成誠治次明彰昭晃光之行幸孝隆崇剛健賢謙憲顕道将正昌勝克修秀英栄永瑛' +
    '子美恵江枝絵依衣乃菜奈那名香佳花華果加夏帆穂保歩咲紗沙彩綾葵陽蓮凛凜結結愛藍里理莉梨李璃織' +
    '代世緒音羽葉実未海湊空翼颯蒼碧陸颯汰琉瑠留怜玲礼麗鈴'
  ).split(''),
);

/** True for a 1–3 kanji string shaped like a given name: ends in a common given-name kanji (瑛太, 陽葵, 颯). */
export const looksLikeGivenName = (g: string): boolean =>
  g.length >= 1 && g.length <= 3 && GIVEN_NAME_ENDINGS.has(g[g.length - 1] as string) && !cannotStartGivenName(g);
const GIVEN_NAME_ENDING_CODES = unitSet([...GIVEN_NAME_ENDINGS].join(''));
/** looksLikeGivenName(text.slice(start, end)), without slicing. */
export const looksLikeGivenNameAt = (text: string, start: number, end: number): boolean =>
  end - start >= 1 &&
  end - start <= 3 &&
  GIVEN_NAME_ENDING_CODES[text.charCodeAt(end - 1)] === 1 &&
  NOT_GIVEN_START_CODES[text.charCodeAt(start)] !== 1;

// Department and function words that sit between a surname and a title (西村経理課長) and end like given names.
const DEPARTMENT_WORDS =
  '経理 総務 人事 営業 企画 開発 技術 製造 品質 広報 法務 財務 購買 物流 研究 管理 業務 情報 監査 秘書 会計 設計 生産 調達 販売 宣伝 教育 労務 給与 システム'.split(
    ' ',
  );
const DEPARTMENT_RE = new RegExp(`^(?:${DEPARTMENT_WORDS.join('|')})`);
const DEPARTMENT_FIRST_CODES = unitSet(DEPARTMENT_WORDS.map((w) => w[0]).join(''));
/** True when a kanji string starts with a department word (経理, 総務 …). */
export const isDepartmentWord = (s: string): boolean =>
  DEPARTMENT_FIRST_CODES[s.charCodeAt(0)] === 1 && DEPARTMENT_RE.test(s);
/** isDepartmentWord(text.slice(start, end)), without slicing: the word must end by `end`. */
export function isDepartmentWordAt(text: string, start: number, end: number): boolean {
  if (DEPARTMENT_FIRST_CODES[text.charCodeAt(start)] !== 1) return false;
  for (const w of DEPARTMENT_WORDS) if (end - start >= w.length && text.startsWith(w, start)) return true;
  return false;
}
