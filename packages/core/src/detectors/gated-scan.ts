import type { LiteralGate } from './literal-gate.js';

/**
 * A sticky attempt at one place costs about as much as the global scan over this many characters of the same regex
 * (the English address patterns, whose global scan evaluates a lookbehind and optional lead-ins at every character).
 */
const ATTEMPT_COST_IN_CHARS = 4;

const NONE: RegExpExecArray[] = [];

/**
 * Matches of a literal-gated regex (literal-gate.ts), the same as the global scan's: the regex is tried, sticky, at
 * every place of each maximal run of alphabet characters that holds a finder match and whose character can start a
 * match, in text order, resuming after each match as the global scan does. No match can start anywhere else: a match
 * lies inside one run and holds a finder match. When those runs are most of the text, the plain scan is cheaper and runs instead.
 */
export function gatedMatches(
  text: string,
  gate: LiteralGate,
  sticky: RegExp,
  scanAll: (text: string) => RegExpExecArray[],
): RegExpExecArray[] {
  const { alphabet, first, finder, literal } = gate;
  // The PO box pattern's matches() over a 2 MB pass of bench text, CPU ms, same process: mixed 1.10 -> 0.43, en 1.51
  // -> 0.47 (most texts hold no 'Box').
  if (literal !== undefined && !text.includes(literal)) return NONE;
  const n = text.length;
  const isIn = (c: number): boolean => c < 128 && alphabet[c] === 1;
  let runs: number[] | undefined; // start, end pairs
  let places = 0;
  let m: RegExpExecArray | null;
  for (let from = 0; (m = nextFinderMatch(text, from, finder, gate.opener)) !== null;) {
    let a = m.index;
    let b = a + m[0].length;
    while (a > 0 && isIn(text.charCodeAt(a - 1))) a--;
    while (b < n && isIn(text.charCodeAt(b))) b++;
    (runs ??= []).push(a, b);
    places += b - a;
    // Later finder matches in this run add nothing; one past its end starts the next run at the earliest.
    from = b + 1;
    if (b >= n) break;
  }
  if (runs === undefined) return NONE;
  if (places * ATTEMPT_COST_IN_CHARS > n) return scanAll(text);
  let out = NONE;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1] as number;
    for (let p = runs[r] as number; p < end; p++) {
      if (first[text.charCodeAt(p)] !== 1) continue;
      sticky.lastIndex = p;
      const found = sticky.exec(text);
      if (found === null || found[0].length === 0) continue;
      if (out === NONE) out = [];
      out.push(found);
      p += found[0].length - 1;
    }
  }
  return out;
}

/**
 * The first finder match at or after `from`: by the global finder's scan, or, when every finder match starts with an
 * opener character, by sticky tries at that character's occurrences (indexOf skips the rest of the text faster than
 * the regex scan does). The Japanese address pattern's matches() per 2 MB pass of bench text, CPU ms, same process:
 * mixed 2.21 -> 1.62, en 3.87 -> 2.36.
 */
function nextFinderMatch(
  text: string,
  from: number,
  finder: RegExp,
  opener: LiteralGate['opener'],
): RegExpExecArray | null {
  if (opener === undefined) {
    finder.lastIndex = from;
    return finder.exec(text);
  }
  for (let a = text.indexOf(opener.char, from); a >= 0; a = text.indexOf(opener.char, a + 1)) {
    opener.finder.lastIndex = a;
    const m = opener.finder.exec(text);
    if (m !== null) return m;
  }
  return null;
}
