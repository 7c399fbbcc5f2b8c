import type { Leaf, LeafKind, RecordUnit } from './types.js';

const TOKEN = /[\w.+-]/;

type MutableLeaf = { -readonly [K in keyof Leaf]: Leaf[K] };
/**
 * Leaves are made with `new`, not an object literal. V8 watches each literal's allocation site, and once a
 * scavenge finds most of a site's objects alive (a body's leaves live until it is encoded, and a scavenge often
 * falls inside a body) it allocates them in the old generation from then on; dead leaves there keep their strings
 * alive through every scavenge until a full GC. Objects made by `new` have no allocation site. Measured on the
 * proxy's 20 KB JSON page (in-process, CPU time): about half the CPU per page. The prototype is Object.prototype,
 * so a leaf stays a plain object (structured clone, spread, toStrictEqual against a literal).
 */
function PlainLeaf(this: MutableLeaf, value: string, path: string, field: string, kind: LeafKind, record: number) {
  this.value = value;
  this.path = path;
  this.field = field;
  this.kind = kind;
  this.record = record;
}
PlainLeaf.prototype = Object.prototype;
const LeafObject = PlainLeaf as unknown as new (
  value: string,
  path: string,
  field: string,
  kind: LeafKind,
  record: number,
) => Leaf;

/**
 * Collects verbatim text and leaves into records and decides where records end (JSON and XML decoders).
 *
 * A record ends when a value (JSON value, XML element) at depth ≤ D completes. D is the decoder's base depth, or the
 * level the decoder marked while it reads a record container (JSON record arrays). When a record grows past the soft
 * size without ending, D moves down to the level that completed most often inside it — where siblings repeat — so a
 * huge container is cut between its children, until that container closes. Text without any boundary (a run of
 * whitespace) is cut at exactly twice the soft size. Every decision depends only on the content, never on how the
 * input was chunked (ST-01).
 * @internal
 */
export class RecordBuilder {
  private pieces: string[] = [];
  private leaves: Leaf[] = [];
  private piece = '';
  private size = 0;
  /** counts[d]: values completed at depth d in this record, since their parent opened. */
  private counts: number[] = [];
  /** Record depth set by the decoder for the container being read (JSON: elements of a record array). */
  private level: number | undefined;
  /** Record depth chosen because a record outgrew the soft size. */
  private split: number | undefined;
  private record = 0;
  private readonly hard: number;
  private out: RecordUnit[] = [];
  /** Where the next record starts (RecordUnit.resume). */
  private resume: string | undefined;
  /** Set by the JSON tokenizer: the path of the value that just completed, undefined at the top level. */
  locate: (() => string | undefined) | undefined;

  constructor(
    private readonly base: number,
    private readonly soft: number,
  ) {
    this.hard = soft * 2;
  }

  /** The ordinal the current record will get. */
  get current(): number {
    return this.record;
  }

  /** Values at `depth` are records until a value shallower than `depth` completes (JSON record arrays). */
  recordLevel(depth: number): void {
    this.level = depth;
  }

  /** Appends verbatim output text. */
  text(s: string): void {
    while (this.size + s.length > this.hard) {
      // Leaves are added without a cut, so the record may already be past the hard size: room is then 0.
      const room = Math.max(0, this.hard - this.size);
      // Never inside a number or literal when it can be helped (json-numbers must see a number whole to mask it):
      // back to the start of the token, which may lie in text appended earlier. Content decides, not chunking.
      let cut = room;
      while (cut > 0 && TOKEN.test(s[cut - 1] as string) && TOKEN.test(s[cut] as string)) cut--;
      let carry = '';
      if (cut === 0 && TOKEN.test(s[0] as string)) {
        let k = this.piece.length;
        while (k > 0 && TOKEN.test(this.piece[k - 1] as string)) k--;
        if (k > 0 || this.pieces.length > 0) {
          carry = this.piece.slice(k);
          this.piece = this.piece.slice(0, k);
        } else cut = room; // the record is this one token: cut it anyway
      }
      this.piece += s.slice(0, cut);
      this.size = this.hard;
      s = carry + s.slice(cut);
      this.flush();
    }
    this.piece += s;
    this.size += s.length;
  }

  /** Appends a leaf; `value` is the decoded text. Returns the leaf (the JSON tokenizer notes its lifted numbers). */
  leaf(kind: LeafKind, path: string, field: string, value: string): Leaf {
    this.pieces.push(this.piece);
    this.piece = '';
    const leaf = new LeafObject(value, path, field, kind, this.record);
    this.leaves.push(leaf);
    this.size += value.length;
    return leaf;
  }

  /** A value at `depth` (0 = top level / root element) just completed. */
  close(depth: number): void {
    const counts = this.counts;
    while (counts.length <= depth + 1) counts.push(0);
    counts[depth + 1] = 0; // the children of the value that closed are no longer siblings of anything open
    counts[depth] = (counts[depth] as number) + 1;
    const d = this.split ?? this.level ?? this.base;
    if (depth <= d) {
      this.flush();
      // The container whose children were records has closed: fall back to the enclosing rule.
      if (this.split !== undefined && depth < this.split) this.split = undefined;
      if (this.level !== undefined && depth < this.level) this.level = undefined;
      return;
    }
    if (this.size > this.soft) {
      // Cut at the level with the most completions in this record: that is where siblings repeat (the elements of
      // an array of employees), not a level that happened to close once (a small header object before the array).
      let best = -1;
      let most = 0;
      for (let k = d + 1; k < counts.length; k++) {
        if ((counts[k] as number) > most) {
          most = counts[k] as number;
          best = k;
        }
      }
      if (best >= 0) {
        this.split = best;
        if (depth <= best) this.flush();
      }
    }
  }

  /** Ends the current record (no-op when it is empty). */
  flush(): void {
    if (this.leaves.length === 0 && this.piece === '' && this.pieces.length === 0) return;
    this.pieces.push(this.piece);
    const { record, pieces, leaves, resume } = this;
    this.out.push(resume === undefined ? { record, pieces, leaves } : { record, pieces, leaves, resume });
    this.resume = this.locate?.();
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
