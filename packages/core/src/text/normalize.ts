import { ITAIJI_CHAR_FOLDS } from './itaiji.js';

/**
 * A matching copy of a text: NFKC, one dash class, itaiji folds, zero-width characters removed,
 * with a map from every normalised UTF-16 index back to the original text.
 * @public
 */
export interface NormalizedText {
  /** The original text. */
  readonly original: string;
  /** The matching copy. Never shown to anyone; detectors match against it. */
  readonly text: string;
  /** True when `text === original` and offsets map to themselves. */
  readonly identity: boolean;
  /** Original index where normalised index `i` (0 ≤ i ≤ text.length) starts. */
  toOriginalStart(i: number): number;
  /** Original exclusive end for a normalised exclusive end `i` (0 ≤ i ≤ text.length). */
  toOriginalEnd(i: number): number;
}

// Dashes NFKC leaves alone (jp-pii-spec.md §0). U+30FC/U+FF70 (ー) count only between two digits, so
// katakana words such as メール (or ルピー21) keep their long-vowel mark: only 0ー1 becomes 0-1.
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2043, 0xfe58, 0xfe63, 0xff0d]);
const LONG_VOWEL = new Set([0x30fc, 0xff70]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);

// Characters for which NFKC is the identity and no fold applies: ASCII, hiragana, katakana, common kanji.
// Text made only of these (and no itaiji) is its own matching copy.
const NEEDS_WORK = new RegExp(
  `[^\\x00-\\x7f\\u3041-\\u3096\\u30a1-\\u30fa\\u30fd\\u30fe\\u4e00-\\u9fff]|[${[...ITAIJI_CHAR_FOLDS.keys()].map((c) => String.fromCharCode(c)).join('')}]`,
);

const MARK = /^\p{M}/u;

// Per-BMP-code-unit behaviour, computed once from String.prototype.normalize itself so it cannot disagree with it.
const SINGLE = 0; // NFKC gives exactly one code unit (after dash and itaiji folds): TABLE_MAP holds it
const SLOW = 1; // expands, is a surrogate, or needs its cluster: normalise the cluster
const DROP = 2; // zero-width, removed from the matching copy
const LONG = 3; // ー / ｰ: a dash only between digits
const MARK_KIND = 4; // combining: belongs to the previous character's cluster
let KIND: Uint8Array | undefined;
let TABLE_MAP: Uint16Array | undefined;
// KIND and TABLE_MAP in one load for the one-to-one pass: the unit a SINGLE maps to, else a sentinel in the
// surrogate range, which no SINGLE maps to (surrogates are SLOW, and NFKC never yields a lone one).
let UNIT: Uint16Array | undefined;
const NOT_SINGLE = 0xd800;
const LONG_UNIT = 0xd801;

function buildTables(): void {
  const kind = new Uint8Array(0x10000);
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      kind[c] = SLOW;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (ZERO_WIDTH.has(c) || (c >= 0xfe00 && c <= 0xfe0f)) kind[c] = DROP;
    else if (LONG_VOWEL.has(c)) kind[c] = LONG;
    else if (c === 0xff9e || c === 0xff9f || MARK.test(ch))
      kind[c] = MARK_KIND; // ﾞﾟ are Lm but attach like marks
    else {
      const nf = ch.normalize('NFKC');
      if (nf.length !== 1) kind[c] = SLOW;
      else {
        const u = nf.charCodeAt(0);
        kind[c] = SINGLE;
        map[c] = DASHES.has(u) ? 0x2d : (ITAIJI_CHAR_FOLDS.get(u) ?? u);
      }
    }
  }
  const unit = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    unit[c] = kind[c] === SINGLE ? (map[c] as number) : kind[c] === LONG ? LONG_UNIT : NOT_SINGLE;
  KIND = kind;
  TABLE_MAP = map;
  UNIT = unit;
}

/** True when the code point at `i` is a combining mark (it belongs to the previous character's cluster). */
function isCombiningAt(s: string, i: number, kind: Uint8Array): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return MARK.test(s.slice(i, i + 2));
  return kind[c] === MARK_KIND;
}

function isDigitUnit(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19));
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

// Buffer's UTF-16LE decoder copies the units as they are (lone surrogates included) several times faster than
// String.fromCharCode.apply; it reads the array's bytes, so only on little-endian hosts (every platform Node ships
// for, checked anyway).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  let text = '';
  for (let k = 0; k < length; k += 8192)
    text += String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  return text;
}

// A matching copy's units live only until they become a string: blocks (at most a few thousand units) reuse
// one buffer instead of allocating a typed array, whose backing store is malloc'd and later swept, per block.
const SCRATCH_MAX = 8192;
const SCRATCH = new Uint16Array(SCRATCH_MAX);

/** Returned by mapOneToOne when every code unit maps to itself. */
const UNCHANGED = 'unchanged';

/**
 * The matching copy when every code unit maps to exactly one (the common case for Japanese text), UNCHANGED when
 * each maps to itself (、。「」 and other characters outside NEEDS_WORK's fast class that NFKC keeps), else undefined.
 * Units before `from` are known to map to themselves. One table load per unit (UNIT) instead of two (KIND, TABLE_MAP).
 */
