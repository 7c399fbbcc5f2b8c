import { keySegment } from './json-tokenizer.js';
import type { ResolvedLimits } from './limits.js';
import type { Leaf, LeafKind } from './types.js';

/*
 * One pass over a whole JSON document held in memory, for createJsonNumbersCodec's leaves without its machinery:
 * no template pieces, no per-chunk state, no record builder. It finds the same leaves (strings, keys, and numbers
 * lifted as value leaves) with the same paths, fields and record numbers, and notes where each leaf's text lies,
 * so the caller copies everything that did not change from the input. It refuses (returns undefined) whatever it
 * is not sure to read exactly as the tokenizer does: malformed input, a limit reached, a document large enough for
 * the record builder to split records by size. The caller then runs the tokenizer, which reports the error.
 */

type MutableLeaf = { -readonly [K in keyof Leaf]: Leaf[K] };
/** Made with `new`, like RecordBuilder's leaves (record-builder.ts says why: no pretenured allocation site). */
function ScanLeaf(this: MutableLeaf, value: string, path: string, field: string, kind: LeafKind, record: number) {
  this.value = value;
  this.path = path;
  this.field = field;
  this.kind = kind;
  this.record = record;
}
ScanLeaf.prototype = Object.prototype;
const LeafObject = ScanLeaf as unknown as new (v: string, p: string, f: string, k: LeafKind, r: number) => Leaf;

/** The leaves of a document in order, where each lies in the text, and where records end. */
export interface ScannedJson {
  readonly leaves: Leaf[];
  /** The leaf's original text: the decoded string, or a lifted number's text. */
  readonly originals: string[];
  /** Start and end (exclusive) of each leaf's text in the document: a string with its quotes, or a number. */
  readonly starts: number[];
  readonly ends: number[];
  /** 1: a number (lifted); 2: a string whose text is its value between quotes (no escape). */
  readonly flags: number[];
  /** Leaf index where each record with leaves ends, and that record's number. */
  readonly recordEnds: number[];
  readonly recordNumbers: number[];
}

export const LEAF_NUMBER = 1;
export const LEAF_RAW = 2;

interface Frame {
  isArray: boolean;
  path: string;
  field: string;
  count: number;
  /** Objects: the path and field of the member whose key was read last. */
  childPath: string;
  childField: string;
  /** Members by position in the previous object at this depth with the same field (as the tokenizer's). */
  membersOf: string;
  readonly members: { key: string; seg: string; field: string }[];
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/iy;
const MEMBERS_MAX = 256;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Scans `text` (a JSON document, not NDJSON, records as createJsonNumbersCodec cuts them by default). */
export function scanJsonWhole(text: string, limits: ResolvedLimits): ScannedJson | undefined {
  // The record builder splits records larger than recordChars: never when the whole text is no larger.
  if (text.length > limits.recordChars) return undefined;
  const n = text.length;
  const out: ScannedJson = {
    leaves: [],
    originals: [],
    starts: [],
    ends: [],
    flags: [],
    recordEnds: [],
    recordNumbers: [],
  };
  const frames: Frame[] = [];
  let depth = 0;
  let openArrays = 0;
  let level = -1; // the record builder's level; -1: none (records are top-level values)
  let record = 0;
  let escaped = false;
  let special = false;

  const skip = (i: number): number => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  /** End of the string starting at `i` (its quote), after the closing quote; -1 if malformed. */
  const stringEnd = (i: number): number => {
    escaped = false;
    special = false;
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      // A surrogate (a lone one can only come from a caller's string, not from decoded UTF-8) is re-encoded as
      // JSON.stringify writes it: the string is then treated as one with escapes, but read as it is.
      if (c >= 0xd800 && c <= 0xdfff) special = true;
      if (c === 0x5c) {
        escaped = true;
        j++;
      } else if (c < 0x20) return -1;
    }
    return -1;
  };
  const stringValue = (s: number, e: number): string | undefined => {
    if (!escaped) return text.slice(s + 1, e - 1);
    try {
      // Exactly RFC 8259's escapes, as the tokenizer decodes them (lone surrogates included).
      return JSON.parse(text.slice(s, e)) as string;
    } catch {
      return undefined;
    }
  };
  const leaf = (kind: LeafKind, path: string, field: string, value: string, s: number, e: number, f: number) => {
    out.leaves.push(new LeafObject(value, path, field, kind, record));
    out.originals.push(value);
    out.starts.push(s);
    out.ends.push(e);
    out.flags.push(f);
  };
  /** A value at `d` completed: the record builder's close() without size splits. */
  const close = (d: number): void => {
    if (d <= (level < 0 ? 0 : level)) {
      out.recordEnds.push(out.leaves.length);
      out.recordNumbers.push(record++);
      if (level >= 0 && d < level) level = -1;
    }
  };

