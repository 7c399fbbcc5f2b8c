import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createJsonCodec, createXmlCodec, type TextCodec, type FormatTransform } from '@kamen/core';

// A full GC before each sample measures what is live (retained), not garbage waiting for collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TARGET = 50 * 1024 * 1024; // characters streamed per format
const CHUNK = 64 * 1024;

function* employees(open: string, close: string, record: (i: number) => string, target = TARGET): Generator<string> {
  let produced = 0;
  let buf = open;
  for (let i = 0; produced < target; i++) {
    buf += record(i);
    if (buf.length >= CHUNK) {
      produced += buf.length;
      yield buf;
      buf = '';
    }
  }
  yield buf + close;
}

/** Streams a generated document through a codec; returns output size and the peak heap growth in MB. */
function stream(
  make: (t: FormatTransform) => TextCodec,
  chunks: Generator<string>,
): { out: number; leaves: number; peakMb: number } {
  let leaves = 0;
  const codec = make((v) => {
    leaves++;
    return v;
  });
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let out = 0;
  let n = 0;
  for (const chunk of chunks) {
    out += codec.write(chunk).length;
    if (++n % 64 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  out += codec.end().length;
  return { out, leaves, peakMb: (peak - base) / (1024 * 1024) };
}

describe('constant memory', () => {
  // 50 Mi characters are 100 MiB as UTF-16 strings: keeping the input, or the output, would show up here.
  it('streams a 50 MB JSON array with bounded heap', () => {
    const chunks = employees(
      '[\n',
      '\n]\n',
      (i) => `${i > 0 ? ',\n' : ''}{"id":${i},"氏名":"山田 太郎","tel":"090-1234-5678","memo":"連絡先 \\"携帯\\""}`,
    );
    const r = stream((t) => createJsonCodec({}, t), chunks);
    console.log(
      `JSON: ${(r.out / 1048576).toFixed(1)} Mi chars out, ${r.leaves} leaves, peak heap growth ${r.peakMb.toFixed(1)} MB`,
    );
    expect(r.out).toBeGreaterThan(TARGET);
    expect(r.peakMb).toBeLessThan(16);
  });

  it('streams a 50 MB XML document with bounded heap', () => {
    const chunks = employees(
      '<?xml version="1.0"?>\n<employees>\n',
      '</employees>\n',
      (i) => `<employee id="${i}"><name>山田 太郎</name><tel>090-1234-5678</tel><memo>a &amp; b</memo></employee>\n`,
    );
    const r = stream((t) => createXmlCodec({}, t), chunks);
    console.log(
      `XML: ${(r.out / 1048576).toFixed(1)} Mi chars out, ${r.leaves} leaves, peak heap growth ${r.peakMb.toFixed(1)} MB`,
    );
    expect(r.out).toBeGreaterThan(TARGET);
    expect(r.peakMb).toBeLessThan(16);
  });

  it('streams one 25 MB JSON object (no array) with bounded heap: records split between members', () => {
    const chunks = employees('{', '}', (i) => `${i > 0 ? ',' : ''}"k${i}":{"name":"山田","n":${i}}`, TARGET / 2);
    const r = stream((t) => createJsonCodec({ maxKeys: 10_000_000 }, t), chunks);
    console.log(`JSON object: ${r.leaves} leaves, peak heap growth ${r.peakMb.toFixed(1)} MB`);
    expect(r.peakMb).toBeLessThan(16);
  });
});
