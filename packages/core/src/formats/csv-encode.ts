import { Stringifier } from 'csv-stringify';
import type { FormatSpec, Leaf, RecordUnit } from './types.js';

type CsvSpec = Extract<FormatSpec, { format: 'csv' }>;
type RowStringifier = { stringify(record: readonly string[]): [Error | undefined, string] };

interface Writers {
  /** Quotes a cell only when it needs it (delimiter, quote, CR or LF inside). */
  readonly plain: RowStringifier;
  /** Quotes every cell, empty ones included: cells that were quoted in the input stay quoted. */
  readonly quoted: RowStringifier;
  /**
   * With a one-character delimiter and quote: matches exactly the cells csv-stringify quotes (a delimiter, a quote,
   * CR or LF inside), so cells are written here without its per-row arrays and cast calls. Undefined otherwise.
   */
  readonly needsQuote: RegExp | undefined;
}

const cache = new Map<string, Writers>();

// `api` is the stream-free core every csv-stringify entry point (sync, stream) drives; not in the .d.ts.
const rowApi = (s: Stringifier): RowStringifier => (s as unknown as { api: RowStringifier }).api;

/** One UTF-16 code unit as a character-class escape (`\\uXXXX`): safe for any delimiter or quote. */
const codeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

function writersFor(spec: CsvSpec): Writers {
  const id = `${spec.delimiter}\u0000${spec.quote}`;
  let w = cache.get(id);
  if (w === undefined) {
    const base = { delimiter: spec.delimiter, quote: spec.quote, escape: spec.quote, eof: false };
    // csv-stringify's row API without its Node stream: the Stringifier only owns the options.
    // (A spec from outside the codec may lack `quote`: csv-stringify's default applies, on its own path.)
    const simple = spec.delimiter?.length === 1 && spec.quote?.length === 1;
    // Constructed either way, so options csv-stringify refuses fail the same with or without the fast path.
    w = {
      plain: rowApi(new Stringifier(base)),
      quoted: rowApi(new Stringifier({ ...base, quoted: true, quoted_empty: true })),
      // No u flag: a code unit is matched wherever it is, as csv-stringify's indexOf does (a lone surrogate too).
      needsQuote: simple ? new RegExp(`[${codeUnit(spec.delimiter)}${codeUnit(spec.quote)}\\r\\n]`) : undefined,
    };
    cache.set(id, w);
  }
  return w;
}

/** One cell as csv-stringify writes it (escape = quote, no casts, no formula escaping), `quoted`: always quoted. */
function cell(value: string, quoted: boolean, quote: string, needsQuote: RegExp): string {
  if (value === '') return quoted ? quote + quote : '';
  if (!quoted && !needsQuote.test(value)) return value;
  return quote + (value.includes(quote) ? value.replaceAll(quote, quote + quote) : value) + quote;
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
  if (w.needsQuote !== undefined) {
    // Cells joined once: one flat string per row, not a rope of two pieces per cell that is flattened later.
    const cells = new Array<string>(leaves.length);
    for (let i = 0; i < leaves.length; i++) {
      const l = leaves[i] as Leaf;
      cells[i] = cell(l.value, l.quoted === true, spec.quote, w.needsQuote);
    }
    return head + cells.join(spec.delimiter) + tail;
  }
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
