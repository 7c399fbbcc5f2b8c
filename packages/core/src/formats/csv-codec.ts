import { Parser } from 'csv-parse';
import { coreError, type KamenError } from '../errors.js';
import { textCodec } from './codec.js';
import { encodeCsvRecord } from './csv-encode.js';
import { fastCsvApplies, fastCsvRows, primeText, type FastCsv } from './csv-fast.js';
import { limitError, resolveLimits, type FormatLimits } from './limits.js';
import type { FormatSpec, Leaf, RecordDecoder, RecordUnit, TextCodec, FormatTransform } from './types.js';

/** Options of the CSV/TSV codec. */
export interface CsvCodecOptions extends FormatLimits {
  /** Field delimiter. Default: detected from the first row among `,` tab `;` `|` (`,` when none occurs). */
  readonly delimiter?: string;
  /** Quote character (default `"`; a quote inside a quoted field is doubled). */
  readonly quote?: string;
  /** The first row holds column names (default true): they become the paths of the cells below. */
  readonly header?: boolean;
  /** Give header cells to the transform too, as kind 'key' (default false: column names are not data). */
  readonly transformHeader?: boolean;
  /**
   * Decoding a slice that starts mid-stream, at a record boundary (a worker's share of a file): the column names
   * read from the header row before it. Every row is then data, and no BOM is looked for (a U+FEFF here is data).
   */
  readonly columns?: readonly string[];
  /** Record delimiter (`\n` or `\r\n`); default: detected from the first row (a slice gets the stream's). */
  readonly recordDelimiter?: string;
  /** Line number of the input's first line in messages (default 1; a slice passes its line in the file). */
  readonly firstLine?: number;
}

type CsvSpec = Extract<FormatSpec, { format: 'csv' }>;
type ParsedRecord = { record: string[]; raw: string };
interface ParserApi {
  parse(buf: Buffer | undefined, end: boolean, push: (r: ParsedRecord) => void, close: () => void): Error | undefined;
  options: { record_delimiter: Buffer[] };
  info: { lines: number };
}
interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number | string | null;
}

const CANDIDATES = [',', '\t', ';', '|'];

/** Picks the delimiter that occurs most often outside quotes in the first row. */
function detectDelimiter(firstRow: string, quote: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of firstRow) {
    if (ch === quote) quoted = !quoted;
    else if (!quoted && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const c of CANDIDATES) {
    if ((counts.get(c) ?? 0) > most) {
      most = counts.get(c) ?? 0;
      best = c;
    }
  }
  return best;
}

/** End of the first row (index of its first CR or LF outside quotes), or -1 while it is incomplete. */
function firstRowEnd(text: string, quote: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote) quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return i;
  }
  return -1;
}

/** Which cells of a raw record were quoted, or undefined when none was. The record already parsed, so a plain scan is exact. */
function quotedCells(raw: string, count: number, delimiter: string, quote: string): boolean[] | undefined {
  // Most rows quote nothing: no array for them.
  if (!raw.includes(quote)) return undefined;
  const out: boolean[] = [];
  let pos = 0;
  for (let cell = 0; cell < count; cell++) {
    const quoted = raw.startsWith(quote, pos);
    out.push(quoted);
    if (quoted) {
      let j = pos + quote.length;
      for (;;) {
        const k = raw.indexOf(quote, j);
        if (k < 0) return out;
        if (raw.startsWith(quote, k + quote.length)) j = k + 2 * quote.length;
        else {
          pos = k + quote.length;
          break;
        }
      }
    }
    const d = raw.indexOf(delimiter, pos);
    if (d < 0) break;
    pos = d + delimiter.length;
  }
  while (out.length < count) out.push(false);
  return out;
}

const ERROR_DETAIL: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed (input ended inside quotes)',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'characters after a closing quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a row has a different number of fields than the first row',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters after a closing quote',
};

/**
 * Incremental CSV/TSV decoder on csv-parse's stream-free parser core (strict: every relax_* option off).
 * One record per row; the header row is record 0 (verbatim unless `transformHeader`). The UTF-8 BOM is stripped
 * before the header is read (CLI-04) and written back; the record delimiter (CRLF, LF or CR) is kept.
 * @public
 */
