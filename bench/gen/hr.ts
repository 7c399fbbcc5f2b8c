/**
 * Writes a synthetic Japanese HR file of a given size for the CLI benchmark: CSV, NDJSON or XML, UTF-8 or CP932.
 * Generated data only, written to a temporary directory; never commit the output.
 *
 *   npx tsx bench/gen/hr.ts --format csv --size 1GB [--encoding cp932] [--seed 4] [--no-remarks] [--out FILE]
 *
 * A generator, not a benchmark subject: it must be much faster than the masker it feeds. So it builds POOL distinct
 * records once (each value drawn independently, see hr-records.ts), serialises them, and then cycles through them,
 * giving every output record its own 社員番号. A value therefore repeats only every POOL records — far more than any
 * masker cache holds (an LRU smaller than the cycle never hits on it), so caches gain nothing they would not gain
 * on real data. Output goes out in ~1 MB synchronous writes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { createHrGenerator, type HrGenerator } from './hr-records.js';
import { serializer, type HrFormat } from './serialize.js';

export type HrEncoding = 'utf-8' | 'cp932';

export interface HrFileOptions {
  readonly format: HrFormat;
  /** Target size in bytes (the file ends at the first record boundary at or past it). */
  readonly bytes: number;
  readonly encoding?: HrEncoding;
  readonly seed?: number;
  /** false: 備考 left empty (structured columns only). */
  readonly remarks?: boolean;
  readonly out: string;
}

export interface HrFile {
  readonly path: string;
  readonly bytes: number;
  readonly records: number;
  readonly seconds: number;
}

const CHUNK = 1 << 20;
/** Distinct records per file; masker caches must stay well below this for the benchmark to be honest. */
export const POOL = 65_536;
// A private-use character: no serialiser escapes it (JSON.stringify escapes U+0000, which broke NDJSON records).
const ID_MARK = '\ue000';

/** The pool as [text before the 社員番号, text after it] per record. */
function recordPool(format: HrFormat, encodingName: string, gen: HrGenerator): (readonly [string, string])[] {
  const ser = serializer(format, encodingName);
  const out: (readonly [string, string])[] = [];
  for (let i = 0; i < POOL; i++) {
    const text = ser.record({ ...gen.next(), 社員番号: ID_MARK });
    const at = text.indexOf(ID_MARK);
    if (at < 0 || text.indexOf(ID_MARK, at + 1) >= 0)
      throw new Error('bench/gen: the 社員番号 marker was escaped or repeated');
    out.push([text.slice(0, at), text.slice(at + 1)]);
  }
  return out;
}

export function writeHrFile(options: HrFileOptions): HrFile {
  const t0 = performance.now();
  const encoding = options.encoding ?? 'utf-8';
  const encode = (s: string): Buffer => (encoding === 'utf-8' ? Buffer.from(s, 'utf8') : iconv.encode(s, 'cp932'));
  const ser = serializer(options.format, encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS');
  const gen = createHrGenerator({ seed: options.seed ?? 4, remarks: options.remarks ?? true });
  const pool = recordPool(options.format, encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS', gen);
  const fd = openSync(options.out, 'w');
  let bytes = 0;
  let records = 0;
  try {
    let buf = ser.head;
    // Tail bytes are counted up front so the whole file is close to the target.
    const target = options.bytes - Buffer.byteLength(ser.tail);
    for (;;) {
      const [before, after] = pool[records % POOL] as readonly [string, string];
      buf += `${before}E${100_000 + records}${after}`;
      records++;
      // UTF-16 length × 3 bounds the encoded size from above: encode only when a chunk is full or the target may
      // be reached (near the end the flushes get smaller, geometrically).
      if (buf.length >= CHUNK / 3 || bytes + buf.length * 3 >= target) {
        const b = encode(buf);
        writeSync(fd, b);
        bytes += b.length;
        buf = '';
        if (bytes >= target) break;
      }
    }
    const last = encode(buf + ser.tail);
    writeSync(fd, last);
    bytes += last.length;
  } finally {
    closeSync(fd);
  }
  return { path: options.out, bytes, records, seconds: (performance.now() - t0) / 1000 };
}

/** '1GB', '200MB', '512KB', '1e9' → bytes (decimal units, as MB/s is reported). */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*(kb|mb|gb|b)?$/i.exec(s.trim());
  if (m === null) throw new Error(`bad size '${s}' (examples: 200MB, 1GB)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit === 'gb' ? 1e9 : unit === 'mb' ? 1e6 : unit === 'kb' ? 1e3 : 1;
  return Math.round(Number(m[1]) * mult);
}

function cli(): void {
  const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
  };
  const format = arg('format', 'csv') as HrFormat;
  if (!['csv', 'ndjson', 'xml'].includes(format)) throw new Error(`--format must be csv, ndjson or xml`);
  const encoding = arg('encoding', 'utf-8') as HrEncoding;
  if (encoding !== 'utf-8' && encoding !== 'cp932') throw new Error(`--encoding must be utf-8 or cp932`);
  const ext = format === 'csv' ? 'csv' : format === 'ndjson' ? 'ndjson' : 'xml';
  const out = arg('out', join(tmpdir(), `kamen-hr${encoding === 'cp932' ? '-cp932' : ''}.${ext}`));
  const file = writeHrFile({
    format,
    encoding,
    bytes: parseSize(arg('size', '1GB')),
    seed: Number(arg('seed', '4')),
    remarks: !process.argv.includes('--no-remarks'),
    out,
  });
  const mb = file.bytes / 1e6;
  console.error(
    `${file.path}: ${mb.toFixed(1)} MB, ${file.records} records in ${file.seconds.toFixed(1)} s (${(mb / file.seconds).toFixed(0)} MB/s)`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) cli();
