/**
 * Byte structure of the two Japanese multibyte encodings kamen reads besides UTF-8. Used to cut a chunk at a
 * character boundary (so iconv-lite decodes whole characters only) and to find the byte offset of an invalid
 * character (jp-sniff.ts scores which encoding a sample is written in).
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
