import { leadingDigitsAt, leadingDigitsIn, readDigitAnchor } from './digit-anchor.js';
import { alternatives, classEnd, groupEnd, mayBeSkipped } from './regex-source.js';

/**
 * The characters that can come right after a digit-anchored pattern's leading digits, when those digits take a whole
 * run: `\d{4}([ -])…` needs a space or '-' after a run of four digits, `\d{1,3}(?:\.\d{1,3}){3}` a '.'. A run
 * followed by anything else cannot start a match, so anchored-regex.ts neither tries nor counts it: in dates and
 * amounts most short runs are followed by 年, /, : or a space and drop out.
 *
 * Only for anchors whose digits end where their run ends (digit-anchor.ts: bounded, after a non-digit prefix or a
 * lookbehind rejecting a digit), where the atom after them must match the character after the run. The set may be
 * larger than the truth, never smaller: ASCII is asked of the regex engine; any non-ASCII character passes when the
 * atom could match one.
 */
export interface FollowSet {
  /** ascii[c] is 1 when the ASCII character c can follow. */
  readonly ascii: Uint8Array;
  /** A non-ASCII character may follow. */
  readonly nonAscii: boolean;
  /**
   * When above 0, the follow character is exactly one code unit and the digits after it start a run of at least this
   * many: `\d{4}([ -])\d{4}` needs the run after a four-digit run's space or '-' to start right after it and hold four
   * digits or more. A date's '2024-01' drops out: the card's 4-6-5 and 4-6-4 groups took about half the time per 2 MB
   * of bench text with this check (common.credit_card, mixed: 2.7 -> 1.7 ms).
   */
  readonly nextDigits: number;
}

/** End of the single-character atom at `i` (a class, an escape, a plain character), or -1. */
function charAtomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === undefined) return -1;
  if (c === '[') return classEnd(src, i);
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    // Backreferences, octal escapes, boundaries and escapes with a body: not followed.
    if (/[0-9kbBpPcux]/.test(e)) return -1;
    return i + 2;
  }
  return '.^$|()?*+{}'.includes(c) ? -1 : i + 1;
}

type MutableSet = { ascii: Uint8Array; nonAscii: boolean; nextDigits: number };

/** True when the quantifier at `i` lets the atom before it match nothing (?, *, {0…}). */

/**
 * Adds what the atom at `i` can match first to `set`; false when it cannot tell. With `once`, the atom's own
 * quantifier is ignored (the caller handles an atom that may be skipped).
 */
function addFirst(src: string, i: number, flags: string, set: MutableSet, once = false): boolean {
  if (src[i] === '(') {
    const end = groupEnd(src, i);
    // A group that may match nothing lets what follows it come first: the caller's business, else not followed.
    if (end < 0 || (!once && mayBeSkipped(src, end))) return false;
    let body = i + 1;
    if (src[body] === '?') {
      if (src[body + 1] !== ':') return false; // assertions, named groups: not followed
      body += 2;
    }
    let start = body;
    for (let j = body; j <= end - 1; j++) {
      const c = src[j];
      if (j === end - 1 || c === '|') {
        if (!addFirst(src, start, flags, set)) return false;
        start = j + 1;
      } else if (c === '\\') j++;
      else if (c === '[' || c === '(') {
        const e = c === '[' ? classEnd(src, j) : groupEnd(src, j);
        if (e < 0) return false;
        j = e - 1;
      }
    }
    return true;
  }
  const end = charAtomEnd(src, i);
  if (end < 0) return false;
  const atom = src.slice(i, end);
  // The quantifier after it must make it take at least one character (digit-anchor.ts checked this for the first).
  if (!once && mayBeSkipped(src, end)) return false;
  try {
    const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gyd]/g, ''));
    for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) set.ascii[c] = 1;
  } catch {
    return false;
  }
  // Non-ASCII may follow unless the atom is printable ASCII with only ASCII escapes (\u, \x and classes like \s
  // reach further), not negated, without the i or u flag.
  const escapes = atom.replace(/\\[-\]\\^./()[{}|?*+$dnrt]/g, '');
  if (!/^[\x20-\x7e]*$/.test(atom) || escapes.includes('\\') || atom.startsWith('[^') || /[iu]/.test(flags))
    set.nonAscii = true;
  return true;
}

