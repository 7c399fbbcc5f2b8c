const NONE: RegExpExecArray[] = [];

/** Most characters a match may start with for the scan by occurrence below. */
const MAX_CHARS = 3;

/**
 * The characters a prefix-anchored match can start with (prefix-first.ts), when they are at most MAX_CHARS and none
 * is ASCII: 記 of `記号[ :]{0,2}…`, 〒, 出 生 誕 of the birth-date labels. Such a character is rarer in any text than
 * the digit runs the anchor would otherwise walk back from, up to prefixMax places each (eight for the health
 * insurance symbol's `記号[ :]{0,2}(?:[ぁ-ゖァ-ヺ一-鿿]{1,4} ?)?`). Undefined otherwise.
 */
export function rareFirstChars(first: Uint8Array | undefined): string[] | undefined {
  if (first === undefined) return undefined;
  const chars: string[] = [];
  for (let c = 0; c < first.length; c++) {
    if (first[c] !== 1) continue;
    if (c < 0x80 || chars.length === MAX_CHARS) return undefined;
    chars.push(String.fromCharCode(c));
  }
  return chars.length > 0 ? chars : undefined;
}

/**
 * Matches of a prefix-anchored regex, the same as the global scan's: one sticky attempt at each occurrence of a
 * character a match can start with (found with indexOf, in text order), skipping those before the end of the
 * previous match as the global scan skips them; no other place can start a match. When the occurrences are more than
 * one per `attemptCost` characters, the plain scan runs instead. Pattern rules' matches() with such a prefix over a
 * 2 MB pass of mixed bench text, same process, CPU ms: see anchored-regex.ts.
 */
export function firstCharMatches(
  text: string,
  chars: readonly string[],
  sticky: RegExp,
  attemptCost: number,
  scanAll: (text: string) => RegExpExecArray[],
): RegExpExecArray[] {
  // Past this many occurrences the plain scan is cheaper: it then runs from the start, whatever was found so far.
  const most = text.length / attemptCost;
  const at = chars.map((x) => text.indexOf(x));
  let count = 0;
  let out = NONE;
  let next = 0;
  for (let p = nearest(at); p >= 0; p = nearest(at)) {
    if (++count > most) return scanAll(text);
    for (let j = 0; j < at.length; j++) if (at[j] === p) at[j] = text.indexOf(chars[j] as string, p + 1);
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    // A match consumes its prefix and digits: never empty.
    if (out === NONE) out = [];
    out.push(m);
    next = p + m[0].length;
  }
  return out;
}

/** The least place in `at` that is not -1, or -1 (also lead-matches.ts's next lead character). */
export function nearest(at: readonly number[]): number {
  let best = -1;
  for (let j = 0; j < at.length; j++) {
    const a = at[j] as number;
    if (a >= 0 && (best < 0 || a < best)) best = a;
  }
  return best;
}
