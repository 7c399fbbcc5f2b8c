/**
 * Throughput of the streaming format codecs (identity transform) next to a csv-parse → csv-stringify passthrough
 * measured in the same run, plus the heap used while streaming. Run: `npx tsx bench/formats.ts [MB]`.
 * Inputs are synthetic HR records (generated, no real data); every codec gets the same records in its format.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Parser } from 'csv-parse';
import { Stringifier } from 'csv-stringify';
import {
  createCsvCodec,
  createJsonCodec,
  createNdjsonCodec,
  createTextCodec,
  createXmlCodec,
  type TextCodec,
  type FormatTransform,
} from '../packages/core/src/index.js';

const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '渡辺', 'Smith', 'Brown'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '翔', 'John', 'Emily'];
const KANA = ['ヤマダ タロウ', 'サトウ ハナコ', 'スズキ イチロウ', 'タカハシ ミサキ'];

interface Employee {
  readonly id: number;
  readonly name: string;
  readonly kana: string;
  readonly tel: string;
  readonly email: string;
  readonly address: string;
  readonly salary: number;
  readonly memo: string;
}

function employee(i: number): Employee {
  const d = (n: number): string => String((i * 7919 + n) % 10_000).padStart(4, '0');
  return {
    id: i,
    name: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`,
    kana: KANA[i % KANA.length] as string,
    tel: `090-${d(1)}-${d(2)}`,
    email: `user${i}@example.co.jp`,
    address: `東京都千代田区丸の内${(i % 3) + 1}-${(i % 9) + 1}-${(i % 20) + 1}`,
    salary: 250_000 + (i % 500) * 1000,
    memo: i % 5 === 0 ? '連絡先: "携帯" 080-1111-2222, 面談済み' : '',
  };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

type Format = 'json' | 'ndjson' | 'csv' | 'xml' | 'text';

/** Yields the document in ~64 KiB chunks until about `mb` MB were produced. */
function* generate(format: Format, mb: number): Generator<string> {
  const target = mb * 1_000_000;
  let size = 0;
  let i = 0;
  let buf = format === 'json' ? '[\n' : format === 'csv' ? 'id,name,kana,tel,email,address,salary,memo\r\n' : '';
  if (format === 'xml') buf = '<?xml version="1.0" encoding="UTF-8"?>\n<employees>\n';
  while (size + buf.length < target) {
    const e = employee(i);
    switch (format) {
      case 'json':
        buf += `${i > 0 ? ',\n' : ''}  ${JSON.stringify(e)}`;
        break;
      case 'ndjson':
        buf += `${JSON.stringify(e)}\n`;
        break;
      case 'csv':
        buf += `${Object.values(e).map(csvCell).join(',')}\r\n`;
        break;
      case 'xml':
        buf += `  <employee id="${e.id}"><name>${esc(e.name)}</name><kana>${e.kana}</kana><tel>${e.tel}</tel><email>${e.email}</email><address>${e.address}</address><salary>${e.salary}</salary><memo>${esc(e.memo)}</memo></employee>\n`;
        break;
      case 'text':
        buf += `${e.id} ${e.name}（${e.kana}） TEL ${e.tel} ${e.email} ${e.address} ${e.memo}\n`;
        break;
    }
    i++;
    if (buf.length >= 65_536) {
      size += buf.length;
      yield buf;
      buf = '';
    }
  }
  buf += format === 'json' ? '\n]\n' : format === 'xml' ? '</employees>\n' : '';
  yield buf;
}

// Retained memory is measured after a full GC (what the codec keeps alive, not garbage awaiting collection).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Result {
  readonly name: string;
  readonly mb: number;
  readonly seconds: number;
  readonly retainedMb: number;
  readonly leaves: number;
}

type Runner = (chunks: Iterable<string>) => number;

function measure(name: string, format: Format, mb: number, run: Runner): Result {
  // Timing: chunks generated up front so generation is not timed.
  const chunks = [...generate(format, mb)];
  const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  // Best of two runs: the first also pays for JIT warm-up.
  let seconds = Infinity;
  let leaves = 0;
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    leaves = run(chunks);
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  chunks.length = 0;
  // Memory: a second pass over lazily generated chunks, heap sampled after a full GC every 32 chunks.
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let n = 0;
  run(
    (function* () {
      for (const c of generate(format, mb)) {
        if (++n % 32 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
        yield c;
      }
    })(),
  );
  return { name, mb: bytes / 1e6, seconds, retainedMb: (peak - base) / 1e6, leaves };
}

function viaCodec(make: (t: FormatTransform) => TextCodec): Runner {
  return (chunks) => {
    let leaves = 0;
    let out = 0;
    const codec = make((v) => {
      leaves++;
      return v;
    });
    for (const c of chunks) out += codec.write(c).length;
    out += codec.end().length;
    if (out === 0) throw new Error('no output');
    return leaves;
  };
}

interface ParseApi {
  parse(buf: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): Error | undefined;
}
interface StringifyApi {
  stringify(record: string[]): [Error | undefined, string];
}

/** The reference: csv-parse → csv-stringify through their stream-free cores, records handed over one by one. */
function csvPassthrough(chunks: Iterable<string>): number {
  const parser = (new Parser({ bom: true }) as unknown as { api: ParseApi }).api;
  const writer = (new Stringifier({ eof: false }) as unknown as { api: StringifyApi }).api;
  let cells = 0;
  let out = 0;
  const push = (r: string[]): void => {
    cells += r.length;
    out += writer.stringify(r)[1].length + 2;
  };
  for (const c of chunks) {
    const err = parser.parse(Buffer.from(c), false, push, () => undefined);
    if (err) throw err;
  }
  parser.parse(undefined, true, push, () => undefined);
  if (out === 0) throw new Error('no output');
  return cells;
}

const mb = Number(process.argv[2] ?? 20);
const runs: Result[] = [
  measure('csv-parse → csv-stringify (reference)', 'csv', mb, csvPassthrough),
  measure(
    'createCsvCodec',
    'csv',
    mb,
    viaCodec((t) => createCsvCodec({}, t)),
  ),
  measure(
    'createJsonCodec',
    'json',
    mb,
    viaCodec((t) => createJsonCodec({}, t)),
  ),
  measure(
    'createNdjsonCodec',
    'ndjson',
    mb,
    viaCodec((t) => createNdjsonCodec({}, t)),
  ),
  measure(
    'createXmlCodec',
    'xml',
    mb,
    viaCodec((t) => createXmlCodec({}, t)),
  ),
  measure(
    'createTextCodec',
    'text',
    mb,
    viaCodec((t) => createTextCodec({}, t)),
  ),
  measure('JSON.parse + JSON.stringify (whole document in memory, not streaming)', 'json', mb, (chunks) => {
    const text = [...chunks].join('');
    return JSON.stringify(JSON.parse(text)).length > 0 ? 1 : 0;
  }),
];

console.log(`Node ${process.version}, ~${mb} MB per input, identity transform\n`);
console.log('| codec | input MB (UTF-8) | MB/s | leaves | retained heap MB |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of runs) {
  console.log(
    `| ${r.name} | ${r.mb.toFixed(1)} | ${(r.mb / r.seconds).toFixed(1)} | ${r.leaves} | ${r.retainedMb.toFixed(1)} |`,
  );
}
