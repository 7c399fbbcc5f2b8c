/**
 * Shared types of the streaming format codecs (docs/formats.md).
 *
 * A decoder turns input text into RECORDS: plain, structured-clone-able objects that hold the record's string
 * leaves (decoded values with their location) and the verbatim text around them (`pieces`). A transform changes
 * leaf values; an encoder writes `pieces[0] + enc(leaves[0]) + pieces[1] + … + pieces[n]`. Concatenating every
 * encoded record in order gives the output document, so records can be shipped in batches to workers and joined
 * back in order.
 */

/** What a leaf is in its format. */
export type LeafKind = 'value' | 'key' | 'attribute' | 'text' | 'cdata' | 'comment' | 'cell';

/** Where a leaf sits. The `Leaf` object itself is passed as the location: no allocation per call. */
export interface LeafLocation {
  /**
   * JSON: `$.employees[3].name`; CSV: the column header (`#3` without a header row); XML: `/root/employee/name`,
   * `/root/employee/@id`; text: `''`.
   */
  readonly path: string;
  /** `path` with array indices replaced by `[*]` (JSON), so all records of one column share it; else `path`. */
  readonly field: string;
  readonly kind: LeafKind;
  /** 0-based ordinal of the record (see docs/formats.md: what a record is per format). */
  readonly record: number;
}

/** One string leaf of a record. `value` is the decoded text; transforms write the new value back into it. */
export interface Leaf extends LeafLocation {
  value: string;
  /** CSV only: the cell was quoted in the input (kept quoted in the output). */
  readonly quoted?: boolean;
}

/** A record: `pieces.length === leaves.length + 1`; pieces are verbatim output text around the leaves. */
export interface RecordUnit {
  readonly record: number;
  readonly pieces: string[];
  readonly leaves: Leaf[];
  /**
   * JSON/NDJSON: the path of the value completed just before this record when the record starts inside a container
   * (`$.ids[0]` before `, 5`): liftJsonNumbers rebuilds the open containers from it to name the record's numbers.
   * Exact at value boundaries; after the hard cut inside a long run of text (a record past twice `recordChars`) the
   * tokenizer may already be one value past the cut, so a number there can get a neighbouring index or container
   * (it is still lifted and masked).
   */
  readonly resume?: string;
}

/** Returns the new value of one leaf (the same string = unchanged). */
export type LeafTransform = (value: string, loc: LeafLocation) => string;

/**
 * Sees every leaf of one record at once (e.g. 氏名 and フリガナ together) and may set `leaf.value`.
 * Runs before the leaf transform, which then sees the values the record hook left.
 */
export type RecordTransform = (leaves: Leaf[], record: number) => void;

export interface FormatTransformHooks {
  readonly leaf?: LeafTransform;
  readonly record?: RecordTransform;
}

/** A leaf transform, or leaf and record hooks. */
export type FormatTransform = LeafTransform | FormatTransformHooks;

/** Everything an encoder needs to write records of a stream: plain data, sent along with batches to workers. */
export type FormatSpec =
  | { readonly format: 'json' }
  | { readonly format: 'ndjson' }
  | { readonly format: 'xml' }
  | { readonly format: 'text' }
  | { readonly format: 'sse' }
  | { readonly format: 'html' }
  | { readonly format: 'csv'; readonly delimiter: string; readonly quote: string };

/** The unit of work for a worker: records of one stream, in order. Structured-clone-able. */
export interface RecordBatch {
  readonly spec: FormatSpec;
  readonly records: RecordUnit[];
}

/** Incremental decoder: input text in, completed records out. Pure: no Node streams, no I/O. */
export interface RecordDecoder {
  /** Decodes a chunk; returns the records completed so far (possibly none). */
  write(chunk: string): RecordUnit[];
  /** Input is complete: returns the remaining records or throws if the input is truncated. */
  end(): RecordUnit[];
  /** How to encode this stream's records; final once the first record was returned. */
  readonly spec: FormatSpec;
}

/** Incremental text-in, text-out codec with the transform applied in between. */
export interface TextCodec {
  /** Returns the output for the records completed by this chunk (often '' while a record is incomplete). */
  write(chunk: string): string;
  /** Returns the rest of the output; throws a KamenError if the input is malformed or truncated. */
  end(): string;
}
