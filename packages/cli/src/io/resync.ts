import { KamenError, createCsvDecoder, createNdjsonDecoder, type RecordDecoder, type RecordUnit } from '@kamen/core';

/** A record dropped by `--on-error skip`: where and why, never its content. */
export interface SkippedRecord {
  readonly code: string;
  /** Record ordinal in the input (CSV: data row n is record n; NDJSON: value lines from 0). */
  readonly record: number;
  /** 1-based line of the input where the record starts. */
  readonly line: number;
}

function renumber(unit: RecordUnit, record: number): RecordUnit {
  if (unit.record === record) return unit;
  for (const leaf of unit.leaves) (leaf as { record: number }).record = record;
  return { record, pieces: unit.pieces, leaves: unit.leaves };
}

const countLines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * A decoder for `--on-error skip` over line-resynchronisable formats (CSV/TSV rows, NDJSON lines). Input is fed
 * to a normal core decoder in runs of whole rows. The text of rows fed but not yet returned as records is held
 * (a decoder may keep its last row back); when a run fails, the held rows are decoded again one by one with fresh
 * decoders (primed with the CSV header), the bad rows are reported to `onSkip` and dropped — never written — and
 * the good ones kept in order. An unclosed CSV quote cannot be resynchronised (it swallows the rest of the file),
 * so it still fails, as does a bad CSV header.
 */
export function createResyncDecoder(
  format: 'csv' | 'tsv' | 'ndjson',
  onSkip: (skipped: SkippedRecord) => void,
): RecordDecoder {
  const csv = format !== 'ndjson';
  const fresh = (delimiter?: string): RecordDecoder =>
    csv
      ? createCsvDecoder(delimiter !== undefined ? { delimiter } : format === 'tsv' ? { delimiter: '\t' } : {})
      : createNdjsonDecoder({});
  let inner = fresh();
  let primed = false; // inner was primed with the header: its own header record is not output
  let headerDone = !csv; // the header record has been returned
  let header: string | undefined; // CSV: the header row's text, to prime fresh decoders
  let base = 0; // added to inner's record numbers (primed CSV decoders start at 1, hence base = next - 1)
  let next = 0; // next record number in the input
  let held = ''; // rows fed to inner whose records it has not returned yet
  let heldLine = 1; // input line where `held` starts
  let buffer = '';

  const emit = (all: RecordUnit[], offset: number, fromPrimed: boolean): RecordUnit[] => {
    // A primed decoder's record 0 is the header it was primed with: the real one was (or will be) returned.
    const units = fromPrimed ? all.filter((u) => u.record > 0) : all;
    if (!headerDone && units.some((u) => u.record === 0)) headerDone = true;
    const out = units.map((u) => renumber(u, u.record + offset));
    const last = out[out.length - 1];
    if (last !== undefined) next = Math.max(next, last.record + 1);
    return out;
  };

  /** Drops the rows of `n` returned records from `held` (NDJSON blank lines go with the record after them). */
  const release = (n: number): void => {
    let i = 0;
    for (let left = n; left > 0 && i < held.length;) {
      const end = held.indexOf('\n', i);
      const row = end < 0 ? held.slice(i) : held.slice(i, end + 1);
      if (csv || row.trim() !== '') left--;
      heldLine += countLines(row);
      i = end < 0 ? held.length : end + 1;
    }
    held = held.slice(i);
  };

  /** Decodes the held rows one by one after a failure; skips the ones that do not decode. */
  const recover = (final: boolean, failure: unknown): RecordUnit[] => {
    const out: RecordUnit[] = [];
    if (csv && header === undefined) throw failure; // the header itself is bad: nothing to resync on
    if (!headerDone) {
      // The failed run swallowed the header record (the decoder had not returned it yet): decode it alone.
      const d = fresh(delimiterOf(inner));
      out.push(...emit([...d.write(header as string), ...d.end()], 0, false));
    }
    const all = rows(held, csv);
    // Before the end, a last row without its line break is not complete: it goes on to the next decoder.
    const partial = !final && all.length > 0 && !(all[all.length - 1] as string).endsWith('\n') ? all.pop() : undefined;
    let at = heldLine;
    let blank = ''; // NDJSON blank lines travel with the next record
    for (const row of all) {
      const rowLine = at;
      at += countLines(row);
      if (!csv && row.trim() === '') {
        blank += row;
        continue;
      }
      const d = fresh(delimiterOf(inner));
      try {
        if (csv) d.write(header as string);
        out.push(...emit([...d.write(blank + row), ...d.end()], csv ? next - 1 : next, csv));
      } catch (err) {
        if (!(err instanceof KamenError)) throw err;
        // An odd number of quotes: the row runs to the end of the input, so nothing after it can be trusted.
        if (csv && (row.split('"').length - 1) % 2 === 1) throw err;
        onSkip({ code: err.code, record: next, line: rowLine });
        next++;
      }
      blank = '';
    }
    inner = fresh(delimiterOf(inner));
    if (csv) inner.write(header as string);
    primed = csv;
    base = csv ? next - 1 : next;
    held = blank + (partial ?? '');
    heldLine = at - countLines(blank);
    if (held !== '') inner.write(held); // no complete row in it: nothing can come back
    return out;
  };

  const feed = (input: string, final: boolean): RecordUnit[] => {
    let text = input;
    const head: RecordUnit[] = [];
    if (csv && header === undefined && text !== '') {
      // The header row goes first and alone: a bad header fails the run; later runs can be replayed after it.
      header = rows(text, csv)[0] as string;
      head.push(...emit(inner.write(header), base, primed));
      heldLine += countLines(header);
      text = text.slice(header.length);
    }
    if (text === '' && !final) return head;
    held += text;
    try {
      const units = [...inner.write(text), ...(final ? inner.end() : [])];
      const out = emit(units, base, primed);
      // Records returned (the inner decoder's header record is not one of the held rows).
      release(csv ? units.filter((u) => u.record > 0).length : units.length);
      return [...head, ...out];
    } catch (err) {
      if (!(err instanceof KamenError)) throw err;
      return [...head, ...recover(final, err)];
    }
  };

  return {
    write(chunk) {
      buffer += chunk;
      // Feed whole rows only, so a failed run can be replayed row by row.
      let cut = lastRowEnd(buffer, csv);
      // No row end in a long stretch (a CR-only file, a huge quoted cell): feed it anyway, so memory stays bounded.
      if (cut <= 0 && buffer.length > MAX_UNCUT) cut = buffer.length;
      if (cut <= 0) return [];
      const text = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      return feed(text, false);
    },
    end() {
      const text = buffer;
      buffer = '';
      return feed(text, true);
    },
    get spec() {
      return inner.spec;
    },
  };
}

/** Splits text into rows ending with their line break (CSV: a line break outside quotes; NDJSON: every one). */
function rows(text: string, csv: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (csv && c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const MAX_UNCUT = 16 * 1024 * 1024;

const delimiterOf = (d: RecordDecoder): string | undefined => (d.spec.format === 'csv' ? d.spec.delimiter : undefined);

/** Index after the last line break that ends a whole row (outside CSV quotes), or 0. */
function lastRowEnd(text: string, csv: boolean): number {
  if (!csv) return text.lastIndexOf('\n') + 1;
  let quoted = false;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) end = i + 1;
  }
  return end;
}