export function createCsvDecoder(options: CsvCodecOptions = {}): RecordDecoder {
  const limits = resolveLimits(options);
  const quote = options.quote ?? '"';
  const midStream = options.columns !== undefined;
  const useHeader = !midStream && (options.header ?? true);
  const transformHeader = options.transformHeader ?? false;
  const lineBase = (options.firstLine ?? 1) - 1;
  let spec: CsvSpec = { format: 'csv', delimiter: options.delimiter ?? ',', quote };
  let api: ParserApi | undefined;
  let head = ''; // text held back until the delimiter is known
  let start = true;
  let bom = '';
  let held = ''; // a high surrogate at the end of a chunk waits for its pair
  let lastChar = '';
  let names: readonly string[] | undefined = options.columns;
  let pending: { cells: string[]; quoted: boolean[] | undefined } | undefined;
  let recordDelimiter: string | undefined; // csv-parse's, as a string once it has decided it
  // The quote-free fast path (csv-fast.ts), for slices that start mid-stream with a known record delimiter: decided
  // at the first feed (the delimiter is final then); the rows it took, and their width, until csv-parse takes over.
  let fast: FastCsv | null | undefined;
  let fastRows = 0;
  let fastWidth: number | undefined;
  let primeLeft = 0; // csv-parse records that only replay the fast path's rows (never pushed)
  let count = 0;
  let out: RecordUnit[] = [];

  const fail = (err: CsvParseError): KamenError => {
    const line = typeof err.lines === 'number' ? err.lines + lineBase : undefined;
    const ctx = { ...(line !== undefined ? { line } : {}), record: count + (pending === undefined ? 0 : 1) };
    if (err.code === 'CSV_MAX_RECORD_SIZE') return limitError('record length', limits.maxStringLength, ctx);
    const detail = ERROR_DETAIL[err.code ?? ''] ?? 'malformed CSV';
    const column = typeof err.column === 'number' && err.code !== 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
    // csv-parse's message and properties carry input values: only the code and position are kept (no cause).
    return coreError('KAMEN_ERR_INPUT_CSV', `${detail}${line !== undefined ? ` at line ${line}` : ''}`, {
      ...ctx,
      ...(column ? { column: (err.column as number) + 1 } : {}),
    });
  };

  /** Turns the previous row into a record now that we know whether a record delimiter followed it. */
  const emit = (terminator: string): void => {
    if (pending === undefined) return;
    const { cells, quoted } = pending;
    pending = undefined;
    const record = count++;
    const first = record === 0 ? bom : '';
    if (record === 0 && useHeader) {
      names = cells;
      if (!transformHeader) {
        const leaves = cells.map((value, i): Leaf => ({
          value,
          path: value,
          field: value,
          kind: 'key',
          record,
          quoted: quoted?.[i] ?? false,
        }));
        const text = encodeCsvRecord(spec, { record, pieces: [first, terminator], leaves });
        out.push({ record, pieces: [text], leaves: [] });
        return;
      }
    }
    const isHeader = record === 0 && useHeader;
    const kind = isHeader ? 'key' : 'cell';
    // One loop, no closures: this runs for every cell of the input. Arrays sized once, not grown cell by cell.
    const n = cells.length;
    if (n === 0) {
      out.push({ record, pieces: [first, terminator], leaves: [] });
      return;
    }
    const leaves = new Array<Leaf>(n);
    const pieces = new Array<string>(n + 1);
    pieces[0] = first;
    const delimiter = spec.delimiter;
    for (let i = 0; i < n; i++) {
      const value = cells[i] as string;
      const path = isHeader ? value : (names?.[i] ?? `#${i + 1}`);
      leaves[i] = { value, path, field: path, kind, record, quoted: quoted !== undefined && quoted[i] === true };
      if (i > 0) pieces[i] = delimiter;
    }
    pieces[n] = terminator;
    out.push({ record, pieces, leaves });
  };

  const delimiterOf = (): string => {
    if (recordDelimiter !== undefined) return recordDelimiter;
    // Rows the fast path took end with the stream's record delimiter, which csv-parse has not seen yet.
    if (api === undefined && fast) return fast.recordDelimiter;
    const rd = api?.options.record_delimiter[0];
    if (rd === undefined) return '\n';
    // Fixed once csv-parse has detected (or been given) it: converted once, not for every record.
    return (recordDelimiter = rd.toString());
  };

  const push = (r: ParsedRecord): void => {
    if (primeLeft > 0) {
      primeLeft--;
      return;
    }
    if (r.record.length > limits.maxKeys) {
      throw limitError('columns in one row', limits.maxKeys, {
        line: (api?.info.lines ?? 1) + lineBase,
        record: count,
      });
    }
    emit(delimiterOf());
    pending = { cells: r.record, quoted: quotedCells(r.raw, r.record.length, spec.delimiter, quote) };
  };

  const fastFor = (): FastCsv | null => {
    if (!midStream || options.recordDelimiter === undefined) return null;
    const f = {
      delimiter: spec.delimiter,
      quote,
      recordDelimiter: options.recordDelimiter,
      maxRecordSize: limits.maxStringLength,
      maxKeys: limits.maxKeys,
    };
    return fastCsvApplies(f) ? f : null;
  };

  const feed = (text: string, end: boolean): void => {
    // The end after rows the fast path took: csv-parse holds nothing, so it has nothing to add (and no replay).
    if (api === undefined && end && text === '' && fastRows > 0) return;
    if (api === undefined && !end && (fast ??= fastFor()) !== null) {
      const rows = fastCsvRows(text, fast, fastWidth);
      if (rows !== undefined) {
        for (const cells of rows) push({ record: cells, raw: '' });
        fastRows += rows.length;
        fastWidth ??= rows[0]?.length;
        return;
      }
    }
    if (api === undefined) {
      // `api` is csv-parse's stream-free parser core, the one its sync and stream entry points drive.
      api = (
        new Parser({
          delimiter: spec.delimiter,
          quote,
          escape: quote,
          bom: !midStream,
          raw: true,
          ...(options.recordDelimiter !== undefined ? { record_delimiter: options.recordDelimiter } : {}),
          relax_quotes: false,
          relax_column_count: false,
          skip_empty_lines: false,
          max_record_size: limits.maxStringLength,
        }) as unknown as { api: ParserApi }
      ).api;
      if (fast && fastRows > 0) {
        // Replays the fast path's rows as plain ones: csv-parse's line count and expected row width are then what
        // they would be had it read them itself. The replayed records are dropped in push.
        primeLeft = fastRows;
        for (const piece of primeText(fast, fastWidth as number, fastRows)) {
          const primeErr = api.parse(Buffer.from(piece), false, push, () => undefined);
          if (primeErr !== undefined) throw fail(primeErr as CsvParseError);
        }
      }
    }
    const err = api.parse(text === '' ? undefined : Buffer.from(text), end, push, () => undefined);
    if (err !== undefined) throw fail(err as CsvParseError);
  };

  const write = (chunk: string, end: boolean): RecordUnit[] => {
    let text = held + chunk;
    held = '';
    if (!end && text.length > 0) {
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        held = text.slice(-1);
        text = text.slice(0, -1);
      }
    }
    if (text.length > 0) lastChar = text.charAt(text.length - 1);
    if (start) {
      head += text;
      if (head === '' && !end) return [];
      if (!midStream && head.charCodeAt(0) === 0xfeff) {
        bom = '\ufeff';
        head = head.slice(1);
      }
      if (options.delimiter === undefined) {
        const rowEnd = firstRowEnd(head, quote);
        if (rowEnd < 0 && !end) {
          if (head.length > limits.maxStringLength)
            throw limitError('record length', limits.maxStringLength, { line: 1 + lineBase });
          return [];
        }
        spec = { ...spec, delimiter: detectDelimiter(rowEnd < 0 ? head : head.slice(0, rowEnd), quote) };
      }
      start = false;
      text = head;
      head = '';
    }
    if (text !== '') feed(text, false);
    if (end) {
      feed('', true);
      emit(lastChar === '\n' || lastChar === '\r' ? delimiterOf() : '');
      // A file that is only a BOM still gets its BOM back.
      if (count === 0 && bom !== '') out.push({ record: count++, pieces: [bom], leaves: [] });
    }
    const done = out;
    out = [];
    return done;
  };

  return {
    get spec() {
      return spec;
    },
    write: (chunk) => write(chunk, false),
    end: () => write('', true),
  };
}

/** Streaming CSV codec (see createCsvDecoder); cells are re-quoted by csv-stringify. @public */
export function createCsvCodec(options: CsvCodecOptions, transform: FormatTransform): TextCodec {
  return textCodec(createCsvDecoder(options), transform);
}

/** Streaming TSV codec: the CSV codec with a tab delimiter. @public */
export function createTsvCodec(options: Omit<CsvCodecOptions, 'delimiter'>, transform: FormatTransform): TextCodec {
  return textCodec(createCsvDecoder({ ...options, delimiter: '\t' }), transform);
}
