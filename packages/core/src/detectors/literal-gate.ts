import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd } from './regex-source.js';
import { bodyStart, consume, firstOf, isLookaround, quantifierAt, Unsure } from './gate-chars.js';

/**
 * Reads, from a pattern's source, two facts that confine its matches: every character a match consumes is in a small
 * ASCII `alphabet`, and every match holds a match of `finder`, a mandatory stretch of the pattern's own literals
 * (`(?:St|Street|…|Terr)\b\.?` of a street address, `-(?:ku|shi|…)` of a ward, `\bP\.? ?O\.? Box ` of a PO box).
 * A match then lies inside one maximal run of alphabet characters, and that run holds a finder match; runs without
 * one (nearly all of a text: 1.5-3.7 % of the bench documents' characters lie in runs with a street-type word) cannot
 * hold a match, so the regex need not be tried there (gated-scan.ts). The English address patterns start with
 * optional lead-ins (`(?:Apt|Unit|…) [\w-]{1,6},? `, `(?:[A-Z][A-Za-z]+ ){1,3}Building`) that no digit or prefix
 * anchor bounds.
 *
 * Why a finder match marks the right run: the finder is a contiguous stretch of the pattern that every match must pass
 * through (no optional group, no alternation, no zero-minimum quantifier around it), so where a match took it the
 * finder matches too (its assertions see the same text). A global finder scan may step over that place only inside an
 * earlier finder match that overlaps it; both consume alphabet characters only, so they lie in the same run.
 *
 * Conservative: the alphabet comes from plain ASCII characters, escaped punctuation, \d, \w, and classes of those
 * (asked of the regex engine on 0-127); `.`, negated classes, \s, \D, \W, \S, \p, \u, \x, \c, modifier groups and
 * backreferences give undefined, as do the i, u, v and s flags. Lookarounds consume nothing and are not read.
 */
export interface LiteralGate {
  /** alphabet[c] is 1 for the ASCII characters a match can consume; no other character can be in a match. */
  readonly alphabet: Uint8Array;
  /** first[c] is 1 for the characters a match can start with (a subset of the alphabet). */
  readonly first: Uint8Array;
  /** A global regex every match holds a match of. */
  readonly finder: RegExp;
  /** How many characters a finder match must hold (literal ones: the rarer, the fewer runs). */
  readonly chars: number;
  /**
   * The longest stretch of plain characters every finder match holds, without spaces at its ends, when it has
   * MIN_LITERAL_CHARS or more (`Box` of the PO box): a text without it holds no match, told by one includes() instead
   * of the finder's scan.
   */
  readonly literal: string | undefined;
  /**
   * The character every finder match starts with, when it is ASCII punctuation other than a space (`-` of a ward's
   * `-(?:ku|shi|…)`), and the finder made sticky: gated-scan.ts then looks for that character with indexOf and tries
   * the finder only there, which finds the same matches in the same order.
   */
  readonly opener: { readonly char: string; readonly finder: RegExp } | undefined;
}

/** Shorter literals than this are too common to rule out a text (a space, `-`). */
const MIN_LITERAL_CHARS = 3;

/** Finders of fewer mandatory characters than this are too common to gate anything (a lone space, a hyphen). */
const MIN_FINDER_CHARS = 2;

/** A plain or escaped-punctuation single character at `i`: its end, or -1. */
function literalCharEnd(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') return ASCII_PUNCTUATION.includes(src[i + 1] ?? 'x') && src[i + 1] !== undefined ? i + 2 : -1;
  return c !== undefined && c.charCodeAt(0) < 128 && !'.^$|?*+()[]{}'.includes(c) ? i + 1 : -1;
}

/** The least number of characters src[from, to) must consume if it is a run of literal characters, else -1. */
function literalRunMin(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to;) {
    const end = literalCharEnd(src, i);
    if (end < 0) return -1;
    const q = quantifierAt(src, end);
    if (q !== undefined && (q.end - end !== 1 || src[end] !== '?')) return -1;
    if (q === undefined) n++;
    i = q?.end ?? end;
  }
  return n;
}

interface Piece {
  /** Literal characters every match holds just before the stretch (the end of the group before it), as source. */
  readonly lead: string;
  readonly from: number;
  readonly to: number;
  readonly chars: number;
}

/**
 * The stretch of consecutive literal items (characters, `x?`, \b, groups of literal alternatives) with the most
 * mandatory characters, in the sequence src[from, to) or in a group inside it that every match passes through. It
 * starts and ends with a mandatory item (a trailing `\.?` only slows the finder), and takes as its lead the
 * characters that end every repetition of a group right before it (`(?:[A-Z]\w* ){1,4}(?:St|Street)` holds
 * ` (?:St|Street)`: 2.5x fewer finder attempts succeed past the first character on the bench text).
 */
