import { Stringifier } from 'csv-stringify';
import type { FormatSpec, Leaf, RecordUnit } from './types.js';

type CsvSpec = Extract<FormatSpec, { format: 'csv' }>;
type RowStringifier = { stringify(record: readonly string[]): [Error | undefined, string] };

interface Writers {
  /** Quotes a cell only when it needs it (delimiter, quote, CR or LF inside). */
  readonly plain: RowStringifier;
  /** Quotes every cell, empty ones included: cells that were quoted in the input stay quoted. */
  readonly quoted: RowStringifier;
}

const cache = new Map<string, Writers>();

// `api` is the stream-free core every csv-stringify entry point (sync, stream) drives; not in the .d.ts.
const rowApi = (s: Stringifier): RowStringifier => (s as unknown as { api: RowStringifier }).api;

function writersFor(spec: CsvSpec): Writers {
  const id = `${spec.delimiter}\u0000${spec.quote}`;
  let w = cache.get(id);
  if (w === undefined) {
    const base = { delimiter: spec.delimiter, quote: spec.quote, escape: spec.quote, eof: false };
    // csv-stringify's row API without its Node stream: the Stringifier only owns the options.
    w = {
      plain: rowApi(new Stringifier(base)),
      quoted: rowApi(new Stringifier({ ...base, quoted: true, quoted_empty: true })),
    };
    cache.set(id, w);
  }
  return w;
}

function row(writer: RowStringifier, values: readonly string[]): string {
  const [err, out] = writer.stringify(values);
  if (err !== undefined) throw err;
  return out;
}

/** Encodes one CSV record: its leading piece (a BOM), the row, its record delimiter. */
export function encodeCsvRecord(spec: CsvSpec, unit: RecordUnit): string {
  const { leaves, pieces } = unit;
  const head = pieces[0] as string;
  const tail = pieces[pieces.length - 1] as string;
  if (leaves.length === 0) return pieces.join('');
  const w = writersFor(spec);
  let quotedCount = 0;
  for (const l of leaves) if (l.quoted === true) quotedCount++;
  const values = leaves.map((l: Leaf) => l.value);
  if (quotedCount === 0) return head + row(w.plain, values) + tail;
  if (quotedCount === leaves.length) return head + row(w.quoted, values) + tail;
  let out = head;
  for (let i = 0; i < leaves.length; i++) {
    if (i > 0) out += spec.delimiter;
    out += row((leaves[i] as Leaf).quoted === true ? w.quoted : w.plain, [values[i] as string]);
  }
  return out + tail;
}
