/**
 * Byte structure of the two Japanese multibyte encodings kamen reads besides UTF-8. Used to cut a chunk at a
 * character boundary (so iconv-lite decodes whole characters only), to find the byte offset of an invalid
 * character, and to score which encoding a sample is written in.
 */

/** The legacy Japanese encodings: Shift_JIS, its Windows superset CP932, and EUC-JP. */
export type JpEncoding = 'shift_jis' | 'cp932' | 'euc-jp';

/** Bytes in the character that starts with `lead` (1 for single bytes, including invalid ones). */
export function unitLength(encoding: JpEncoding, lead: number): number {
  if (lead < 0x80) return 1;
  if (encoding === 'euc-jp') {
    if (lead === 0x8f) return 3; // JIS X 0212
    if (lead === 0x8e || (lead >= 0xa1 && lead <= 0xfe)) return 2; // half-width kana, JIS X 0208
    return 1;
  }
  return (lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc) ? 2 : 1;
}

/** Length of the prefix of `bytes` that ends on a character boundary (the rest waits for the next chunk). */
export function completeLength(encoding: JpEncoding, bytes: Uint8Array): number {
  // Walk back from the end over at most 3 bytes is not enough (trail bytes look like leads), so walk forward.
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const len = unitLength(encoding, bytes[i] as number);
    if (i + len > n) return i;
    i += len;
  }
  return n;
}

/**
 * How Japanese a decoded sample looks: hiragana weigh most, then katakana and kanji; half-width katakana and
 * private-use characters (what a wrong guess between Shift_JIS and EUC-JP produces) count against it.
 */
export function japaneseScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x3041 && c <= 0x309f) score += 3;
    else if (c >= 0x30a0 && c <= 0x30ff) score += 2;
    else if (c >= 0x4e00 && c <= 0x9fff) score += 2;
    else if (c >= 0x3000 && c <= 0x303f) score += 1;
    else if (c >= 0xff01 && c <= 0xff5e) score += 1;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 1;
    else if (c >= 0xe000 && c <= 0xf8ff) score -= 3;
    else score -= 1;
  }
  return score;
}
