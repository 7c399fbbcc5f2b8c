import { alternatives, ASCII_PUNCTUATION, classEnd, groupEnd } from './regex-source.js';

/**
 * Reads, from a pattern's source, "every match holds a literal character X, and everything before the first X is a
 * run of characters from a small ASCII set C that the leading lookbehind rejects": e-mail addresses (X = @, C = the
 * local-part characters and '.') and IPv6 addresses (X = :, C = hex digits). Such a match can only start where
 * the maximal run of C characters before an X starts: the lookbehind rules out a C character before the start, and
 * C holds no X. So the regex is tried there, once per X, instead of at every character (anchored-regex.ts).
 *
 * Conservative like digit-anchor.ts: before X only ASCII classes, escaped punctuation, \d and groups of them (any
 * quantifier, zero-width assertions allowed); X itself a plain character, or the first character of every
 * alternative of a group that must match at least once. The sets are asked of the regex engine on 0-127, so the
 * analysis cannot disagree with it; under the i, u and v flags it does not run.
 */
export interface LiteralAnchor {
  /** The character every match holds (a UTF-16 code unit below 128). */
  readonly literal: number;
  /** runClass[c] is 1 for the ASCII characters the part before the literal can consume. */
  readonly runClass: Uint8Array;
}

interface Parsed {
  /** Single-character atoms the prefix can consume. */
  readonly atoms: string[];
  /** Index after the prefix, or -1 when the source has something this reader does not follow. */
  readonly end: number;
}

/** A single-character atom at `i` made of ASCII only (a class, \d, escaped punctuation): its end, or -1. */
function asciiAtomEnd(src: string, i: number): number {
  let end: number;
  if (src[i] === '[') {
    end = classEnd(src, i);
    if (end < 0 || src[i + 1] === '^') return -1;
  } else if (src[i] === '\\') {
    const e = src[i + 1] ?? '';
    if (e !== 'd' && !ASCII_PUNCTUATION.includes(e)) return -1; // \d or escaped ASCII punctuation only
    end = i + 2;
  } else return -1;
  const body = src.slice(i, end);
  // Escapes that reach outside ASCII (\w is ASCII without the u/i flags, but \s, \D, \W, \S, \u, \x, \p are not).
  if (!/^[\x20-\x7e]*$/.test(body) || /\\[sSDWuxcpPkb0-9]/.test(body)) return -1;
  return end;
}

function quantifierEnd(src: string, i: number): number {
  const c = src[i];
  let end = i;
  if (c === '?' || c === '*' || c === '+') end = i + 1;
  else if (c === '{') {
    const m = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i, i + 16));
    if (m === null) return -1;
    end = i + m[0].length;
  }
  return src[end] === '?' && end > i ? end + 1 : end;
}

/** Items of the prefix from `from`, stopping before a plain character or a group that is not all prefix. */
function prefix(src: string, from: number, to: number): Parsed {
  const atoms: string[] = [];
  let i = from;
  while (i < to) {
    let end: number;
    if (src[i] === '(') {
      end = groupEnd(src, i);
      if (end < 0 || end > to) return { atoms, end: -1 };
      if (!/^\(\?<?[=!]/.test(src.slice(i, i + 4))) {
        let body = i + 1;
        if (src[body] === '?') {
          if (src[body + 1] !== ':') break; // named groups and modifiers: stop here
          body += 2;
        }
        const inner = alternatives(src, body, end - 1);
        if (inner === undefined) break;
        const parsed = inner.map(([a, b]) => prefix(src, a, b));
        if (parsed.some((p, k) => p.end !== (inner[k] as [number, number])[1])) break;
        for (const p of parsed) atoms.push(...p.atoms);
      }
    } else {
      end = asciiAtomEnd(src, i);
      if (end < 0) break;
      atoms.push(src.slice(i, end));
    }
    const q = quantifierEnd(src, end);
    if (q < 0) return { atoms, end: -1 };
    i = q;
  }
  return { atoms, end: i };
}

const isPlain = (c: string | undefined): c is string =>
  c !== undefined && c.charCodeAt(0) < 128 && /^[^\\^$.|?*+()[\]{}]$/.test(c);

/** The literal that ends the prefix at `i`: a plain character, or the first one of every alternative of a group. */
function literalAt(src: string, i: number): string | undefined {
  if (isPlain(src[i])) {
    const q = quantifierEnd(src, i + 1);
    // x? or x* may be skipped: only a literal that must match anchors.
    return q === i + 1 || src[i + 1] === '+' || /^\{[1-9]/.test(src.slice(i + 1)) ? src[i] : undefined;
  }
  if (src[i] !== '(' || (src[i + 1] === '?' && src[i + 2] !== ':')) return undefined;
  const end = groupEnd(src, i);
  if (end < 0) return undefined;
  const q = src.slice(end, end + 3);
  if (q.startsWith('?') || q.startsWith('*') || q.startsWith('{0')) return undefined;
  const alts = alternatives(src, src[i + 1] === '?' ? i + 3 : i + 1, end - 1);
  // Each alternative must start with the literal itself, not quantified to maybe nothing (x?, x*, x{0,…}).
  const mandatory = (a: number): boolean => !'?*'.includes(src[a + 1] || '_') && !src.startsWith('{0', a + 1);
  const firsts = new Set(alts?.map(([a, b]) => (a < b && isPlain(src[a]) && mandatory(a) ? src[a] : '')));
  const [only] = firsts;
  return firsts.size === 1 && only !== '' ? only : undefined;
}

/** The literal anchor of a pattern source, or undefined. */
export function literalAnchorOf(source: string, flags = ''): LiteralAnchor | undefined {
  if (/[iuv]/.test(flags)) return undefined;
  if (alternatives(source, 0, source.length)?.length !== 1) return undefined;
  let i = 0;
  const behinds: string[] = [];
  while (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
    const e = groupEnd(source, i);
    if (e < 0) return undefined;
    if (source.startsWith('(?<!', i)) behinds.push(source.slice(i + 4, e - 1));
    i = e;
  }
  const pre = prefix(source, i, source.length);
  if (pre.end < 0 || pre.atoms.length === 0) return undefined;
  const literal = literalAt(source, pre.end);
  if (literal === undefined) return undefined;
  const clean = flags.replace(/[gyd]/g, '');
  const runClass = new Uint8Array(128);
  try {
    for (const atom of pre.atoms) {
      const re = new RegExp(`^${atom}$`, clean);
      for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) runClass[c] = 1;
    }
    if (runClass[literal.charCodeAt(0)] === 1) return undefined;
    // Some leading lookbehind must reject every character of the run, so a match starts where a run starts.
    const rejectsRun = behinds.some((b) => {
      // Only plain bodies: with anchors, boundaries, assertions or backreferences the character before the start
      // is not all that decides (as in digit-anchor.ts). One class is plain whatever characters it lists.
      const oneClass = b.startsWith('[') && classEnd(b, 0) === b.length;
      if (!oneClass && /\\(?:[1-9bB]|k<)|[$^]|\(\?[=!<]/.test(b)) return false;
      const re = new RegExp(`(?<!${b})`, `${clean}y`);
      for (let c = 0; c < 128; c++) {
        if (runClass[c] !== 1) continue;
        re.lastIndex = 1;
        if (re.test(`${String.fromCharCode(c)}#`)) return false;
      }
      return true;
    });
    if (!rejectsRun) return undefined;
  } catch {
    return undefined;
  }
  return { literal: literal.charCodeAt(0), runClass };
}