function mapOneToOne(original: string, from: number, unit: Uint16Array): Uint16Array | typeof UNCHANGED | undefined {
  const n = original.length;
  // Most Japanese blocks hold nothing to fold: find the first unit that changes before allocating anything.
  let first = from;
  for (; first < n; first++) {
    const c = original.charCodeAt(first);
    if (unit[c] !== c) break;
  }
  if (first === n) return UNCHANGED;
  const out = n <= SCRATCH_MAX ? SCRATCH : new Uint16Array(n);
  for (let i = 0; i < first; i++) out[i] = original.charCodeAt(i);
  for (let i = first; i < n; i++) {
    const u = unit[original.charCodeAt(i)] as number;
    if (u < NOT_SINGLE || u > LONG_UNIT) out[i] = u;
    else if (u === LONG_UNIT) {
      const prev = i > 0 ? original.charCodeAt(i - 1) : undefined;
      const next = i + 1 < n ? original.charCodeAt(i + 1) : undefined;
      out[i] = isDigitUnit(prev) && isDigitUnit(next) ? 0x2d : 0x30fc;
    } else return undefined;
  }
  return out;
}

const IDENTITY_MAP = (i: number): number => i;

/**
 * Builds the matching copy of `original`. Linear time; one pass; no regex backtracking.
 * @public
 */
export function normalizeText(original: string): NormalizedText {
  // Every unit before NEEDS_WORK's first match maps to itself: the one-to-one pass starts there.
  const work = NEEDS_WORK.exec(original);
  if (work === null) {
    return { original, text: original, identity: true, toOriginalStart: IDENTITY_MAP, toOriginalEnd: IDENTITY_MAP };
  }
  if (KIND === undefined) buildTables();
  const kind = KIND as Uint8Array;
  const map = TABLE_MAP as Uint16Array;
  const n = original.length;
  const oneToOne = mapOneToOne(original, work.index, UNIT as Uint16Array);
  if (oneToOne === UNCHANGED) {
    return { original, text: original, identity: true, toOriginalStart: IDENTITY_MAP, toOriginalEnd: IDENTITY_MAP };
  }
  if (oneToOne !== undefined) {
    // Same length, character for character: offsets map to themselves, no offset tables needed.
    return {
      original,
      text: unitsToString(oneToOne, n),
      identity: false,
      toOriginalStart: IDENTITY_MAP,
      toOriginalEnd: IDENTITY_MAP,
    };
  }
  // NFKC usually keeps length but can expand one character a lot (U+FDFA gives 18): grow on demand.
  let cap = n + 16;
  // Like the one-to-one path's, these units only become the string: the scratch buffer while they fit.
  let out = cap <= SCRATCH_MAX ? SCRATCH : new Uint16Array(cap);
  let starts = new Uint32Array(cap + 1);
  let ends = new Uint32Array(cap + 1);
  let o = 0;
  const grow = (): void => {
    cap *= 2;
    const o2 = new Uint16Array(cap);
    o2.set(out.subarray(0, o));
    out = o2;
    const s2 = new Uint32Array(cap + 1);
    s2.set(starts);
    starts = s2;
    const e2 = new Uint32Array(cap + 1);
    e2.set(ends);
    ends = e2;
  };
  const push = (unit: number, cs: number, ce: number): void => {
    if (o === cap) grow();
    out[o] = unit;
    starts[o] = cs;
    ends[o] = ce;
    o++;
  };
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    const k = kind[c];
    if (k === SINGLE) {
      // Inline for the common unit: the next one is neither a mark nor a high surrogate (which may start one).
      const nx = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (kind[nx] !== MARK_KIND && !(isHighSurrogate(nx) && isCombiningAt(original, i + 1, kind))) {
        if (o === cap) grow();
        out[o] = map[c] as number;
        starts[o] = i;
        ends[o] = ++i;
        o++;
        continue;
      }
    }
    if (k === DROP) {
      i++;
      continue;
    }
    const next = i + 1 < n ? original.charCodeAt(i + 1) : -1;
    if (k === LONG) {
      const prev = i > 0 ? original.charCodeAt(i - 1) : undefined;
      push(isDigitUnit(prev) && isDigitUnit(next) ? 0x2d : 0x30fc, i, i + 1);
      i++;
      continue;
    }
    // Slow path: one cluster = a code point plus the combining marks after it, normalised together.
    let j = i + (isHighSurrogate(c) && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
    while (j < n && isCombiningAt(original, j, kind)) j += isHighSurrogate(original.charCodeAt(j)) ? 2 : 1;
    const cluster = original.slice(i, j);
    const norm = cluster.normalize('NFKC');
    for (let k = 0; k < norm.length; k++) {
      const u = norm.charCodeAt(k);
      if (ZERO_WIDTH.has(u) || (u >= 0xfe00 && u <= 0xfe0f)) continue;
      push(DASHES.has(u) ? 0x2d : (ITAIJI_CHAR_FOLDS.get(u) ?? u), i, j);
    }
    i = j;
  }
  starts[o] = n;
  ends[o] = n;
  const text = unitsToString(out, o);
  const len = o;
  return {
    original,
    text,
    identity: false,
    toOriginalStart: (x) => starts[Math.min(Math.max(x, 0), len)] ?? n,
    // An exclusive end maps to the end of the cluster that produced the last character before it.
    toOriginalEnd: (x) => (x <= 0 ? (starts[0] ?? 0) : (ends[Math.min(x, len) - 1] ?? n)),
  };
}
