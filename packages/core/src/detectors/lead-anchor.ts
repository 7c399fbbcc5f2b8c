import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd, isDigitChar, mayBeSkipped } from './regex-source.js';

/**
 * Reads, from a pattern's source, "every match starts with one of a few non-digit lead words (明治, 平成, S …), then
 * at most a few optional non-digit characters, then a pivot: a digit or one of a few literal characters (元)". The
 * wareki birth-date patterns have this shape; they start with a group, so digit-anchor.ts cannot read them, and a
 * plain scan tries their lookbehind at every character. Such a match starts at most `reach` characters before a
 * pivot, on a character of `first`; and a pivot digit starts a digit run, since everything before it in the match
 * is a non-digit. So the regex is tried only there (anchored-regex.ts).
 *
 * Conservative like the other readers: leading lookbehinds; a lead that is a plain character, a class of plain
 * characters or a group of alternatives of those, with no quantifier; optional single characters (`x?`, `\.?`);
 * then `\d` or a group whose every alternative starts with `\d` or a plain character that must match. Anything else
 * (and the i, u and v flags, which change what a character matches) gives undefined.
 */
export interface LeadAnchor {
  /** first[c] is 1 for the UTF-16 code units a match can start with. */
  readonly first: Uint8Array;
  /** Non-digit characters that can be the pivot (a digit always can). */
  readonly pivots: readonly string[];
  /** The pivot is 1 to `reach` characters after the start of the match. */
  readonly reach: number;
  /** second[c] is 1 for the code units that can come right after the first (a digit always can). */
  readonly second: Uint8Array;
  /** notAfter[c] is 1 for the ASCII characters a leading lookbehind rejects right before the start. */
  readonly notAfter: Uint8Array;
}

// Characters with a meaning of their own in a regex (outside a class).
const SPECIAL = '\\^$.|?*+()[]{}/';

const isPlain = (c: string | undefined): c is string => c !== undefined && !SPECIAL.includes(c) && !isDigitChar(c);

const isQuantifier = (c: string | undefined): boolean => c === '?' || c === '*' || c === '+' || c === '{';

/** The characters of one lead alternative src[from, to), or undefined: plain characters, or one class of them. */
function leadAlternative(src: string, from: number, to: number): { firsts: string[]; length: number } | undefined {
  if (from >= to) return undefined;
  if (src[from] === '[') {
    const e = classEnd(src, from);
    if (e !== to) return undefined;
    const body = src.slice(from + 1, to - 1);
    // No negation, ranges or escapes: the class is exactly its characters.
    if (body.length === 0 || [...body].some((c) => c === '^' || c === '-' || !isPlain(c))) return undefined;
    return { firsts: [...body], length: 1 };
  }
  for (let j = from; j < to; j++) if (!isPlain(src[j])) return undefined;
  return { firsts: [src[from] as string], length: to - from };
}

export function leadAnchorOf(source: string, flags = ''): LeadAnchor | undefined {
  if (/[iuv]/.test(flags)) return undefined;
  let i = 0;
  const notAfter = new Uint8Array(128);
  while (source.startsWith('(?<!', i) || source.startsWith('(?<=', i)) {
    const e = groupEnd(source, i);
    if (e < 0) return undefined;
    if (source.startsWith('(?<!', i)) addRejected(source.slice(i + 4, e - 1), flags, notAfter);
    i = e;
  }
  // The lead: one alternative, or a non-capturing group of them; it must match exactly once.
  let leadEnd: number;
  let alts: [number, number][] | undefined;
  if (source.startsWith('(?:', i)) {
    leadEnd = groupEnd(source, i);
    if (leadEnd < 0) return undefined;
    alts = alternatives(source, i + 3, leadEnd - 1);
  } else {
    leadEnd = source[i] === '[' ? classEnd(source, i) : i + 1;
    if (leadEnd <= i) return undefined;
    alts = [[i, leadEnd]];
  }
  if (alts === undefined || isQuantifier(source[leadEnd])) return undefined;
  const firstChars: string[] = [];
  // What comes second: a longer lead word's second character, else what may follow a one-character lead.
  const secondChars: string[] = [];
  let oneChar = false;
  let reach = 0;
  for (const [a, b] of alts) {
    const alt = leadAlternative(source, a, b);
    if (alt === undefined) return undefined;
    firstChars.push(...alt.firsts);
    if (alt.length > 1) secondChars.push(source[a + 1] as string);
    else oneChar = true;
    reach = Math.max(reach, alt.length);
  }
  // Optional single non-digit characters: each may add one character between the lead and the pivot.
  i = leadEnd;
  for (;;) {
    let atomEnd: number;
    if (source[i] === '\\' && ASCII_PUNCTUATION.includes(source[i + 1] ?? 'x')) atomEnd = i + 2;
    else if (isPlain(source[i])) atomEnd = i + 1;
    else break;
    if (source[atomEnd] !== '?' || isQuantifier(source[atomEnd + 1])) break;
    if (oneChar) secondChars.push(source[atomEnd - 1] as string);
    reach++;
    i = atomEnd + 1;
  }
  const pivots = pivotsAt(source, i);
  if (pivots === undefined) return undefined;
  const first = new Uint8Array(0x10000);
  for (const c of firstChars) first[c.charCodeAt(0)] = 1;
  const second = new Uint8Array(0x10000);
  for (const c of oneChar ? [...secondChars, ...pivots] : secondChars) second[c.charCodeAt(0)] = 1;
  if (oneChar) for (let d = 0x30; d <= 0x39; d++) second[d] = 1;
  return { first, pivots, reach, second, notAfter };
}

