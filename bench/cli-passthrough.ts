/**
 * The reference pipelines of bench/cli.ts, run as a child process on a file, output to /dev/null:
 *
 *   csv-parse   fs stream → csv-parse (stream API, bom) → csv-stringify → fs stream: the reference
 *   codec       fs stream → strict UTF-8 TextDecoder → core codec (identity transform) → fs stream
 *
 *   node --import tsx bench/cli-passthrough.ts csv-parse|codec FORMAT FILE
 *
 * Prints one JSON line: { seconds, cpu, bytes, records } — seconds and CPU seconds cover the streaming only, not Node or tsx start-up,
 * which makes the reference faster (and the ratio of kamen, timed with its start-up, more conservative).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import {
  createCsvCodec,
  createNdjsonCodec,
  createXmlCodec,
  type FormatTransform,
  type TextCodec,
} from '../packages/core/src/index.js';

type Format = 'csv' | 'ndjson' | 'xml';

const HIGH_WATER = 1 << 20;

async function csvParseStringify(file: string): Promise<number> {
  let records = 0;
  await pipeline(
    createReadStream(file, { highWaterMark: HIGH_WATER }),
    parse({ bom: true, relax_quotes: false }),
    new Transform({
      objectMode: true,
      transform(row: string[], _enc, done) {
        records++;
        done(null, row);
      },
    }),
    stringify({ record_delimiter: '\r\n' }),
    createWriteStream('/dev/null'),
  );
  return records;
}

async function codecPassthrough(format: Format, file: string): Promise<number> {
  let leaves = 0;
  const identity: FormatTransform = (v) => {
    leaves++;
    return v;
  };
  const codec: TextCodec =
    format === 'csv'
      ? createCsvCodec({}, identity)
      : format === 'ndjson'
        ? createNdjsonCodec({}, identity)
        : createXmlCodec({}, identity);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  await pipeline(
    createReadStream(file, { highWaterMark: HIGH_WATER }),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, codec.write(decoder.decode(chunk, { stream: true })));
      },
      flush(done) {
        done(null, codec.write(decoder.decode()) + codec.end());
      },
    }),
    createWriteStream('/dev/null'),
  );
  return leaves;
}

const [mode, format, file] = process.argv.slice(2) as [string, Format, string];
const t0 = performance.now();
const c0 = process.cpuUsage();
const records = mode === 'csv-parse' ? await csvParseStringify(file) : await codecPassthrough(format, file);
const seconds = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
const { size } = await import('node:fs').then((fs) => fs.statSync(file));
console.log(JSON.stringify({ seconds, cpu, bytes: size, records }));
