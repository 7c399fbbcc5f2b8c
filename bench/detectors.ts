/**
 * Where detect() spends its time: each detector's scan() timed alone over the same normalised mixed Japanese and
 * English HR text, next to normalizeText() and the whole detect(). Use it when throughput is below target to see
 * which detector dominates (a CPU profile, `node --cpu-prof --import tsx bench/detectors.ts`, then shows why).
 *
 * Run: npx tsx bench/detectors.ts [--mb=2]
 */
import { fileURLToPath } from 'node:url';
import { detect, getDefaultRegistry, normalizeText } from '@kamen/core';
import { generateCorpus } from '../test/eval/corpus.js';
import { EVAL_SEED } from '../test/eval/harness.js';

export interface DetectorTiming {
  readonly id: string;
  readonly ms: number;
  readonly mbPerS: number;
  readonly candidates: number;
}

/** Mixed HR documents of ~2 KB (the evaluation corpus, both languages, with and without PII), ≥ `mb` MB. */
export function mixedDocuments(mb: number): string[] {
  const corpus = generateCorpus({ seed: EVAL_SEED, perLanguage: 1000 });
  const texts = [...corpus.positives.map((p) => p.text), ...corpus.negatives.map((n) => n.text)];
  const docs: string[] = [];
  let bytes = 0;
  for (let i = 0, doc: string[] = [], size = 0; bytes < mb * 1e6; i++) {
    // A fixed stride through the pool interleaves languages and positives/negatives deterministically.
    const t = texts[(i * 7919) % texts.length] as string;
    doc.push(t);
    size += Buffer.byteLength(t) + 1;
    if (size >= 2048) {
      docs.push(doc.join('\n'));
      bytes += size;
      doc = [];
      size = 0;
    }
  }
  return docs;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Median of 5 timed passes after one warm-up pass. */
function time(fn: () => void): number {
  fn();
  return median(
    [0, 1, 2, 3, 4].map(() => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    }),
  );
}

export function timeDetectors(docs: readonly string[]): { total: number; normalize: number; rows: DetectorTiming[] } {
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  const norms = docs.map((d) => normalizeText(d));
  const rows: DetectorTiming[] = [];
  for (const det of getDefaultRegistry().detectors) {
    let candidates = 0;
    const ms = time(() => {
      candidates = 0;
      for (const n of norms) for (const _c of det.scan(n)) candidates++;
    });
    rows.push({ id: det.id, ms, mbPerS: mb / (ms / 1000), candidates });
  }
  const normalize = time(() => {
    for (const d of docs) normalizeText(d);
  });
  const total = time(() => {
    for (const d of docs) detect(d);
  });
  return { total, normalize, rows: rows.sort((a, b) => b.ms - a.ms) };
}

function main(): void {
  const mb = Number(process.argv.find((a) => a.startsWith('--mb='))?.slice(5) ?? 2);
  const docs = mixedDocuments(mb);
  const size = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  const { total, normalize, rows } = timeDetectors(docs);
  const sum = rows.reduce((n, r) => n + r.ms, 0);
  console.log(`${size.toFixed(2)} MB of mixed HR text in ${docs.length} documents`);
  console.log(`detect(): ${total.toFixed(0)} ms = ${(size / (total / 1000)).toFixed(2)} MB/s`);
  console.log(`normalizeText(): ${normalize.toFixed(0)} ms; detectors' scan() together: ${sum.toFixed(0)} ms\n`);
  console.log('| detector | ms | share of detect() | MB/s alone | candidates |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.id} | ${r.ms.toFixed(0)} | ${((100 * r.ms) / total).toFixed(1)}% | ${r.mbPerS.toFixed(1)} | ${r.candidates} |`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
