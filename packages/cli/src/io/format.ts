import { extname } from 'node:path';
import {
  createCsvDecoder,
  createJsonDecoder,
  createNdjsonDecoder,
  createTextDecoder,
  createXmlDecoder,
  type RecordDecoder,
} from '@kamen/core';

/** The formats `kamen mask` and `kamen scan` read. */
export type InputFormat = 'csv' | 'tsv' | 'xml' | 'json' | 'ndjson' | 'text';

export const FORMATS: readonly InputFormat[] = ['csv', 'tsv', 'xml', 'json', 'ndjson', 'text'];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xml': 'xml',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.txt': 'text',
  '.log': 'text',
  '.md': 'text',
};

/** The format a file name says, or undefined (no or unknown extension). */
export function formatFromPath(path: string): InputFormat | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}

/** Occurrences of `delim` outside double quotes in one line (quotes spanning lines are rare in a header sample). */
function countOutsideQuotes(line: string, delim: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delim && !quoted) n++;
  }
  return n;
}

function looksLikeJsonLine(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guesses the format from the first decoded text: '<' is XML; '{' or '[' is NDJSON when the first line is a whole
 * JSON value and a second value line follows, else JSON; lines with the same number (≥ 1) of one delimiter
 * (tab, comma, semicolon, pipe) are TSV/CSV; anything else is text.
 */
export function sniffFormat(head: string, complete: boolean): InputFormat {
  const text = head.replace(/^\uFEFF/u, '');
  const start = text.trimStart();
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{') || start.startsWith('[')) {
    const lines = start.split(/\r?\n/u).filter((l) => l.trim() !== '');
    return lines.length >= 2 && looksLikeJsonLine(lines[0] as string) && /^\s*[[{]/u.test(lines[1] as string)
      ? 'ndjson'
      : 'json';
  }
  let lines = text.split(/\r\n|\n|\r/u);
  // The last line of an incomplete sample may be cut short; a final empty line is only the last line break.
  if (!complete || lines[lines.length - 1] === '') lines = lines.slice(0, -1);
  lines = lines.slice(0, 50);
  if (lines.length < 2) return 'text';
  for (const [delim, format] of [
    ['\t', 'tsv'],
    [',', 'csv'],
    [';', 'csv'],
    ['|', 'csv'],
  ] as const) {
    const first = countOutsideQuotes(lines[0] as string, delim);
    if (first > 0 && lines.every((l) => countOutsideQuotes(l, delim) === first)) return format;
  }
  return 'text';
}

/** A record decoder for a format, with core's default limits. */
export function createDecoderFor(format: InputFormat): RecordDecoder {
  switch (format) {
    case 'csv':
      return createCsvDecoder({});
    case 'tsv':
      return createCsvDecoder({ delimiter: '\t' });
    case 'xml':
      return createXmlDecoder({});
    case 'json':
      return createJsonDecoder({});
    case 'ndjson':
      return createNdjsonDecoder({});
    case 'text':
      return createTextDecoder({});
  }
}
