import type { Leaf, LeafKind, RecordUnit } from './types.js';

/**
 * Records packed for a hand-off between threads: one string holding every piece and leaf value of the batch back to
 * back, and typed arrays of offsets and indices. Structured clone copies a string with one memcpy and moves typed
 * arrays' buffers (`transfer`), where cloning RecordUnit objects serialises every leaf object and its path, field
 * and kind strings one by one: measured at several times the cost of decoding the records in the first place, and
 * about six bytes of message per byte of input (bench/cli.ts). Leaf locations (path, field, kind) repeat from record
 * to record, so they are sent once per batch in a table.
 * @public
 */
export interface PackedRecords {
  /** Pieces and leaf values, in record order: piece 0, value 0, piece 1, …, piece n of each record. */
  readonly text: string;
  /** End offset in `text` of every piece and value, in the same order. */
  readonly ends: Int32Array;
  /** Per record: its ordinal and its number of leaves. */
  readonly records: Int32Array;
  /** Per leaf: index of its location in `locations`; CSV quoting in the sign (−1 − index: quoted). */
  readonly leaves: Int32Array;
  /** Distinct leaf locations of the batch, flat: kind, path, field, kind, path, field, … */
  readonly locations: readonly string[];
  /** Whether leaves carried a `quoted` flag at all (CSV), so unpacking restores exactly what was packed. */
  readonly hasQuoted: boolean;
  /** Per record: its `resume` ('' for none); absent when no record has one. */
  readonly resumes?: readonly string[];
}

/** Buffers to hand to postMessage / piscina as a transfer list: moved, not copied. */
export function packedTransferList(p: PackedRecords): ArrayBuffer[] {
  return [p.ends.buffer as ArrayBuffer, p.records.buffer as ArrayBuffer, p.leaves.buffer as ArrayBuffer];
}

/**
 * Packs records (e.g. a batch from a decoder) for another thread; `unpackRecords` gives them back equal.
 * @public
 */
export function packRecords(units: readonly RecordUnit[]): PackedRecords {
  let pieceCount = 0;
  let leafCount = 0;
  for (const u of units) {
    pieceCount += u.pieces.length;
    leafCount += u.leaves.length;
  }
  const parts: string[] = [];
  const ends = new Int32Array(pieceCount + leafCount);
  const records = new Int32Array(units.length * 2);
  const leaves = new Int32Array(leafCount);
  const table = new Map<string, number>();
  const locations: string[] = [];
  const byPosition: ({ path: string; field: string; kind: LeafKind; index: number } | undefined)[] = [];
  let hasQuoted = false;
  let resumes: string[] | undefined;
  let offset = 0;
  let e = 0;
  let l = 0;
  const push = (s: string): void => {
    parts.push(s);
    offset += s.length;
    ends[e++] = offset;
  };
  for (let r = 0; r < units.length; r++) {
    const u = units[r] as RecordUnit;
    records[r * 2] = u.record;
    records[r * 2 + 1] = u.leaves.length;
    if (u.resume !== undefined) (resumes ??= new Array<string>(units.length).fill(''))[r] = u.resume;
    push(u.pieces[0] as string);
    for (let i = 0; i < u.leaves.length; i++) {
      const leaf = u.leaves[i] as Leaf;
      // Fast path: the i-th leaf of a record usually sits where the i-th leaf of the previous record did (a CSV
      // column, the same JSON key), often as the very same string objects.
      const prev = byPosition[i];
      let index: number;
      if (prev !== undefined && prev.path === leaf.path && prev.field === leaf.field && prev.kind === leaf.kind) {
        index = prev.index;
      } else {
        // The path's length makes the key unambiguous whatever the path and field contain (NULs included).
        const key = `${leaf.kind}\u0000${leaf.path.length}\u0000${leaf.path}${leaf.field}`;
        let found = table.get(key);
        if (found === undefined) {
          found = locations.length / 3;
          table.set(key, found);
          locations.push(leaf.kind, leaf.path, leaf.field);
        }
        index = found;
        byPosition[i] = { path: leaf.path, field: leaf.field, kind: leaf.kind, index };
      }
      if (leaf.quoted !== undefined) hasQuoted = true;
      leaves[l++] = leaf.quoted === true ? -1 - index : index;
      push(leaf.value);
      push(u.pieces[i + 1] as string);
    }
  }
  const packed = { text: parts.join(''), ends, records, leaves, locations, hasQuoted };
  return resumes === undefined ? packed : { ...packed, resumes };
}

/**
 * The records `packRecords` packed (after any number of structured clones).
 * @public
 */
export function unpackRecords(p: PackedRecords): RecordUnit[] {
  const locations: { kind: LeafKind; path: string; field: string }[] = [];
  for (let i = 0; i < p.locations.length; i += 3) {
    locations.push({
      kind: p.locations[i] as LeafKind,
      path: p.locations[i + 1] as string,
      field: p.locations[i + 2] as string,
    });
  }
  const { text, ends } = p;
  const out: RecordUnit[] = [];
  let start = 0;
  let e = 0;
  let l = 0;
  const next = (): string => {
    const end = ends[e++] as number;
    const s = text.slice(start, end);
    start = end;
    return s;
  };
  for (let r = 0; r < p.records.length; r += 2) {
    const record = p.records[r] as number;
    const n = p.records[r + 1] as number;
    const pieces: string[] = [next()];
    const leaves: Leaf[] = [];
    for (let i = 0; i < n; i++) {
      const code = p.leaves[l++] as number;
      const quoted = code < 0;
      const loc = locations[quoted ? -1 - code : code] as { kind: LeafKind; path: string; field: string };
      const value = next();
      leaves.push(
        p.hasQuoted
          ? { value, path: loc.path, field: loc.field, kind: loc.kind, record, quoted }
          : { value, path: loc.path, field: loc.field, kind: loc.kind, record },
      );
      pieces.push(next());
    }
    const resume = p.resumes?.[r / 2];
    out.push(resume === undefined || resume === '' ? { record, pieces, leaves } : { record, pieces, leaves, resume });
  }
  return out;
}
