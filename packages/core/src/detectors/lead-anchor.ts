import { followedByNonDigit } from './digit-anchor.js';
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
  /**
   * beforePivot[c] is 1 for the code units that can come right before the pivot: a lead word's last character or an
   * optional one. A digit run after anything else (年, 月, a comma: most of them) cannot be a pivot, and its window is
   * not walked.
   */
  readonly beforePivot: Uint8Array;
  /**
   * The most digits a pivot digit run can hold: `(?:元|\d{1,2}) ?[年./-]` takes a whole run (a non-digit follows) of
   * at most two, so a longer run (a year, an amount) is no pivot. Infinity when unknown.
   */
  readonly pivotDigits: number;
}

// Characters with a meaning of their own in a regex (outside a class).
const SPECIAL = '\\^$.|?*+()[]{}/';

const isPlain = (c: string | undefined): c is string => c !== undefined && !SPECIAL.includes(c) && !isDigitChar(c);

const isQuantifier = (c: string | undefined): boolean => c === '?' || c === '*' || c === '+' || c === '{';

/** The characters of one lead alternative src[from, to), or undefined: plain characters, or one class of them. */
function leadAlternative(
  src: string,
  from: number,
  to: number,
): { firsts: string[]; lasts: string[]; length: number } | undefined {
  if (from >= to) return undefined;
  if (src[from] === '[') {
    const e = classEnd(src, from);
    if (e !== to) return undefined;
    const body = src.slice(from + 1, to - 1);
    // No negation, ranges or escapes: the class is exactly its characters.
    if (body.length === 0 || [...body].some((c) => c === '^' || c === '-' || !isPlain(c))) return undefined;
    return { firsts: [...body], lasts: [...body], length: 1 };
  }
  for (let j = from; j < to; j++) if (!isPlain(src[j])) return undefined;
  return { firsts: [src[from] as string], lasts: [src[to - 1] as string], length: to - from };
}

/** Anchors read so far, by what they were read from (the source up to the pivot, its pivot characters, the flags). */
const INTERNED = new Map<string, LeadAnchor>();

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
  const beforePivotChars: string[] = [];
  // What comes second: a longer lead word's second character, else what may follow a one-character lead.
  const secondChars: string[] = [];
  let oneChar = false;
  let reach = 0;
  for (const [a, b] of alts) {
    const alt = leadAlternative(source, a, b);
    if (alt === undefined) return undefined;
    firstChars.push(...alt.firsts);
    beforePivotChars.push(...alt.lasts);
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
    beforePivotChars.push(source[atomEnd - 1] as string);
    reach++;
    i = atomEnd + 1;
  }
  const pivots = pivotsAt(source, i);
  if (pivots === undefined) return undefined;
  const pivotDigits = pivotDigitsAt(source, i, flags);
  const first = new Uint8Array(0x10000);
  for (const c of firstChars) first[c.charCodeAt(0)] = 1;
  const second = new Uint8Array(0x10000);
  for (const c of oneChar ? [...secondChars, ...pivots] : secondChars) second[c.charCodeAt(0)] = 1;
  if (oneChar) for (let d = 0x30; d <= 0x39; d++) second[d] = 1;
  // Patterns that share their lead and pivot (wareki and wareki before 生) share one anchor object, so that
  // lead-matches.ts finds the starts once per text for both.
  const key = `${flags}\u0000${source.slice(0, i)}\u0000${pivots.join('')}\u0000${pivotDigits}`;
  const known = INTERNED.get(key);
  if (known !== undefined) return known;
  const beforePivot = new Uint8Array(0x10000);
  for (const c of beforePivotChars) beforePivot[c.charCodeAt(0)] = 1;
  const anchor = { first, pivots, reach, second, notAfter, beforePivot, pivotDigits };
  INTERNED.set(key, anchor);
  return anchor;
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
 * The most digits the pivot at `i` (`\d…` or a group of alternatives) takes when each digit alternative is `\d` with
 * a bounded quantifier and a non-digit must follow the pivot: it then takes a whole run. Infinity otherwise.
 */
function pivotDigitsAt(src: string, i: number, flags: string): number {
  const end = src.startsWith('\\d', i) ? quantifiedEnd(src, i + 2) : groupEnd(src, i);
  if (end < 0 || !followedByNonDigit(src, end, flags)) return Infinity;
  const alts = src.startsWith('\\d', i) ? [[i, end]] : alternatives(src, i + 3, end - 1);
  let most = 0;
  for (const [a, b] of alts ?? []) {
    if (!src.startsWith('\\d', a as number)) continue;
    const m = /^\\d(?:\{(\d+)(?:,(\d+))?\})?$/.exec(src.slice(a, b));
    if (m === null) return Infinity;
    most = Math.max(most, Number(m[2] ?? m[1] ?? 1));
  }
  return most === 0 ? Infinity : most;
}

/** End of the quantifier (if any) at `i`. */
function quantifiedEnd(src: string, i: number): number {
  const m = /^(?:\{\d+(?:,\d*)?\}|[?*+])\??/.exec(src.slice(i, i + 16));
  return m === null ? i : i + m[0].length;
}
