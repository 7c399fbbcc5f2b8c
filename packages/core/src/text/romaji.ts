/**
 * Kana to romaji, modified Hepburn as used in Japanese passports (外務省 ヘボン式):
 * - ン is `m` before b, m, p (ナンバ → namba, ホンマ → homma), else `n`; no apostrophe (シンイチ → shinichi).
 * - ッ doubles the next consonant, `t` before ch (ハッチ → hatchi).
 * - Long vowels are dropped by default (`long: 'omit'`): オウ/オオ → o, ウウ → u, ー dropped, so 大野 オオノ is
 *   ONO and 佐藤 サトウ is SATO. Passports allow OH on request (`long: 'oh'`: OHNO, SATOH); `long: 'keep'`
 *   writes the kana as typed (SATOU, OONO). エイ and イイ are never shortened.
 * Output is lower case; callers choose capitalisation (YAMADA Taro).
 * @public
 */
export interface RomajiOptions {
  readonly long?: 'omit' | 'oh' | 'keep';
}

const BASE: Record<string, string> = {};
const add = (kana: string, roma: string): void => {
  const ks = kana.split(' ');
  const rs = roma.split(' ');
  ks.forEach((k, i) => (BASE[k] = rs[i] as string));
};
add('ア イ ウ エ オ ァ ィ ゥ ェ ォ', 'a i u e o a i u e o');
add('カ キ ク ケ コ ガ ギ グ ゲ ゴ', 'ka ki ku ke ko ga gi gu ge go');
add('サ シ ス セ ソ ザ ジ ズ ゼ ゾ', 'sa shi su se so za ji zu ze zo');
add('タ チ ツ テ ト ダ ヂ ヅ デ ド', 'ta chi tsu te to da ji zu de do');
add('ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ', 'na ni nu ne no ha hi fu he ho');
add('バ ビ ブ ベ ボ パ ピ プ ペ ポ', 'ba bi bu be bo pa pi pu pe po');
add('マ ミ ム メ モ ヤ ユ ヨ ャ ュ ョ', 'ma mi mu me mo ya yu yo ya yu yo');
add('ラ リ ル レ ロ ワ ヰ ヱ ヲ ヴ ヮ ヵ ヶ', 'ra ri ru re ro wa i e o vu wa ka ke');
// Two-kana syllables: yōon and the foreign-sound combinations.
add('キャ キュ キョ ギャ ギュ ギョ シャ シュ ショ ジャ ジュ ジョ', 'kya kyu kyo gya gyu gyo sha shu sho ja ju jo');
add('チャ チュ チョ ヂャ ヂュ ヂョ ニャ ニュ ニョ ヒャ ヒュ ヒョ', 'cha chu cho ja ju jo nya nyu nyo hya hyu hyo');
add('ビャ ビュ ビョ ピャ ピュ ピョ ミャ ミュ ミョ リャ リュ リョ', 'bya byu byo pya pyu pyo mya myu myo rya ryu ryo');
add('シェ ジェ チェ ティ ディ トゥ ドゥ デュ テュ ファ フィ フェ フォ', 'she je che ti di tu du dyu tyu fa fi fe fo');
add('ウィ ウェ ウォ ヴァ ヴィ ヴェ ヴォ ツァ ツィ ツェ ツォ イェ', 'wi we wo va vi ve vo tsa tsi tse tso ye');

const toKatakanaUnit = (c: number): number => (c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c);

