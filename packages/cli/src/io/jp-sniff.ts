import type { JpEncoding } from './jp-bytes.js';

/**
 * How plausible a byte sample is as Japanese text in CP932 or in EUC-JP, for sniffing between the two when both
 * decode without an invalid character. Scored on bytes, per character: hiragana, katakana and JIS level-1 kanji
 * (the common ones) count most, level-2 kanji less, private-use and unassigned codes against.
 *
 * The hard case is a sample whose only non-ASCII bytes are 0xA1–0xDF: in CP932 those are half-width katakana
 * (ｱｲｳ, one byte each), in EUC-JP pairs of them are JIS X 0208 characters, often level-1 kanji. Half-width kana
 * are then judged by how half-width kana are really written: a voiced mark (ﾞﾟ) only after a kana that takes it,
 * ｬｭｮ after an i-row kana, a small kana, ｰ or ﾝ never first in a run. Well-formed runs score like kanji per byte,
 * ill-formed ones count against, so EUC-JP kanji read as CP932 (random marks and small kana) lose and a CP932 kana
 * column no longer turns into kanji. The mirror case, EUC-JP half-width kana (0x8E + kana byte), reads in CP932 as
 * kanji of row 0x8E only, which barely count. Ties go to CP932, by far the more common of the two: a lone EUC-JP
 * name whose bytes all fall in 0xA1–0xDF and read as well-formed kana is taken for CP932 (measured: about 7% of
 * single generated names, 1 in 3,000 three-name samples, none of the generated CSV rows).
 */

const HW_VOICED = 0xde; // ﾞ
const HW_SEMI = 0xdf; // ﾟ
/** Per half-width kana of a well-formed run: a level-1 kanji's 2 per two bytes, so the tie goes to CP932. */
const HW_KANA = 1;
const HW_MARK_OK = 1.5;
const HW_BAD = -2;
/** ｷｼﾁﾆﾋﾐﾘ: the kana a small ｬｭｮ follows. */
const I_ROW = new Set([0xb7, 0xbc, 0xc1, 0xc6, 0xcb, 0xd0, 0xd8]);

/** Tracks one run of half-width kana (bytes 0xA1–0xDF) and scores each as it comes. */
class HalfWidthRun {
  private prev = -1;

  /** Score of half-width kana byte `k` (0xA1–0xDF) following the run so far. */
  next(k: number): number {
    const prev = this.prev;
    this.prev = k;
    if (k >= 0xa1 && k <= 0xa5) return 0; // ｡｢｣､･ punctuation
    if (k === HW_VOICED || k === HW_SEMI) {
      const semi = k === HW_SEMI;
      const takes =
        (prev >= 0xca && prev <= 0xce) || // ﾊ-ﾎ take both marks
        (!semi && ((prev >= 0xb6 && prev <= 0xc4) || prev === 0xb3)); // ｶ-ﾄ and ｳ take ﾞ
      return takes ? HW_MARK_OK : HW_BAD;
    }
    // No word starts with ﾝ, and ｦ is only the object particle (rare in data: names, addresses, readings).
    if ((k === 0xdd && prev === -1) || k === 0xa6) return HW_BAD;
    // Small kana (ｧ-ｯ) and ｰ follow another kana (or its mark), never start a run.
    if (k >= 0xa7 && k <= 0xb0 && (prev < 0xa6 || prev > 0xdf)) return HW_BAD;
    // ｬｭｮ after an i-row kana (ｷｮ, ｼｬ, ﾁｭ) are how those syllables are written.
    if (k >= 0xac && k <= 0xae) return I_ROW.has(prev) || prev === HW_VOICED || prev === HW_SEMI ? HW_MARK_OK : HW_BAD;
    return HW_KANA;
  }

  end(): void {
    this.prev = -1;
  }
}

/** Score of a CP932 double-byte character. */
function cp932Pair(lead: number, trail: number): number {
  if (lead === 0x82) return trail >= 0x9f ? 3 : 1; // hiragana; full-width digits and letters
  if (lead === 0x83) return trail <= 0x96 ? 2 : 0; // katakana; Greek
  if (lead === 0x81 || lead === 0x87) return 1; // symbols, NEC specials (①, ㈱)
  if (lead === 0x84) return 0; // Cyrillic, box drawing
  // Row 0x8E with a trail of 0xA1–0xDF is what EUC-JP half-width kana (0x8E + kana byte) look like read as CP932:
  // real CP932 text has these kanji among others, which EUC-JP cannot decode, so here they barely count.
  if (lead === 0x8e && trail >= 0xa1 && trail <= 0xdf) return 0.5;
  if ((lead > 0x88 && lead < 0x98) || (lead === 0x88 && trail >= 0x9f) || (lead === 0x98 && trail <= 0x72)) return 2;
  if (lead >= 0x98 && lead <= 0xea) return 1; // level-2 kanji
  if (lead === 0xed || lead === 0xee || lead >= 0xfa) return 0.5; // NEC/IBM extension kanji
  return -3; // user-defined (private use)
}

/** Score of an EUC-JP JIS X 0208 character (lead and trail 0xA1–0xFE). */
function eucPair(lead: number): number {
  const row = lead - 0xa0;
  if (row === 4) return 3; // hiragana
  if (row === 5) return 2; // katakana
  if (row === 1 || row === 3 || row === 13) return 1; // symbols, full-width digits and letters, NEC specials
  if (row >= 16 && row <= 47) return 2; // level-1 kanji
  if (row >= 48 && row <= 84) return 1; // level-2 kanji
  if (row <= 8) return 0; // Greek, Cyrillic, box drawing
  return -3;
}

/** How plausible `bytes` are as Japanese text in `encoding` (higher is better; comparable between the two). */
export function jpPlausibility(bytes: Uint8Array, encoding: JpEncoding): number {
  const run = new HalfWidthRun();
  let score = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      run.end();
      i++;
    } else if (encoding !== 'euc-jp') {
      if (b >= 0xa1 && b <= 0xdf) {
        score += run.next(b);
        i++;
        continue;
      }
      run.end();
      if (i + 1 < n) score += cp932Pair(b, bytes[i + 1] as number);
      i += 2;
    } else if (b === 0x8e) {
      score += i + 1 < n ? run.next(bytes[i + 1] as number) : 0;
      i += 2;
    } else {
      run.end();
      if (b === 0x8f) {
        score -= 1; // JIS X 0212: rare
        i += 3;
      } else {
        score += eucPair(b);
        i += 2;
      }
    }
  }
  return score;
}