/** The follow set of a digit-anchored pattern whose leading digits take a whole run, or undefined. */
export function digitFollowOf(source: string, flags = ''): FollowSet | undefined {
  const read = readDigitAnchor(source, flags);
  if (read === undefined) return undefined;
  const { anchor, stop } = read;
  if (anchor.maxLeadingDigits === Infinity || !(anchor.notAfterDigit || anchor.prefixMax > 0)) return undefined;
  const set = { ascii: new Uint8Array(128), nonAscii: false, nextDigits: 0 };
  // Atoms that may match nothing (` ?[年./-]`, `(?:st|nd)? `): what they start with, or what comes after them.
  let i = stop;
  for (let guard = 0; guard < 8; guard++) {
    const end = src0AtomEnd(source, i);
    if (end < 0) return undefined;
    const skipTo = end < source.length && mayBeSkipped(source, end) ? quantifierEnd(source, end) : -1;
    if (skipTo < 0) {
      if (!addFirst(source, i, flags, set)) return undefined;
      if (guard === 0) set.nextDigits = digitsAfterOneUnit(source, i, flags);
      return set;
    }
    if (!addFirst(source, i, flags, set, true)) return undefined;
    i = skipTo;
  }
  return undefined;
}

/**
 * The digits that must come right after the atom at `i` when that atom matches exactly one code unit: a single-character
 * atom, or a group holding only one, without a quantifier, and no u flag (under which a class or an escape may match a
 * surrogate pair). 0 otherwise, or when what follows need not start with a digit.
 */
function digitsAfterOneUnit(src: string, i: number, flags: string): number {
  if (flags.includes('u')) return 0;
  let end: number;
  if (src[i] === '(') {
    end = groupEnd(src, i);
    // A capturing or a non-capturing group (addFirst has turned the others away).
    const body = src.startsWith('(?:', i) ? i + 3 : i + 1;
    if (end < 0 || (end < src.length && '?*+{'.includes(src.charAt(end)))) return 0;
    if (charAtomEnd(src, body) !== end - 1) return digitsAfterEachUnit(src, body, end);
  } else end = charAtomEnd(src, i);
  // charAt past the source is '', which includes() finds: nothing follows there, so no digits either.
  if (end < 0 || '?*+{'.includes(src.charAt(end))) return 0;
  return leadingDigitsAt(src, end);
}

/**
 * The same for a group of alternatives that each start with a one-unit atom (` \d{4} \d{4}|-\d{4}-\d{4}`, the card
 * groups with one separator spelt out per separator): the fewest digits any alternative needs after its first unit,
 * counting those after the group for an alternative of that unit alone. 0 when an alternative starts otherwise.
 */
function digitsAfterEachUnit(src: string, body: number, end: number): number {
  const alts = alternatives(src, body, end - 1);
  if (alts === undefined) return 0;
  let fewest = Infinity;
  for (const [from, to] of alts) {
    const unit = charAtomEnd(src, from);
    if (unit < 0 || unit > to || (unit < to && '?*+{'.includes(src.charAt(unit)))) return 0;
    fewest = Math.min(fewest, unit === to ? leadingDigitsAt(src, end) : leadingDigitsIn(src, unit, to));
  }
  return fewest === Infinity ? 0 : fewest;
}

/** End of the atom at `i` (a group or a single-character atom), before any quantifier; -1 when not followed. */
function src0AtomEnd(src: string, i: number): number {
  return src[i] === '(' ? groupEnd(src, i) : charAtomEnd(src, i);
}

/** End of the skippable quantifier at `i` (?, *, {0,n}, each maybe lazy), or -1. */
function quantifierEnd(src: string, i: number): number {
  let end: number;
  if (src[i] === '?' || src[i] === '*') end = i + 1;
  else {
    const m = /^\{0(?:,\d*)?\}/.exec(src.slice(i, i + 16));
    if (m === null) return -1;
    end = i + m[0].length;
  }
  return src[end] === '?' ? end + 1 : end;
}
