/**
 * Which characters a Shift_JIS/CP932 consumer can store. Only JIS X 0208 rows are accepted: the NEC and IBM
 * extension rows of CP932 (0x87, 0xED–0xEE, 0xFA–0xFC) hold itaiji such as 髙 and 﨑 that many legacy systems
 * reject or map differently, so surrogates never use them.
 */
let jisX0208: Set<string> | undefined;

function build(): Set<string> {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const set = new Set<string>();
  const leads: number[] = [];
  for (let b = 0x81; b <= 0x84; b++) leads.push(b);
  for (let b = 0x88; b <= 0x9f; b++) leads.push(b);
  for (let b = 0xe0; b <= 0xea; b++) leads.push(b);
  const pair = new Uint8Array(2);
  for (const lead of leads) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      try {
        const ch = decoder.decode(pair);
        if (ch.length === 1 && ch !== '\ufffd') set.add(ch);
      } catch {
        // unassigned code point in this row
      }
    }
  }
  return set;
}

/** True when every character of `s` is ASCII, half-width katakana or in JIS X 0208. */
export function isCp932Safe(s: string): boolean {
  jisX0208 ??= build();
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x80 || (c >= 0xff61 && c <= 0xff9f)) continue;
    if (!jisX0208.has(ch)) return false;
  }
  return true;
}
