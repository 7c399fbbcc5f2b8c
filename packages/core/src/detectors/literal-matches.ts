import type { LiteralAnchor } from './literal-anchor.js';

const NONE: RegExpExecArray[] = [];

/**
 * The same for a literal anchor as anchored-regex.ts's ATTEMPT_COST_IN_CHARS: its regexes (e-mail, IPv6) cost several
 * times more per character of plain scan, and a colon or '@' per 16 characters is already dense text.
 */
const LITERAL_ATTEMPT_COST_IN_CHARS = 16;

/**
 * Matches of a literal-anchored regex (literal-anchor.ts): one sticky attempt per occurrence of the literal, at the
 * start of the run of run-class characters before it. Starts come in increasing order (the literal is not in the run
 * class, so each run ends at its own literal) and those before the end of the previous match are skipped, as the
 * global scan skips them; no other start can match.
 */
export function literalMatches(
  text: string,
  anchor: LiteralAnchor,
  sticky: RegExp,
  scanAll: (text: string) => RegExpExecArray[],
  first: Uint8Array | undefined,
): RegExpExecArray[] {
  const x = String.fromCharCode(anchor.literal);
  let count = 0;
  for (let a = text.indexOf(x); a >= 0; a = text.indexOf(x, a + 1)) count++;
  if (count === 0) return NONE;
  if (count * LITERAL_ATTEMPT_COST_IN_CHARS > text.length) return scanAll(text);
  const run = anchor.runClass;
  let out = NONE;
  let next = 0;
  for (let a = text.indexOf(x); a >= 0; a = text.indexOf(x, a + 1)) {
    let s = a;
    while (s > next) {
      const c = text.charCodeAt(s - 1);
      if (c >= 128 || run[c] !== 1) break;
      s--;
    }
    if (s < next || (s === next && s > 0 && isRun(run, text.charCodeAt(s - 1)))) continue;
    if (first !== undefined && first[text.charCodeAt(s)] !== 1) continue;
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m === null) continue;
    // A match holds the literal, so it is never empty.
    if (out === NONE) out = [];
    out.push(m);
    next = s + m[0].length;
  }
  return out;
}

const isRun = (run: Uint8Array, c: number): boolean => c < 128 && run[c] === 1;
