import type { Leaf, LeafKind, RecordUnit } from './types.js';

/**
 * Collects verbatim text and leaves into records and decides where records end (JSON and XML decoders).
 *
 * A record ends when a value (JSON value, XML element) at depth ≤ D completes; D starts at the decoder's record
 * depth. When a record grows past the soft size without ending, D moves down to the shallowest level that completed
 * inside it, so a huge container is cut between its children (an array of employees becomes one record per
 * employee) and D returns to its start value when that container closes. Text without any boundary (a run of
 * whitespace, a record deeper than everything else) is cut at exactly twice the soft size. Every decision depends
 * only on the content, never on how the input was chunked (ST-01).
 * @internal
 */
export class RecordBuilder {
  private pieces: string[] = [];
  private leaves: Leaf[] = [];
  private piece = '';
  private size = 0;
  /** counts[d]: values completed at depth d in this record, since their parent opened. */
  private counts: number[] = [];
  private depth: number;
  private record = 0;
  private readonly hard: number;
  private out: RecordUnit[] = [];

  constructor(
    private base: number,
    private readonly soft: number,
  ) {
    this.depth = base;
    this.hard = soft * 2;
  }

  /** The ordinal the current record will get. */
  get current(): number {
    return this.record;
  }

  /** Sets the record depth (JSON: 1 once the top-level value turns out to be an array). */
  setBase(depth: number): void {
    this.base = depth;
    this.depth = depth;
  }

  /** Appends verbatim output text. */
  text(s: string): void {
    while (this.size + s.length > this.hard) {
      const room = this.hard - this.size;
      this.piece += s.slice(0, room);
      this.size = this.hard;
      s = s.slice(room);
      this.flush();
    }
    this.piece += s;
    this.size += s.length;
  }

  /** Appends a leaf; `value` is the decoded text. */
  leaf(kind: LeafKind, path: string, field: string, value: string): void {
    this.pieces.push(this.piece);
    this.piece = '';
    this.leaves.push({ value, path, field, kind, record: this.record });
    this.size += value.length;
  }

  /** A value at `depth` (0 = top level / root element) just completed. */
  close(depth: number): void {
    const counts = this.counts;
    while (counts.length <= depth + 1) counts.push(0);
    counts[depth + 1] = 0; // the children of the value that closed are no longer siblings of anything open
    counts[depth] = (counts[depth] as number) + 1;
    if (depth <= this.depth) {
      this.flush();
      if (depth < this.depth) this.depth = this.base;
      return;
    }
    if (this.size > this.soft) {
      // Cut at the level with the most completions in this record: that is where siblings repeat (the elements of
      // an array of employees), not a level that happened to close once (a small header object before the array).
      let best = -1;
      let most = 0;
      for (let d = this.depth + 1; d < counts.length; d++) {
        if ((counts[d] as number) > most) {
          most = counts[d] as number;
          best = d;
        }
      }
      if (best >= 0) {
        this.depth = best;
        if (depth <= best) this.flush();
      }
    }
  }

  /** Ends the current record (no-op when it is empty). */
  flush(): void {
    if (this.leaves.length === 0 && this.piece === '' && this.pieces.length === 0) return;
    this.pieces.push(this.piece);
    this.out.push({ record: this.record, pieces: this.pieces, leaves: this.leaves });
    this.record++;
    this.pieces = [];
    this.leaves = [];
    this.piece = '';
    this.size = 0;
    this.counts.fill(0);
  }

  /** Returns and forgets the completed records. */
  take(): RecordUnit[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