/** Romanises kana (hiragana or katakana; other characters pass through lower-cased). */
export function kanaToRomaji(kana: string, options: RomajiOptions = {}): string {
  const long = options.long ?? 'omit';
  let s = '';
  for (let i = 0; i < kana.length; i++) s += String.fromCharCode(toKatakanaUnit(kana.charCodeAt(i)));
  let out = '';
  let geminate = false;
  for (let i = 0; i < s.length;) {
    const two = s.slice(i, i + 2);
    const one = s[i] as string;
    if (one === 'ッ') {
      geminate = true;
      i++;
      continue;
    }
    if (one === 'ー') {
      if (long === 'keep') out += out.slice(-1);
      else if (long === 'oh' && out.endsWith('o')) out += 'h';
      i++;
      continue;
    }
    if (one === 'ン') {
      const next = BASE[s.slice(i + 1, i + 3)] ?? BASE[s[i + 1] ?? ''] ?? '';
      out += /^[bmp]/.test(next) ? 'm' : 'n';
      i++;
      continue;
    }
    let syl = BASE[two];
    let used = 2;
    if (syl === undefined) {
      syl = BASE[one];
      used = 1;
    }
    if (syl === undefined) {
      out += one.toLowerCase();
      geminate = false;
      i++;
      continue;
    }
    if (geminate) {
      out += syl.startsWith('ch') ? 't' : syl[0];
      geminate = false;
    }
    // Long vowels: オウ, オオ → o and ウウ → u (passport style), unless the next kana starts a new syllable
    // with a glide (a small kana after ウ/オ makes it a syllable of its own: ウォ).
    const vowelKana = s[i + used];
    const afterVowel = s[i + used + 1];
    // ウエ is almost always a morpheme boundary (井上 イノウエ → inoue, 植 ウエ), never a long vowel.
    const isSmall = afterVowel !== undefined && 'ァィゥェォャュョエ'.includes(afterVowel);
    if (long !== 'keep' && !isSmall && syl.endsWith('o') && (vowelKana === 'ウ' || vowelKana === 'オ')) {
      // OH only before a consonant: オオウチ is OUCHI, not OHUCHI.
      const beforeVowel = afterVowel !== undefined && 'アイウエオ'.includes(afterVowel);
      out += syl + (long === 'oh' && !beforeVowel ? 'h' : '');
      i += used + 1;
      continue;
    }
    if (long !== 'keep' && !isSmall && syl.endsWith('u') && vowelKana === 'ウ') {
      out += syl;
      i += used + 1;
      continue;
    }
    out += syl;
    i += used;
  }
  return out;
}

/** True when every unit of `s` is a-z: romaji from kanaToRomaji, and most lower-cased tokens. */
function isPlainLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) - 0x61) >>> 0 > 25) return false;
  return true;
}

/**
 * A loose key under which the spellings of one reading meet: Ohno, Oono, Ono, Ōno and ONO all give `ono`;
 * Homma and Honma give `honma`; Kunrei si/ti/tu/hu/zi give Hepburn. Compare keys, never raw romaji.
 *
 * Each rewrite runs only when the text holds what it rewrites (an includes() is a necessary condition for the
 * replace to change anything, so the key is the same): a name is a few letters and most rewrites find nothing, but
 * a regex replace costs ~0.1 µs even then. The romaji keys of the 16k dictionary readings, built at the first Latin
 * token of a process, CPU ms in a fresh process: ~86 -> ~28 (warm: 27-35 -> 7-8).
 */
export function romajiMatchKey(romaji: string): string {
  let key = isPlainLower(romaji)
    ? romaji
    : romaji
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '') // ō → o, â → a
        .replace(/[^a-z]/g, '');
  if (key.includes('m')) key = key.replace(/m(?=[bmp])/g, 'n');
  if (key.includes('tch')) key = key.replace(/tch/g, 'cch');
  if (key.includes('si')) key = key.replace(/si/g, 'shi');
  if (key.includes('ti')) key = key.replace(/ti/g, 'chi');
  if (key.includes('tu')) key = key.replace(/tu/g, 'tsu');
  if (key.includes('hu')) key = key.replace(/(?<![cs])hu/g, 'fu');
  if (key.includes('zi')) key = key.replace(/zi/g, 'ji');
  if (key.includes('y')) key = key.replace(/sy/g, 'sh').replace(/ty/g, 'ch').replace(/[jz]y/g, 'j');
  if (key.includes('oh')) key = key.replace(/oh(?![aeiou])/g, 'o');
  // オオウチ is oouchi, ouchi or ohuchi depending on policy: collapse until nothing changes.
  while (key.includes('oo') || key.includes('ou') || key.includes('uu')) {
    key = key.replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
  }
  return key;
}