  let i = skip(0);
  for (let started = false; ; started = true) {
    // The top-level value is complete, and after() saw nothing but whitespace behind it.
    if (started && depth === 0) break;
    // A value is expected at i.
    if (i >= n) return undefined;
    const top = depth > 0 ? (frames[depth - 1] as Frame) : undefined;
    let path = '$';
    let field = '$';
    if (top !== undefined) {
      if (top.isArray) {
        top.count++;
        path = `${top.path}[${top.count}]`;
      } else path = top.childPath;
      field = top.childField;
    }
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= limits.maxDepth) return undefined;
      const isArray = c === 0x5b;
      let frame = frames[depth];
      if (frame === undefined) {
        frame = { isArray, path, field, count: 0, childPath: '', childField: '', membersOf: '', members: [] };
        frames.push(frame);
      } else {
        frame.isArray = isArray;
        frame.path = path;
        frame.field = field;
      }
      frame.count = isArray ? -1 : 0;
      frame.childPath = path;
      frame.childField = isArray ? `${field}[*]` : field;
      if (isArray) {
        if (openArrays === 0) level = depth + 1;
        openArrays++;
      }
      depth++;
      i = skip(i + 1);
      if (text.charCodeAt(i) === (isArray ? 0x5d : 0x7d)) {
        i = closeOne(i);
        if (i < 0) return undefined;
        continue;
      }
      if (!isArray && (i = key(frame, i)) < 0) return undefined;
      continue;
    }
    let e: number;
    if (c === 0x22) {
      e = stringEnd(i);
      if (e < 0) return undefined;
      const value = stringValue(i, e);
      if (value === undefined || value.length > limits.maxStringLength) return undefined;
      leaf('value', path, field, value, i, e, escaped || special ? 0 : LEAF_RAW);
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      if (NUMBER.exec(text) === null) return undefined;
      e = NUMBER.lastIndex;
      if (e - i > limits.maxStringLength) return undefined;
      leaf('value', path, field, text.slice(i, e), i, e, LEAF_NUMBER);
    } else {
      const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : '';
      if (literal === '' || !text.startsWith(literal, i)) return undefined;
      e = i + literal.length;
    }
    close(depth);
    i = after(e);
    if (i < 0) return undefined;
  }
  // Text after the top-level value (whitespace) is a record of its own, without leaves.
  return out;

  /** After a value that ended at `e`: the next value's start, n at the end of the document, or -1. */
  function after(e: number): number {
    const i = skip(e);
    if (depth === 0) return i < n ? -1 : n;
    const frame = frames[depth - 1] as Frame;
    const c = text.charCodeAt(i);
    if (c === 0x2c) return frame.isArray ? skip(i + 1) : key(frame, skip(i + 1));
    return c === (frame.isArray ? 0x5d : 0x7d) ? closeOne(i) : -1;
  }

  /** Closes the container whose bracket is at `i`, then goes on as after any value. */
  function closeOne(i: number): number {
    const frame = frames[depth - 1] as Frame;
    depth--;
    if (frame.isArray) openArrays--;
    close(depth);
    return after(i + 1);
  }

  /** A member's key at `i` and its colon: returns where the member's value starts, or -1. */
  function key(frame: Frame, i: number): number {
    if (text.charCodeAt(i) !== 0x22) return -1;
    const e = stringEnd(i);
    if (e < 0) return -1;
    if (++frame.count > limits.maxKeys) return -1;
    if (frame.membersOf !== frame.field) {
      frame.members.length = 0;
      frame.membersOf = frame.field;
    }
    const at = frame.count - 1;
    let member = frame.members[at];
    // A key equal to the one at its position in the previous object reuses its strings (no decode, no concat).
    const same =
      member !== undefined && !escaped && e - i - 2 === member.key.length && text.startsWith(member.key, i + 1);
    if (!same) {
      const value = stringValue(i, e);
      if (value === undefined || value.length > limits.maxStringLength) return -1;
      const seg = member !== undefined && member.key === value ? member.seg : keySegment(value);
      member = { key: value, seg, field: frame.field + seg };
      if (at < MEMBERS_MAX && at <= frame.members.length) frame.members[at] = member;
    }
    const m = member as Frame['members'][number];
    frame.childPath = frame.path + m.seg;
    frame.childField = m.field;
    leaf('key', frame.childPath, m.field, m.key, i, e, escaped || special ? 0 : LEAF_RAW);
    const colon = skip(e);
    if (text.charCodeAt(colon) !== 0x3a) return -1;
    return skip(colon + 1);
  }
}
