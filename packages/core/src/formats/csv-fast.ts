/**
 * The quote-free fast path of the CSV decoder. A worker's slice of a CSV file (whole records, delimiter and record
 * delimiter known from the first slice) usually holds no quote at all; such text is plain `split` work, while
 * csv-parse costs ~11 µs per 300-byte row (most of a structured row's decoding). The fast path takes a chunk only
 * when it can prove csv-parse would return exactly the same cells and no error: otherwise the decoder hands the chunk
 * to csv-parse, primed first with as many records as the fast path took (primeText), so its line numbers and its
 * record-length check go on as if it had read them itself.
 */

/** What the fast path needs to know of the stream. */
export interface FastCsv {
  readonly delimiter: string;
  readonly quote: string;
  readonly recordDelimiter: string;
  /** csv-parse's max_record_size (bytes). */
  readonly maxRecordSize: number;
  readonly maxKeys: number;
}

// A surrogate half without its other half (with the u flag a pair is one code point outside this range): csv-parse
// reads UTF-8 bytes, where a lone half becomes U+FFFD.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Whether the fast path applies to a stream at all (one-character delimiter and quote, LF or CRLF records). */
export function fastCsvApplies(f: Omit<FastCsv, 'maxRecordSize' | 'maxKeys'>): boolean {
  return (
    f.delimiter.length === 1 &&
    f.quote.length === 1 &&
    f.delimiter !== f.quote &&
    !'\r\n'.includes(f.delimiter) &&
    !'\r\n'.includes(f.quote) &&
    (f.recordDelimiter === '\n' || f.recordDelimiter === '\r\n')
  );
}

/**
 * The rows of `text` as cells, when csv-parse (strict, no quote anywhere) would give exactly these records and no
 * error: text of whole records (ending with the record delimiter), no quote character, no CR or LF but the record
 * delimiters, no lone surrogate, no empty line, every row `width` cells wide (the first row's when `width` is
 * undefined), each within the record size and column limits. Undefined when any of that does not hold.
 */
export function fastCsvRows(text: string, f: FastCsv, width: number | undefined): string[][] | undefined {
  const rd = f.recordDelimiter;
  if (!text.endsWith(rd) || text.includes(f.quote) || LONE_SURROGATE.test(text)) return undefined;
  const lines = text.slice(0, text.length - rd.length).split(rd);
  const rows: string[][] = [];
  let w = width;
  for (const line of lines) {
    // UTF-16 units × 3 bounds the UTF-8 bytes csv-parse counts from above.
    if (line === '' || line.length * 3 > f.maxRecordSize) return undefined;
    if (line.includes('\n') || line.includes('\r')) return undefined;
    const cells = line.split(f.delimiter);
    w ??= cells.length;
    if (cells.length !== w || w > f.maxKeys) return undefined;
    rows.push(cells);
  }
  return rows;
}

/** Records csv-parse reads to reach the state the fast path left: `count` rows of `width` non-empty cells. */
export function* primeText(f: FastCsv, width: number, count: number): Generator<string> {
  const row = `x${`${f.delimiter}x`.repeat(width - 1)}${f.recordDelimiter}`;
  // In pieces: a long fast-path run must not become one huge string.
  for (let left = count; left > 0; left -= 10_000) yield row.repeat(Math.min(left, 10_000));
}
