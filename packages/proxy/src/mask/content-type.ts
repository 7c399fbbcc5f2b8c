/** The body formats the proxy masks. */
export type BodyFormat = 'json' | 'ndjson' | 'csv' | 'tsv' | 'xml' | 'text' | 'sse' | 'html';

export interface MediaType {
  /** `type/subtype`, lower case. */
  readonly essence: string;
  /** The charset parameter, lower case, if any. */
  readonly charset: string | undefined;
}

/** Parses a Content-Type header; undefined when absent or malformed. */
export function parseMediaType(header: string | undefined): MediaType | undefined {
  if (header === undefined) return undefined;
  const [essenceRaw = '', ...params] = header.split(';');
  const essence = essenceRaw.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence)) return undefined;
  let charset: string | undefined;
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() === 'charset')
      charset = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { essence, charset };
}

const EXACT: Readonly<Record<string, BodyFormat>> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/jsonlines': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/plain': 'text',
  'text/css': 'text',
  'text/markdown': 'text',
  'text/javascript': 'text',
  'application/javascript': 'text',
  'text/event-stream': 'sse',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

/**
 * The masking format for a media type: exact names, then structured suffixes (`+json` incl. problem+json, `+xml`).
 * Undefined = the proxy cannot mask it (binary, multipart, unknown): blocked for masked roles unless allow-listed.
 */
export function formatOf(media: MediaType): BodyFormat | undefined {
  const exact = EXACT[media.essence];
  if (exact !== undefined) return exact;
  if (media.essence.endsWith('+json')) return 'json';
  if (media.essence.endsWith('+xml')) return 'xml';
  return undefined;
}

/** True when `essence` matches a pattern (`type/subtype`, `type/*`, `*\/*`). */
export function matchesType(essence: string, patterns: readonly string[]): boolean {
  const [type] = essence.split('/');
  return patterns.some((p) => p === essence || p === '*/*' || p === `${type}/*`);
}

/** Charsets the body may be declared in; output is always UTF-8. Undefined = refuse (EN-07: never guess). */
export function decoderLabel(charset: string | undefined): string | undefined {
  if (charset === undefined) return 'utf-8';
  try {
    return new TextDecoder(charset).encoding;
  } catch {
    return undefined;
  }
}