function bestPiece(src: string, from: number, to: number): Piece | undefined {
  const alts = alternatives(src, from, to);
  if (alts === undefined || alts.length !== 1) return undefined;
  let best: Piece | undefined;
  const offer = (p: Piece | undefined): void => {
    if (p !== undefined && p.chars > 0 && (best === undefined || p.chars > best.chars)) best = p;
  };
  let lead = { source: '', chars: 0 };
  let start = -1;
  let end = -1;
  let chars = 0;
  const close = (): void => {
    if (start >= 0) offer({ lead: lead.source, from: start, to: end, chars: chars + lead.chars });
    start = -1;
    chars = 0;
  };
  for (let i = from; i < to;) {
    const item = literalItem(src, i);
    const q = quantifierAt(src, item.end);
    const next = q?.end ?? item.end;
    if (item.min >= 0 && q === undefined) {
      if (start < 0) start = i;
      end = item.end;
      chars += item.min;
    } else if (item.min >= 0 && q !== undefined && q.end - item.end === 1 && src[item.end] === '?') {
      // Optional: kept inside a stretch, but the lead no longer touches one that starts after it.
      if (start < 0) lead = { source: '', chars: 0 };
    } else {
      close();
      const mandatory = src[i] === '(' && !isLookaround(src, i) && (q === undefined || q.min > 0);
      // A group that must match at least once is passed through by every match: a piece inside it will do.
      if (mandatory) offer(bestPiece(src, bodyStart(src, i), item.end - 1));
      lead = mandatory ? trailingLiteral(src, bodyStart(src, i), item.end - 1) : { source: '', chars: 0 };
    }
    i = next;
  }
  close();
  return best;
}

/** The plain characters that end src[from, to) when it is one alternative, as source, and how many they are. */
function trailingLiteral(src: string, from: number, to: number): { source: string; chars: number } {
  let run = from;
  let chars = 0;
  if (alternatives(src, from, to)?.length !== 1) return { source: '', chars: 0 };
  for (let i = from; i < to;) {
    const e = literalCharEnd(src, i);
    const item = e >= 0 ? { end: e } : literalItem(src, i);
    const q = quantifierAt(src, item.end);
    const next = q?.end ?? item.end;
    if (e >= 0 && q === undefined) chars++;
    else [run, chars] = [next, 0];
    i = next;
  }
  return { source: src.slice(run, to), chars };
}

/** The item at `i`: its end, and its mandatory characters when it is literal (else -1; \b counts 0). */
function literalItem(src: string, i: number): { end: number; min: number } {
  if (src.startsWith('\\b', i) || src.startsWith('\\B', i)) return { end: i + 2, min: 0 };
  const end = literalCharEnd(src, i);
  if (end >= 0) return { end, min: 1 };
  if (src[i] === '(') {
    const close = groupEnd(src, i);
    if (close < 0) throw new Unsure();
    if (isLookaround(src, i)) return { end: close, min: -1 };
    const inner = alternatives(src, bodyStart(src, i), close - 1);
    const mins = inner?.map(([a, b]) => literalRunMin(src, a, b)) ?? [-1];
    return { end: close, min: mins.every((m) => m > 0) ? Math.min(...mins) : -1 };
  }
  const close = src[i] === '[' ? classEnd(src, i) : src[i] === '\\' ? i + 2 : i + 1;
  if (close < 0) throw new Unsure();
  return { end: close, min: -1 };
}

/** The gate of a pattern source, or undefined when the reader cannot vouch for one. */
export function literalGateOf(source: string, flags = ''): LiteralGate | undefined {
  if (/[iuvs]/.test(flags) || /\\(?:[1-9]|k<)/.test(source)) return undefined;
  const clean = flags.replace(/[gyd]/g, '');
  try {
    const alphabet = new Uint8Array(128);
    consume(source, 0, source.length, alphabet, clean);
    const first = new Uint8Array(128);
    if (firstOf(source, 0, source.length, first, clean)) return undefined; // a match may be empty
    const piece = bestPiece(source, 0, source.length);
    if (piece === undefined || piece.chars < MIN_FINDER_CHARS) return undefined;
    const finderSource = piece.lead + source.slice(piece.from, piece.to);
    const finder = new RegExp(finderSource, `g${clean}`);
    const openerEnd = literalCharEnd(finderSource, 0);
    const opener =
      openerEnd > 0 && quantifierAt(finderSource, openerEnd) === undefined ? finderSource[openerEnd - 1] : undefined;
    // Without its spaces: a search for a string that starts with a space stops at every space (' Box ' took longer
    // than the finder's scan; 'Box' a fifth of it).
    const literal = longestLiteral(source, piece.from, piece.to).trim();
    return {
      alphabet,
      first,
      finder,
      chars: piece.chars,
      literal: literal.length >= MIN_LITERAL_CHARS ? literal : undefined,
      opener:
        opener !== undefined && opener.length === 1 && opener !== ' ' && ASCII_PUNCTUATION.includes(opener)
          ? { char: opener, finder: new RegExp(finderSource, `y${clean}`) }
          : undefined,
    };
  } catch (e) {
    if (e instanceof Unsure || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/**
 * The longest run of mandatory plain characters (or escaped punctuation) among the items of the piece src[from, to):
 * an optional, quantified or grouped item, a class or an assertion ends a run.
 */
function longestLiteral(src: string, from: number, to: number): string {
  let best = '';
  let run = '';
  for (let i = from; i < to;) {
    const end = literalCharEnd(src, i);
    const item = end >= 0 ? { end } : literalItem(src, i);
    const q = quantifierAt(src, item.end);
    if (end >= 0 && q === undefined) run += src[end - 1] as string;
    else run = '';
    if (run.length > best.length) best = run;
    i = q?.end ?? item.end;
  }
  return best;
}
