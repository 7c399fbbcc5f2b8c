import type { Leaf, RecordUnit } from './types.js';

/**
 * JSON numbers are verbatim pieces in core's records (only strings are leaves), so a My Number or an account
 * number written as a number would pass unmasked. Before masking, every number is lifted into a value leaf named
 * like a string at the same place would be: an object member's number gets the member's path (`$.myNumber`), an
 * array element its index (`$.ids[3]`, field `$.ids[*]`), a top-level number `$`. After masking, an unchanged
 * number goes back verbatim (same bytes), a masked one is written as a number when it still is one (FPE digits)
 * and as a string otherwise ('************').
 *
 * Pieces hold only punctuation, whitespace, numbers and literals (every string is a leaf), so a small walker over
 * them and the leaves knows the open containers. A record that starts inside a container (the elements of a record
 * array) carries `resume`, the path of the value before it, from which the walker rebuilds them.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/iy;
const SEGMENT = /\.[A-Z_$][\w$]*|\["(?:[^"\\]|\\.)*"\]|\[\d+\]/iy;
/** A whole JSON number (a masked number that still is one is written bare). */
export const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?$/iu;

/** The lifted leaves of one batch, with the number text each replaced. */
export type LiftedNumbers = Map<Leaf, string>;

interface Frame {
  readonly isArray: boolean;
  /** The container's path and field; for a container inside an array computed on first use (pathOf). */
  path: string | undefined;
  field: string | undefined;
  /** For a container inside an array: that array and the index there. */
  readonly parent: Frame | undefined;
  readonly index: number;
  /** Arrays: index of the current element. */
  count: number;
  /** Objects: the member whose key was read last. */
  childPath: string;
  childField: string;
}

function frame(isArray: boolean, path: string | undefined, field: string | undefined, parent?: Frame): Frame {
  const index = parent?.count ?? 0;
  return { isArray, path, field, parent, index, count: -1, childPath: path ?? '', childField: field ?? '' };
}

/** Path and field of a container (most containers' paths are never needed: they hold no number). */
function pathOf(f: Frame): [string, string] {
  if (f.path === undefined || f.field === undefined) {
    const [path, field] = pathOf(f.parent as Frame);
    f.path = `${path}[${f.index}]`;
    f.field = `${field}[*]`;
  }
  return [f.path, f.field];
}

/** The containers open after the value at `resume` (a tokenizer path: `.key`, `["key"]`, `[3]`) completed. */
function framesAt(resume: string | undefined): Frame[] {
  const frames: Frame[] = [];
  if (resume === undefined || !resume.startsWith('$')) return frames;
  let path = '$';
  let field = '$';
  SEGMENT.lastIndex = 1;
  while (SEGMENT.lastIndex < resume.length) {
    const seg = SEGMENT.exec(resume)?.[0];
    if (seg === undefined) return []; // not a tokenizer path: numbers are named as top-level ones
    const isArray = seg[0] === '[' && seg[1] !== '"';
    const f = frame(isArray, path, field);
    frames.push(f);
    path += seg;
    if (isArray) {
      f.count = Number(seg.slice(1, -1));
      field += '[*]';
    } else {
      field += seg;
      f.childPath = path;
      f.childField = field;
    }
  }
  return frames;
}

const TOKEN = /[[\]{}\-\da-z]/g;

/** Index of the next bracket, number or literal character at or after `from`, or -1. */
function nextToken(piece: string, from: number): number {
  TOKEN.lastIndex = from;
  return TOKEN.exec(piece)?.index ?? -1;
}

/** Counts a value that starts now in its array. */
function advance(frames: Frame[]): Frame | undefined {
  const top = frames[frames.length - 1];
  if (top?.isArray === true) top.count++;
  return top;
}

function liftUnit(unit: RecordUnit, lifted: LiftedNumbers): void {
  const { pieces, leaves } = unit;
  const frames = framesAt(unit.resume);
  const outPieces: string[] = [];
  const outLeaves: Leaf[] = [];
  let changed = false;
  for (let j = 0; j < pieces.length; j++) {
    const piece = pieces[j] as string;
    let from = 0;
    // Straight to the next bracket, number or literal: pieces are mostly whitespace, commas and colons.
    for (let i = nextToken(piece, 0); i >= 0; i = nextToken(piece, i + 1)) {
      const c = piece.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        // { or [: a container value
        const top = advance(frames);
        const isArray = c === 0x5b;
        if (top === undefined) frames.push(frame(isArray, '$', '$'));
        else if (top.isArray) frames.push(frame(isArray, undefined, undefined, top));
        else frames.push(frame(isArray, top.childPath, top.childField));
      } else if (c === 0x7d || c === 0x5d) {
        frames.pop();
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(piece)?.[0] ?? piece[i]!;
        const top = advance(frames);
        let path = '$';
        let field = '$';
        if (top !== undefined && top.isArray) {
          const [p, f] = pathOf(top);
          path = `${p}[${top.count}]`;
          field = `${f}[*]`;
        } else if (top !== undefined) {
          path = top.childPath;
          field = top.childField;
        }
        const leaf: Leaf = { value: number, path, field, kind: 'value', record: unit.record };
        outPieces.push(piece.slice(from, i));
        outLeaves.push(leaf);
        lifted.set(leaf, number);
        changed = true;
        i += number.length - 1;
        from = i + 1;
      } else if (c >= 0x61 && c <= 0x7a) {
        advance(frames); // true, false, null
        while (i + 1 < piece.length && piece.charCodeAt(i + 1) >= 0x61 && piece.charCodeAt(i + 1) <= 0x7a) i++;
      }
    }
    const tail = from === 0 ? piece : piece.slice(from);
    const leaf = leaves[j];
    if (leaf === undefined) {
      outPieces.push(tail);
      continue;
    }
    if (leaf.kind === 'key') {
      const top = frames[frames.length - 1];
      if (top !== undefined && !top.isArray) {
        top.childPath = leaf.path;
        top.childField = leaf.field;
      }
    } else advance(frames);
    outPieces.push(tail);
    outLeaves.push(leaf);
  }
  if (!changed) return;
  // In place: callers hold the unit (and a worker batch its arrays). A loop, not push(...spread): records can be big.
  pieces.length = 0;
  for (const p of outPieces) pieces.push(p);
  leaves.length = 0;
  for (const l of outLeaves) leaves.push(l);
}

export function liftJsonNumbers(units: readonly RecordUnit[]): LiftedNumbers {
  const lifted: LiftedNumbers = new Map();
  for (const unit of units) liftUnit(unit, lifted);
  return lifted;
}

/** Puts unchanged numbers back verbatim and masked numeric results back as numbers. */
export function lowerJsonNumbers(units: readonly RecordUnit[], lifted: LiftedNumbers): void {
  if (lifted.size === 0) return;
  for (const unit of units) {
    const { pieces, leaves } = unit;
    // One pass that rebuilds both arrays: splicing each number out would be quadratic in a record full of numbers.
    let n = 0;
    let piece = pieces[0] as string;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i] as Leaf;
      const original = lifted.get(leaf);
      // Unchanged or still a number: back into the text; anything else stays a leaf, written as a JSON string.
      if (original !== undefined && (leaf.value === original || JSON_NUMBER.test(leaf.value))) {
        piece += leaf.value + (pieces[i + 1] as string);
        continue;
      }
      pieces[n] = piece;
      leaves[n] = leaf;
      n++;
      piece = pieces[i + 1] as string;
    }
    pieces[n] = piece;
    pieces.length = n + 1;
    leaves.length = n;
  }
}