/**
 * Marks the ASCII characters that the lookbehind body `x` matches on their own: `(?<!x)` rejects a start right
 * after any of them. Only plain bodies (no anchors, boundaries, assertions or backreferences), whose match of the
 * lone character is a match wherever it stands; else nothing is marked.
 */
function addRejected(x: string, flags: string, notAfter: Uint8Array): void {
  if (/\\[1-9bBk]|[$^]|\(\?[=!<]/.test(x)) return;
  try {
    const re = new RegExp(`^(?:${x})$`, flags.replace(/[gyd]/g, ''));
    for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) notAfter[c] = 1;
  } catch {
    // Not a body this reader can ask about: no filter.
  }
}

/** The non-digit pivot characters of the pivot at `i` (`\d`, or a group of alternatives), or undefined. */
function pivotsAt(src: string, i: number): string[] | undefined {
  if (src.startsWith('\\d', i)) return mayBeSkipped(src, i + 2) ? undefined : [];
  if (!src.startsWith('(?:', i)) return undefined;
  const end = groupEnd(src, i);
  if (end < 0 || mayBeSkipped(src, end)) return undefined;
  const alts = alternatives(src, i + 3, end - 1);
  if (alts === undefined) return undefined;
  const out: string[] = [];
  for (const [a] of alts) {
    if (src.startsWith('\\d', a)) {
      if (mayBeSkipped(src, a + 2)) return undefined;
    } else if (isPlain(src[a]) && !mayBeSkipped(src, a + 1)) {
      out.push(src[a] as string);
    } else return undefined;
  }
  return out;
}

/**
 * Matches of a lead-anchored regex: one sticky attempt at each character of `first` 1 to `reach` characters
 * before a pivot (a digit run's start, or a pivot character), in increasing order, skipping those before the end
 * of the previous match as the global scan skips them; no other start can match. Undefined when there are so many
 * attempts (more than one per `attemptCost` characters) that the plain scan is cheaper.
 */
export function leadMatches(
  text: string,
  anchor: LeadAnchor,
  runStarts: readonly number[],
  sticky: RegExp,
  attemptCost: number,
): RegExpExecArray[] | undefined {
  let pivots = runStarts;
  for (const x of anchor.pivots) {
    for (let a = text.indexOf(x); a >= 0; a = text.indexOf(x, a + 1)) {
      if (pivots === runStarts) pivots = [...runStarts];
      (pivots as number[]).push(a);
    }
  }
  if (pivots !== runStarts) (pivots as number[]).sort((a, b) => a - b);
  const { first, reach, second, notAfter } = anchor;
  let starts: number[] | undefined;
  let last = -1; // last start added: the windows before two close pivots overlap
  for (let k = 0; k < pivots.length; k++) {
    const q = pivots[k] as number;
    for (let p = Math.max(q - reach, last + 1, 0); p < q; p++) {
      if (first[text.charCodeAt(p)] !== 1 || second[text.charCodeAt(p + 1)] !== 1) continue;
      const before = p > 0 ? text.charCodeAt(p - 1) : 128;
      if (before < 128 && notAfter[before] === 1) continue;
      (starts ??= []).push(p);
      last = p;
    }
  }
  if (starts === undefined) return [];
  if (starts.length * attemptCost > text.length) return undefined;
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k] as number;
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    // The lead consumes at least one character: never empty.
    out.push(m);
    next = p + m[0].length;
  }
  return out;
}
